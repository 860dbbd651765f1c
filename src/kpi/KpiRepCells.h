#pragma once
// The additive building blocks of every KPI per (rep, period), accumulated in one pass over each entity's
// columns: a record is bucketed into all requested periods through a PeriodIndex and added to its owner's
// (or, for credit, its split reps') cells. Scopes are then sums of their reps' cells (KpiEngine), so a grid
// of groups × periods costs one scan, not one per group and period. Internal to the engine.
#include <cstdint>
#include <vector>

#include "common/Period.h"
#include "kpi/ExactQuota.h"
#include "kpi/KpiGrid.h"
#include "kpi/KpiSnapshot.h"
#include "kpi/PeriodIndex.h"

namespace salesops {

struct RepPeriodCell {
  __int128 credit = 0;  // bookings credit in ten-thousandths of a minor unit (amount × split percent)
  // Belonging and closed, in the period's closed set: closed in it (snapshot) or created in it (cohort).
  std::int64_t won = 0, lost = 0;
  __int128 wonAmount = 0, lostAmount = 0;
  std::int64_t cycleCount = 0, cycleDaysSum = 0;  // over the cycle set: won only, or won and lost
  std::vector<std::int64_t> dealAmounts;          // of the won ones, for the median
  std::vector<std::int32_t> cycleDays;
  std::int64_t openCount = 0;  // open, closing in the period
  __int128 pipeline = 0;
  __int128 weighted = 0;  // amount × probability hundredths, i.e. ten-thousandths of a minor unit
  ExactQuota quota;
  bool hasForecast = false;
  std::int64_t forecastAt = 0, forecastAmount = 0;
  std::int64_t leads = 0, leadsConverted = 0, leadsAnswered = 0;
  __int128 responseSecondsSum = 0;
  std::vector<std::int64_t> responseSeconds;
  std::int64_t meetings = 0, sellingMinutes = 0, activityMinutes = 0;
  bool employed = false;  // some day of the period
};

struct RepTotals {  // independent of the period (past-due share looks at all open opportunities)
  __int128 openAmount = 0, pastDueAmount = 0;
};

class KpiRepCells {
 public:
  KpiRepCells(const KpiSnapshot& snapshot, const std::vector<Period>& periods, const KpiParams& params);

  const RepPeriodCell& at(std::int32_t rep, std::size_t period) const noexcept {
    return cells_[static_cast<std::size_t>(rep) * periods_ + period];
  }
  const RepTotals& totals(std::int32_t rep) const noexcept { return totals_[static_cast<std::size_t>(rep)]; }
  // Opportunities created in the period by reached level (KpiSnapshot::reachedLevel), levelCount() entries.
  const std::int64_t* levels(std::int32_t rep, std::size_t period) const noexcept {
    return levels_.data() + (static_cast<std::size_t>(rep) * periods_ + period) * levelCount_;
  }
  std::size_t levelCount() const noexcept { return levelCount_; }

 private:
  RepPeriodCell& cell(std::int32_t rep, std::int32_t period) noexcept {
    return cells_[static_cast<std::size_t>(rep) * periods_ + static_cast<std::size_t>(period)];
  }
  void addOpportunities(const KpiSnapshot& s, const PeriodIndex& index, const KpiParams& params);
  void addQuotasAndForecasts(const KpiSnapshot& s, const std::vector<Period>& periods, const KpiParams& params);
  void addLeadsAndActivities(const KpiSnapshot& s, const PeriodIndex& index);

  std::size_t periods_;
  std::size_t levelCount_;
  std::vector<RepPeriodCell> cells_;
  std::vector<RepTotals> totals_;
  std::vector<std::int64_t> levels_;
};

}  // namespace salesops
