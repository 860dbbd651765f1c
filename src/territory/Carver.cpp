#include "territory/Carver.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "common/Error.h"
#include "territory/Rebalancer.h"
#include "territory/RuleMatch.h"

namespace salesops::territory {
namespace {

std::vector<std::int64_t> totalsOf(const std::vector<CarveAccount>& accounts, const std::vector<std::int32_t>& part,
                                   std::int32_t count) {
  std::vector<std::int64_t> totals(static_cast<std::size_t>(count), 0);
  for (std::size_t i = 0; i < accounts.size(); ++i) totals[part[i]] += accounts[i].value;
  return totals;
}

// Cuts `order` into `count` runs near total / count each; every run gets at least one account.
std::vector<std::int32_t> contiguousRuns(const std::vector<CarveAccount>& accounts,
                                         const std::vector<std::size_t>& order, std::int32_t count) {
  __int128 total = 0;
  for (const auto& a : accounts) total += a.value;
  const bool byCount = total <= 0;  // nothing to balance: share the accounts out evenly instead
  if (byCount) total = static_cast<__int128>(accounts.size());
  const auto valueOf = [&](std::size_t i) -> __int128 { return byCount ? 1 : accounts[i].value; };
  std::vector<std::int32_t> part(accounts.size(), 0);
  const std::size_t n = order.size();
  std::int32_t current = 0;
  std::size_t inCurrent = 0;
  __int128 cumulative = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order[k];
    if (current + 1 < count) {
      const std::size_t partsLeft = static_cast<std::size_t>(count - current - 1);  // after the current one
      const __int128 target = total * (current + 1) / count;
      const bool mustCut = n - k == partsLeft;  // every later run needs an account
      const __int128 after = cumulative + valueOf(i);
      const auto distance = [](__int128 d) { return d < 0 ? -d : d; };
      const bool crossing = after >= target;
      if (inCurrent > 0 && (mustCut || (crossing && distance(cumulative - target) < distance(after - target)))) {
        ++current;
        inCurrent = 0;
      }
    }
    part[i] = current;
    ++inCurrent;
    cumulative += valueOf(i);
    if (current + 1 < count && inCurrent > 0 && cumulative >= total * (current + 1) / count &&
        n - k - 1 >= static_cast<std::size_t>(count - current - 1)) {
      ++current;
      inCurrent = 0;
    }
  }
  return part;
}

// Slides each cut between two neighbouring runs to where their totals are closest (the runs stay contiguous),
// pass after pass until no cut moves: the first cuts only look ahead to their own target, so an account far
// larger than the rest later in the order can leave a neighbour short.
void balanceCuts(const std::vector<CarveAccount>& accounts, const std::vector<std::size_t>& order,
                 std::vector<std::int32_t>& part, std::int32_t count) {
  const std::size_t n = order.size();
  std::vector<__int128> prefix(n + 1, 0);  // prefix[k]: total of the first k accounts in order
  for (std::size_t k = 0; k < n; ++k) prefix[k + 1] = prefix[k] + accounts[order[k]].value;
  if (prefix[n] <= 0) return;
  std::vector<std::size_t> cut(static_cast<std::size_t>(count) + 1, n);  // run j is [cut[j], cut[j + 1])
  cut[0] = 0;
  for (std::size_t k = n; k-- > 0;) cut[part[order[k]]] = k;
  const auto gap = [&](std::size_t j, std::size_t at) {
    const __int128 d = (prefix[at] - prefix[cut[j - 1]]) - (prefix[cut[j + 1]] - prefix[at]);
    return d < 0 ? -d : d;
  };
  for (int pass = 0; pass < 100; ++pass) {
    bool moved = false;
    for (std::size_t j = 1; j < static_cast<std::size_t>(count); ++j) {
      // Prefix sums only grow, so the best cut is next to the first position reaching the midpoint.
      const __int128 middle = (prefix[cut[j - 1]] + prefix[cut[j + 1]]) / 2;
      const std::size_t low = cut[j - 1] + 1, high = cut[j + 1] - 1;
      std::size_t at = static_cast<std::size_t>(
          std::lower_bound(prefix.begin() + low, prefix.begin() + high + 1, middle) - prefix.begin());
      at = std::min(at, high);
      if (at > low && gap(j, at - 1) < gap(j, at)) --at;
      if (gap(j, at) < gap(j, cut[j])) {
        cut[j] = at;
        moved = true;
      }
    }
    if (!moved) break;
  }
  for (std::size_t j = 0; j < static_cast<std::size_t>(count); ++j) {
    for (std::size_t k = cut[j]; k < cut[j + 1]; ++k) part[order[k]] = static_cast<std::int32_t>(j);
  }
}

// Moves single accounts between parts while that lowers the CV (Rebalancer), at most a tenth of them.
std::int64_t refine(const std::vector<CarveAccount>& accounts, std::vector<std::int32_t>& part, std::int32_t count,
                    const LongTask& task) {
  RebalanceInput input;
  input.territoryCount = count;
  input.territory = part;
  input.values.resize(accounts.size());
  for (std::size_t i = 0; i < accounts.size(); ++i) input.values[i] = {accounts[i].value, 0};
  input.metricCount = 1;
  input.weights = {1.0, 0.0};
  input.locked.assign(accounts.size(), 0);
  input.openPipeline.assign(accounts.size(), 0);
  input.maxMoves = static_cast<std::int64_t>(accounts.size() / 10);
  const RebalanceResult result = rebalance(input, task);
  for (const auto& move : result.moves) part[move.account] = move.to;
  return static_cast<std::int64_t>(result.moves.size());
}

double cvOrZero(const Imbalance& imbalance) { return imbalance.cv.value_or(0.0); }

}  // namespace

