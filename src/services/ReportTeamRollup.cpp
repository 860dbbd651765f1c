#include "services/ReportTeamRollup.h"

#include <algorithm>

namespace salesops {
namespace {

class Walk {
 public:
  explicit Walk(const KpiSnapshot& snapshot) : reps_(snapshot.reps), children_(reps_.size()), seen_(reps_.size(), 0) {
    for (std::size_t r = 0; r < reps_.size(); ++r) {
      const std::int32_t m = reps_.manager[r];
      if (m != kNoIndex && static_cast<std::size_t>(m) < reps_.size() && static_cast<std::size_t>(m) != r) {
        children_[static_cast<std::size_t>(m)].push_back(static_cast<std::int32_t>(r));
      }
    }
    for (auto& list : children_)
      std::sort(list.begin(), list.end(), [this](std::int32_t a, std::int32_t b) { return before(a, b); });
  }

  std::vector<RollupNode> run() {
    std::vector<std::int32_t> roots;
    for (std::size_t r = 0; r < reps_.size(); ++r) {
      const std::int32_t m = reps_.manager[r];
      if (m == kNoIndex || static_cast<std::size_t>(m) >= reps_.size() || static_cast<std::size_t>(m) == r)
        roots.push_back(static_cast<std::int32_t>(r));
    }
    std::sort(roots.begin(), roots.end(), [this](std::int32_t a, std::int32_t b) { return before(a, b); });
    for (const std::int32_t root : roots) visit(root, 0);
    // Reps only reachable through a cycle have no root; list them at the top so nobody disappears.
    for (std::size_t r = 0; r < reps_.size(); ++r) {
      if (!seen_[r]) visit(static_cast<std::int32_t>(r), 0);
    }
    return std::move(nodes_);
  }

 private:
  bool before(std::int32_t a, std::int32_t b) const {
    return reps_.id[static_cast<std::size_t>(a)] < reps_.id[static_cast<std::size_t>(b)];
  }

  // Returns the reps of the subtree; fills the node's group on the way back up.
  std::vector<std::int32_t> visit(std::int32_t rep, int depth) {
    const auto r = static_cast<std::size_t>(rep);
    seen_[r] = 1;
    const std::size_t at = nodes_.size();
    nodes_.push_back({rep, depth, false, {reps_.id[r], reps_.name[r], {}}});
    std::vector<std::int32_t> team{rep};
    for (const std::int32_t child : children_[r]) {
      if (seen_[static_cast<std::size_t>(child)]) continue;
      const auto below = visit(child, depth + 1);
      team.insert(team.end(), below.begin(), below.end());
    }
    nodes_[at].manager = team.size() > 1;
    nodes_[at].group.reps = team;
    std::sort(nodes_[at].group.reps.begin(), nodes_[at].group.reps.end());
    return team;
  }

  const KpiSnapshot::Reps& reps_;
  std::vector<std::vector<std::int32_t>> children_;
  std::vector<char> seen_;
  std::vector<RollupNode> nodes_;
};

}  // namespace

std::vector<RollupNode> rollupHierarchy(const KpiSnapshot& snapshot) { return Walk(snapshot).run(); }

}  // namespace salesops
