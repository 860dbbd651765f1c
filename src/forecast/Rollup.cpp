#include "forecast/Rollup.h"

#include <algorithm>
#include <functional>

#include "kpi/ExactQuota.h"

namespace salesops::forecast {
namespace {

constexpr std::int64_t kShareScale = 10000;  // split percentages are hundredths of a percent

// Credit sums are kept in ten-thousandths of a minor unit so split shares add exactly; rounded once.
using Exact = __int128;
using ExactViews = std::array<Exact, kViewCount>;

std::int64_t roundShares(Exact value) noexcept {
  const Exact half = kShareScale / 2;
  const Exact q = value >= 0 ? (value + half) / kShareScale : -((-value + half) / kShareScale);
  return static_cast<std::int64_t>(q);
}

// The views an opportunity closing in the period adds to (cumulative: commit includes closed, …).
std::array<bool, kViewCount> viewsOf(StageKind kind, Category category) noexcept {
  if (kind == StageKind::Lost) return {false, false, false, false};
  if (kind == StageKind::Won) return {true, true, true, false};
  switch (category) {
    case Category::Closed:  // not booked yet: the rep is as sure as a commit
    case Category::Commit:
      return {false, true, true, true};
    case Category::BestCase:
      return {false, false, true, true};
    case Category::Pipeline:
      return {false, false, false, true};
    case Category::Omitted:
      break;
  }
  return {false, false, false, false};
}

struct Tree {
  std::vector<std::vector<std::int32_t>> reports;  // per rep, direct reports ordered by external id
  std::vector<std::int32_t> roots;
};

Tree buildTree(const KpiSnapshot::Reps& reps) {
  const auto n = static_cast<std::int32_t>(reps.size());
  const auto byId = [&](std::int32_t a, std::int32_t b) { return reps.id[a] < reps.id[b]; };
  Tree tree;
  tree.reports.resize(reps.size());
  std::vector<std::int32_t> manager(reps.manager.begin(), reps.manager.end());
  // Walk up from every rep; a walk that comes back to a rep on its own path is a cycle: cut it at the rep
  // with the smallest external id, which becomes a root.
  std::vector<std::uint8_t> state(reps.size(), 0);  // 0 unseen, 1 on the current path, 2 done
  for (std::int32_t start = 0; start < n; ++start) {
    std::vector<std::int32_t> path;
    std::int32_t r = start;
    while (r != kNoIndex && state[r] == 0) {
      state[r] = 1;
      path.push_back(r);
      r = manager[r];
    }
    if (r != kNoIndex && state[r] == 1) {
      const auto from = std::find(path.begin(), path.end(), r);
      manager[*std::min_element(from, path.end(), byId)] = kNoIndex;
    }
    for (const auto p : path) state[p] = 2;
  }
  for (std::int32_t r = 0; r < n; ++r) {
    if (manager[r] == kNoIndex) {
      tree.roots.push_back(r);
    } else {
      tree.reports[manager[r]].push_back(r);
    }
  }
  std::sort(tree.roots.begin(), tree.roots.end(), byId);
  for (auto& list : tree.reports) std::sort(list.begin(), list.end(), byId);
  return tree;
}

}  // namespace

std::optional<Category> parseCategory(std::string_view text) noexcept {
  if (text.empty() || text == "pipeline") return Category::Pipeline;
  if (text == "best_case") return Category::BestCase;
  if (text == "commit") return Category::Commit;
  if (text == "closed") return Category::Closed;
  if (text == "omitted") return Category::Omitted;
  return std::nullopt;
}

std::string_view viewName(View view) noexcept {
  switch (view) {
    case View::Closed:
      return "closed";
    case View::Commit:
      return "commit";
    case View::BestCase:
      return "best_case";
    case View::Pipeline:
      return "pipeline";
  }
  return "";
}

std::optional<View> parseView(std::string_view text) noexcept {
  for (std::size_t v = 0; v < kViewCount; ++v) {
    if (viewName(static_cast<View>(v)) == text) return static_cast<View>(v);
  }
  return std::nullopt;
}

std::vector<std::int32_t> Rollup::children(std::int32_t node) const {
  std::vector<std::int32_t> out;
  for (std::size_t k = static_cast<std::size_t>(node) + 1; k < nodes.size(); ++k) {
    if (nodes[k].depth <= nodes[node].depth) break;
    if (nodes[k].parent == node) out.push_back(static_cast<std::int32_t>(k));
  }
  return out;
}

Rollup computeRollup(const KpiSnapshot& snapshot, const std::vector<Category>& categoryOfOpportunity,
                     const Period& period, const std::vector<Adjustment>& adjustments) {
  const auto& reps = snapshot.reps;
  const auto& opps = snapshot.opportunities;
  std::vector<ExactViews> own(reps.size(), ExactViews{});
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.closeDay[o] < period.start.days || opps.closeDay[o] > period.end.days) continue;
    const Category category = o < categoryOfOpportunity.size() ? categoryOfOpportunity[o] : Category::Pipeline;
    const auto views = viewsOf(opps.kind[o], category);
    if (!views[0] && !views[1] && !views[2] && !views[3]) continue;
    const auto credit = [&](std::int32_t rep, Exact share) {
      for (std::size_t v = 0; v < kViewCount; ++v) {
        if (views[v]) own[rep][v] += share;
      }
    };
    const std::int32_t first = snapshot.splitBegin.empty() ? 0 : snapshot.splitBegin[o];
    const std::int32_t last = snapshot.splitBegin.empty() ? 0 : snapshot.splitBegin[o + 1];
    if (first == last) {
      credit(opps.owner[o], static_cast<Exact>(opps.amount[o]) * kShareScale);
    } else {
      for (std::int32_t s = first; s < last; ++s) {
        credit(snapshot.splits.rep[s], static_cast<Exact>(opps.amount[o]) * snapshot.splits.percent[s]);
      }
    }
  }

  std::vector<ExactQuota> quota(reps.size());
  const auto& q = snapshot.quotas;
  for (std::size_t k = 0; k < q.rep.size(); ++k) {
    const std::int32_t inside = std::min(q.endDay[k], period.end.days) - std::max(q.startDay[k], period.start.days) + 1;
    if (inside <= 0) continue;
    quota[q.rep[k]].add(q.amount[k], inside, q.endDay[k] - q.startDay[k] + 1);
  }

  // The adjustment in force per (rep, view, layer): the newest row, unless that row withdraws it.
  std::vector<std::array<std::array<const Adjustment*, 2>, kViewCount>> inForce(reps.size());
  for (const auto& a : adjustments) {
    if (a.rep < 0 || static_cast<std::size_t>(a.rep) >= reps.size() || a.view == View::Closed) continue;
    const Adjustment*& slot = inForce[a.rep][static_cast<std::size_t>(a.view)][static_cast<std::size_t>(a.layer)];
    if (!slot || slot->createdAt <= a.createdAt) slot = &a;
  }

  const Tree tree = buildTree(reps);
  Rollup out;
  out.period = period;
  out.nodeOfRep.assign(reps.size(), kNoIndex);
  std::vector<ExactViews> raw, adjusted;
  std::vector<ExactQuota> teamQuota;
  // Post-order sums over a pre-order layout: visit returns after its subtree is complete.
  std::function<void(std::int32_t, std::int32_t, std::int32_t)> visit = [&](std::int32_t rep, std::int32_t parent,
                                                                            std::int32_t depth) {
    const auto node = static_cast<std::int32_t>(out.nodes.size());
    out.nodeOfRep[rep] = node;
    RollupNode entry;
    entry.rep = rep;
    entry.parent = parent;
    entry.depth = depth;
    out.nodes.push_back(std::move(entry));
    raw.push_back(own[rep]);
    adjusted.push_back(own[rep]);
    teamQuota.push_back(quota[rep]);
    for (const auto report : tree.reports[rep]) {
      const auto child = static_cast<std::int32_t>(out.nodes.size());
      visit(report, node, depth + 1);
      for (std::size_t v = 0; v < kViewCount; ++v) {
        raw[node][v] += raw[child][v];
        adjusted[node][v] += adjusted[child][v];
      }
      teamQuota[node].add(teamQuota[child]);
    }
    RollupNode& self = out.nodes[node];
    for (std::size_t v = 0; v < kViewCount; ++v) {
      const auto& layers = inForce[rep][v];
      const Adjustment* chosen = nullptr;
      for (const Adjustment* a : {layers[1], layers[0]}) {  // manager first
        if (a && a->amount) {
          chosen = a;
          break;
        }
      }
      if (chosen) {
        adjusted[node][v] = static_cast<Exact>(*chosen->amount) * kShareScale;
        self.adjustment[v] = *chosen;
      }
      self.own[v] = roundShares(own[rep][v]);
      self.raw[v] = roundShares(raw[node][v]);
      self.adjusted[v] = roundShares(adjusted[node][v]);
    }
    self.quota = teamQuota[node].rounded();
  };
  for (const auto root : tree.roots) visit(root, kNoIndex, 0);
  return out;
}

ViewAmounts submissionAmounts(const Rollup& rollup, std::int32_t node) {
  ViewAmounts out = rollup.nodes[node].adjusted;
  for (const auto child : rollup.children(node)) {
    for (std::size_t v = 0; v < kViewCount; ++v) out[v] -= rollup.nodes[child].adjusted[v];
  }
  return out;
}

}  // namespace salesops::forecast