std::vector<std::int32_t> naiveSplit(std::size_t accounts, std::int32_t count) {
  std::vector<std::int32_t> part(accounts);
  for (std::size_t i = 0; i < accounts; ++i) part[i] = static_cast<std::int32_t>(i * count / accounts);
  return part;
}

CarveResult carve(const std::vector<CarveAccount>& accounts, std::int32_t count, const LongTask& task) {
  if (count < 2) throw Error(ErrorKind::Usage, "carve needs a count of 2 or more, not " + std::to_string(count));
  if (static_cast<std::size_t>(count) > accounts.size())
    throw Error(ErrorKind::Usage, "cannot carve " + std::to_string(count) + " territories out of " +
                                      std::to_string(accounts.size()) + " accounts");
  for (const auto& a : accounts) {
    if (a.value < 0)
      throw Error(ErrorKind::Data, "account " + a.id + " has a negative value (" + std::to_string(a.value) +
                                       ") on the metric; carving balances values of 0 or more");
  }
  std::vector<std::size_t> order(accounts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<std::string> regions, postals;
  for (const auto& a : accounts) {
    regions.push_back(normalizeText(a.region));
    postals.push_back(normalizeText(a.postalCode));
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (regions[a] != regions[b]) return regions[a] < regions[b];
    if (postals[a] != postals[b]) return postals[a] < postals[b];
    return accounts[a].id < accounts[b].id;
  });

  CarveResult result;
  result.part = contiguousRuns(accounts, order, count);
  balanceCuts(accounts, order, result.part, count);
  result.refinementMoves = refine(accounts, result.part, count, task);
  result.totals = totalsOf(accounts, result.part, count);
  result.imbalance = imbalanceOf(result.totals);

  std::vector<std::int32_t> naive = naiveSplit(accounts.size(), count);
  result.naiveTotals = totalsOf(accounts, naive, count);
  result.naiveImbalance = imbalanceOf(result.naiveTotals);
  if (cvOrZero(result.imbalance) > cvOrZero(result.naiveImbalance)) {
    const std::int64_t moves = refine(accounts, naive, count, task);
    const auto totals = totalsOf(accounts, naive, count);
    const Imbalance refined = imbalanceOf(totals);
    if (cvOrZero(refined) < cvOrZero(result.imbalance)) {
      result.part = std::move(naive);
      result.totals = totals;
      result.imbalance = refined;
      result.refinementMoves = moves;
      result.contiguousKept = false;
    }
  }
  return result;
}

}  // namespace salesops::territory
