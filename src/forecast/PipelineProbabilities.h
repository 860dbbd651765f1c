#pragma once
// Win and slip probabilities learned from how past deals ended (issue 5, part 3). A deal that entered an
// open stage is one sample of that stage; it is a sample of the age bucket [from, next) when it stayed in
// the stage at least `from` days (so a deal now aged a days is compared with deals that got that far).
// Only deals won or lost before the as-of date, and history rows up to it, are read, so a backtest sees
// what was known then. Pure functions; no database, no clock.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "common/Date.h"
#include "forecast/DealHistory.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::forecast {

inline constexpr std::array<std::int32_t, 4> kAgeBucketFrom{0, 30, 90, 180};  // days in stage
inline constexpr std::int64_t kDefaultMinSamples = 30;

struct LearnedRate {
  std::int64_t samples = 0;
  std::int64_t hits = 0;       // wins for a win rate, slipped deals for a slip rate
  std::optional<double> rate;  // hits / samples; empty without samples
  bool insufficient = true;    // fewer than the minimum samples: the caller falls back
};

struct StageProbabilities {
  std::int32_t stage = kNoIndex;  // KpiSnapshot::stages index (open stages only)
  double configured = 0;          // the stage's configured probability, 0..1
  LearnedRate win;                // every sample of the stage
  std::array<LearnedRate, kAgeBucketFrom.size()> winByAge;
  LearnedRate slip;  // won deals: closed after the end of the period their close date then pointed into
};

struct LearnedProbabilities {
  std::vector<StageProbabilities> stages;  // open stages in pipeline order
  std::int64_t minSamples = kDefaultMinSamples;

  // Age bucket, else the stage's learned rate, else the configured probability (each needs minSamples).
  double winProbability(std::int32_t stage, std::int32_t ageDays) const noexcept;
  double slipProbability(std::int32_t stage) const noexcept;  // 0 when insufficient
  const StageProbabilities* find(std::int32_t stage) const noexcept;
};

// periodEndOf(d): the last day of the forecast period form (month, quarter, year) that contains d; a won
// deal "slipped" when it closed after periodEndOf(its close date at the time it entered the stage).
LearnedProbabilities learnProbabilities(const KpiSnapshot& snapshot, const DealHistory& history, Date asOf,
                                        const std::function<Date(Date)>& periodEndOf,
                                        std::int64_t minSamples = kDefaultMinSamples);

// The state of every opportunity at the end of day asOf from its history (DealState::stage kNoIndex when
// its history has no stage up to then).
std::vector<DealState> statesAsOf(const KpiSnapshot& snapshot, const DealHistory& history, Date asOf);

}  // namespace salesops::forecast
