#pragma once
// Carves N territories out of a set of accounts (TERRITORY.md "Rebalancing"), balanced on one metric and kept
// geographically together where that costs little:
//  1. the accounts are ordered by region, then postal code, then id (normalised text), so neighbours sit
//     side by side;
//  2. the order is cut into N runs whose metric totals are as close as possible to total / N (each cut is
//     placed before or after the account that crosses the running target, whichever lands nearer to it);
//  3. each cut then slides to where its two neighbouring runs' totals are closest, until no cut moves;
//  4. the greedy Rebalancer then moves single accounts between runs while a move lowers the CV (at most a
//     tenth of the accounts), which may break a run's contiguity only where balance needs it.
// The result is never less even than the naive split (N runs of equal account count in the input order,
// each refined the same way): if it were, the refined naive split is returned. Pure function of its input.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "territory/Imbalance.h"

namespace salesops::territory {

struct CarveAccount {
  std::string id;
  std::string region;
  std::string postalCode;
  std::int64_t value = 0;  // the metric (money in minor units, 1 for an account count), >= 0
};

struct CarveResult {
  std::vector<std::int32_t> part;  // per account, its new territory 0..count-1
  std::vector<std::int64_t> totals;
  std::vector<std::int64_t> naiveTotals;  // of the naive equal-count split, unrefined, for comparison
  Imbalance imbalance, naiveImbalance;
  std::int64_t refinementMoves = 0;  // accounts moved out of their run by step 3
  bool contiguousKept = true;        // false when the refined naive split was better and was used
};

// Error(Usage) for a count below 2 or above the number of accounts.
CarveResult carve(const std::vector<CarveAccount>& accounts, std::int32_t count, const LongTask& task = {});

// The naive split: `count` consecutive runs of equal size (the first ones one larger) in input order.
std::vector<std::int32_t> naiveSplit(std::size_t accounts, std::int32_t count);

}  // namespace salesops::territory
