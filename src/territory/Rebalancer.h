#pragma once
// Proposes account moves between territories so that one metric, or two weighted metrics, become more even
// (TERRITORY.md "Balance"). Greedy and monotone: each move takes one account from the most loaded territory
// to the least loaded one that it helps, choosing the account that lowers the objective most; the objective
// (the weighted sum of squared relative deviations from the mean, i.e. of CV^2) never rises. Locked (named)
// accounts never move; accounts with open pipeline move only when no account without pipeline helps; each
// account moves at most once; at most maxMoves moves. Pure function of its input.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "common/Progress.h"

namespace salesops::territory {

struct RebalanceInput {
  std::int32_t territoryCount = 0;
  // Per account: its territory in 0..territoryCount-1, or -1 for an account outside the balanced set.
  std::vector<std::int32_t> territory;
  // Per account, the value of each metric (money in minor units, or 1 for the account count).
  std::vector<std::array<std::int64_t, 2>> values;
  int metricCount = 1;                      // 1 or 2
  std::array<double, 2> weights{1.0, 0.0};  // relative weight of each metric, >= 0
  std::vector<std::uint8_t> locked;         // named accounts: never move
  std::vector<std::uint8_t> openPipeline;   // moved only when nothing else helps
  std::int64_t maxMoves = 0;
  // Stop as soon as every metric's coefficient of variation is at most this (0.05 = 5 %), so a design that
  // is good enough costs no further moves; empty = go on while a move helps.
  std::optional<double> targetCv;
};

struct Move {
  std::int32_t account = 0;
  std::int32_t from = 0;
  std::int32_t to = 0;
};

struct RebalanceResult {
  std::vector<Move> moves;                                           // in the order they were chosen
  std::vector<std::array<std::int64_t, 2>> loadsBefore, loadsAfter;  // per territory and metric
};

RebalanceResult rebalance(const RebalanceInput& input, const LongTask& task = {});

}  // namespace salesops::territory
