#pragma once
// What the forecast use cases read and write beyond the KPI snapshot: the opportunities' forecast
// categories and stage history, every forecast_submission category, and the forecast_adjustment rows
// (migration 0004). Rows follow the snapshot's order (opportunity and rep ids ascending), so indexes here are
// KpiSnapshot indexes when both are read from the same workbook state. Writes are append-only, each in one
// transaction with an audit row.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Period.h"
#include "forecast/DealHistory.h"
#include "forecast/Rollup.h"
#include "kpi/KpiSnapshot.h"
#include "storage/Workbook.h"

namespace salesops {

// Per opportunity (id order). Errors: Error(Data) for a category the schema should have refused.
std::vector<forecast::Category> loadForecastCategories(Workbook& workbook);

// opportunity_history grouped by opportunity, in time order; amounts converted to the corporate currency at
// the row's close date (else the opportunity's). Errors: Error(Data) naming the row for a bad date.
forecast::DealHistory loadDealHistory(Workbook& workbook, const KpiSnapshot& snapshot);

struct SubmissionRow {
  std::int32_t rep = kNoIndex;  // KpiSnapshot::reps index
  Period period;
  std::int64_t submittedAt = 0;  // UTC seconds
  forecast::View view = forecast::View::Commit;
  std::int64_t amount = 0;  // corporate minor units (converted at period_start)
};

// Every submission whose period overlaps `period`, oldest first.
std::vector<SubmissionRow> loadSubmissions(Workbook& workbook, const KpiSnapshot& snapshot, const Period& period);

// Appends the rows (all with their own period and time) in one transaction, audited once. A row that
// repeats an existing (rep, period, submitted_at, category) is refused with Error(Data) and nothing is
// written. Amounts are written in the corporate currency.
void appendSubmissions(Workbook& workbook, const KpiSnapshot& snapshot, const std::vector<SubmissionRow>& rows);

// The adjustments made for exactly this period, oldest first.
std::vector<forecast::Adjustment> loadAdjustments(Workbook& workbook, const KpiSnapshot& snapshot,
                                                  const Period& period);
// Errors: Error(Data) for the Closed view, an empty author or note, an unknown rep.
void appendAdjustment(Workbook& workbook, const KpiSnapshot& snapshot, const Period& period,
                      const forecast::Adjustment& adjustment);

}  // namespace salesops
