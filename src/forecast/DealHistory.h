#pragma once
// opportunity_history as the pipeline forecast reads it: one row per change, grouped by opportunity and in
// time order within each, references as KpiSnapshot indexes. Built by storage/ForecastStore or by tests.
#include <cstdint>
#include <limits>
#include <vector>

#include "kpi/KpiSnapshot.h"

namespace salesops::forecast {

inline constexpr std::int32_t kUnchangedDay = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int64_t kUnchangedAmount = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int8_t kUnchangedCategory = -1;

struct DealHistory {
  std::vector<std::int32_t> opportunity;  // KpiSnapshot::opportunities index; rows grouped, ascending
  std::vector<std::int64_t> changedAt;    // UTC seconds, ascending within an opportunity
  std::vector<std::int32_t> stage;        // stage index, or kNoIndex when unchanged
  std::vector<std::int32_t> closeDay;     // kUnchangedDay when unchanged
  std::vector<std::int64_t> amount;       // corporate minor units; kUnchangedAmount when unchanged
  std::vector<std::int8_t> category;      // forecast::Category value, or kUnchangedCategory
  std::size_t size() const noexcept { return opportunity.size(); }

  void add(std::int32_t opp, std::int64_t at, std::int32_t stageIndex, std::int32_t close = kUnchangedDay,
           std::int64_t money = kUnchangedAmount, std::int8_t forecastCategory = kUnchangedCategory) {
    opportunity.push_back(opp);
    changedAt.push_back(at);
    stage.push_back(stageIndex);
    closeDay.push_back(close);
    amount.push_back(money);
    category.push_back(forecastCategory);
  }
  // begin[o]..begin[o + 1]: the rows of opportunity o (size: opportunities + 1). Rows must be grouped.
  std::vector<std::int32_t> rowsByOpportunity(std::size_t opportunities) const;
};

// The state of an opportunity at a moment, rebuilt from its history (backtests and the age in stage).
struct DealState {
  std::int32_t stage = kNoIndex;  // kNoIndex: the history says nothing up to that moment
  std::int64_t stageSince = 0;    // UTC seconds of the change into that stage
  std::int32_t closeDay = kUnchangedDay;
  std::int64_t amount = kUnchangedAmount;
  std::int8_t category = kUnchangedCategory;
};

}  // namespace salesops::forecast
