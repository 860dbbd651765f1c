#include "territory/Rebalancer.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/Error.h"

namespace salesops::territory {
namespace {

class Greedy {
 public:
  Greedy(const RebalanceInput& in, const LongTask& task) : in_(in), task_(task), t_(in.territoryCount) {
    if (in.metricCount < 1 || in.metricCount > 2) throw Error(ErrorKind::Usage, "rebalance takes one or two metrics");
    if (in.territory.size() != in.values.size() || in.locked.size() != in.values.size() ||
        in.openPipeline.size() != in.values.size())
      throw Error(ErrorKind::Internal, "rebalance input columns differ in length");
    loads_.assign(t_, {0, 0});
    members_.assign(t_, {});
    for (std::size_t a = 0; a < in.territory.size(); ++a) {
      const std::int32_t t = in.territory[a];
      if (t < 0 || t >= t_) continue;
      for (int m = 0; m < in.metricCount; ++m) loads_[t][m] += in.values[a][m];
      if (!in.locked[a]) members_[t].push_back(static_cast<std::int32_t>(a));
    }
    for (int m = 0; m < in.metricCount; ++m) {
      long double total = 0;
      for (const auto& l : loads_) total += l[m];
      mean_[m] = t_ > 0 ? static_cast<double>(total / t_) : 0.0;
      scale_[m] = mean_[m] > 0 ? std::sqrt(std::max(0.0, in.weights[m])) / mean_[m] : 0.0;
    }
  }

  RebalanceResult run() {
    RebalanceResult result;
    result.loadsBefore = loads_;
    std::vector<std::int32_t> order(t_);
    while (static_cast<std::int64_t>(result.moves.size()) < in_.maxMoves && !targetReached()) {
      if ((result.moves.size() & 255) == 0) {
        task_.checkCancelled();
        task_.report("Rebalancing", static_cast<std::int64_t>(result.moves.size()), in_.maxMoves);
      }
      std::iota(order.begin(), order.end(), 0);
      std::sort(order.begin(), order.end(), [&](auto a, auto b) { return excess(a) > excess(b); });
      if (!moveOne(order, result)) break;
    }
    result.loadsAfter = loads_;
    return result;
  }

 private:
  bool targetReached() const {
    if (!in_.targetCv || t_ == 0) return false;
    for (int m = 0; m < in_.metricCount; ++m) {
      if (mean_[m] <= 0) continue;
      double squares = 0;
      for (const auto& l : loads_)
        squares += (static_cast<double>(l[m]) - mean_[m]) * (static_cast<double>(l[m]) - mean_[m]);
      if (std::sqrt(squares / t_) / mean_[m] > *in_.targetCv) return false;
    }
    return true;
  }

  double deviation(std::int32_t t, int m) const { return (static_cast<double>(loads_[t][m]) - mean_[m]) * scale_[m]; }
  double excess(std::int32_t t) const {
    double e = 0;
    for (int m = 0; m < in_.metricCount; ++m) e += deviation(t, m);
    return e;
  }
  // Change of the objective when account a moves from i to j: sum over metrics of 2u(dj - di) + 2u^2.
  double delta(std::int32_t a, std::int32_t i, std::int32_t j) const {
    double d = 0;
    for (int m = 0; m < in_.metricCount; ++m) {
      const double u = static_cast<double>(in_.values[a][m]) * scale_[m];
      d += 2 * u * (deviation(j, m) - deviation(i, m)) + 2 * u * u;
    }
    return d;
  }

  // Tries donors from the most loaded down and, for each, receivers from the least loaded up; applies the
  // first improving move found. False when no pair improves.
  bool moveOne(const std::vector<std::int32_t>& order, RebalanceResult& result) {
    constexpr std::size_t kReceivers = 4;
    for (std::size_t di = 0; di < order.size(); ++di) {
      const std::int32_t i = order[di];
      if (excess(i) <= 0) break;
      for (std::size_t r = 0; r < std::min(kReceivers, order.size()); ++r) {
        const std::int32_t j = order[order.size() - 1 - r];
        if (j == i || excess(j) >= excess(i)) break;
        std::size_t bestFree = npos, bestPipeline = npos;
        double freeDelta = -kEpsilon, pipelineDelta = -kEpsilon;
        for (std::size_t k = 0; k < members_[i].size(); ++k) {
          const std::int32_t a = members_[i][k];
          const double d = delta(a, i, j);
          if (in_.openPipeline[a]) {
            if (d < pipelineDelta) pipelineDelta = d, bestPipeline = k;
          } else if (d < freeDelta) {
            freeDelta = d, bestFree = k;
          }
        }
        const std::size_t pick = bestFree != npos ? bestFree : bestPipeline;
        if (pick == npos) continue;
        apply(i, j, pick, result);
        return true;
      }
    }
    return false;
  }

  void apply(std::int32_t i, std::int32_t j, std::size_t position, RebalanceResult& result) {
    const std::int32_t a = members_[i][position];
    members_[i][position] = members_[i].back();
    members_[i].pop_back();  // a moved account stays where it went: each account moves at most once
    for (int m = 0; m < in_.metricCount; ++m) {
      loads_[i][m] -= in_.values[a][m];
      loads_[j][m] += in_.values[a][m];
    }
    result.moves.push_back({a, i, j});
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr double kEpsilon = 1e-12;
  const RebalanceInput& in_;
  const LongTask& task_;
  std::int32_t t_;
  std::vector<std::array<std::int64_t, 2>> loads_;
  std::vector<std::vector<std::int32_t>> members_;
  std::array<double, 2> mean_{0, 0}, scale_{0, 0};
};

}  // namespace

RebalanceResult rebalance(const RebalanceInput& input, const LongTask& task) { return Greedy(input, task).run(); }

}  // namespace salesops::territory
