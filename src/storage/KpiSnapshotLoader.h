#pragma once
// Builds the KPI engine's columnar snapshot (kpi/KpiSnapshot.h) from a workbook: every record the KPIs read,
// references turned into dense indexes, dates into day numbers, money converted to the corporate currency per
// record (opportunities at close_date, quotas and forecast calls at period_start) with the workbook's rates.
// Reads through prepared statements only; one read of each table.
#include "common/Progress.h"
#include "kpi/KpiSnapshot.h"
#include "storage/Workbook.h"

namespace salesops {

// Errors: Error(Data) naming the table and row for a value the engine cannot use (a currency without any
// rate, a malformed date); Error(Cancelled) when task.cancel is set. Progress: one report per table.
KpiSnapshot loadKpiSnapshot(Workbook& workbook, const LongTask& task = {});

// The same snapshot with only what bookings, quota and pay read (stages, reps, opportunities, splits,
// quotas): history, forecast calls, leads and activities stay empty. For the payout engine.
KpiSnapshot loadBookingsSnapshot(Workbook& workbook, const LongTask& task = {});

}  // namespace salesops
