#pragma once
// Compensation use cases shared by the CLI and the GUI (COMP.md): plans and assignments, payout runs that
// store their ledger lines, locking, statements and payout curves. Payout runs read the workbook, run the
// engine (comp/PayoutEngine.h) and replace the lines of the open periods in one transaction. Not
// thread-safe: one service per workbook and thread.
#include <memory>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "comp/CompData.h"
#include "comp/PayoutEngine.h"
#include "comp/PlanCost.h"
#include "storage/CompStore.h"
#include "storage/Workbook.h"

namespace salesops {

// Everything a payout run reads, loaded once. `data.snapshot` points at `snapshot`, so this stays put.
struct CompInputs {
  KpiSnapshot snapshot;
  comp::CompData data;
  FiscalCalendar calendar;
  std::string currency;
};

struct PayoutOutcome {
  Period requested;
  std::vector<comp::LedgerLine> lines;  // of every payout period overlapping `requested`, by rep then period
  std::vector<std::string> notes;       // reps without a plan version in force, ...
  std::vector<StoredPeriod> periods;    // status of those payout periods
  std::string currency;
  int minorDigits = 2;
  std::string repId, repName;  // statements only
};

// A candidate plan replayed on a past plan year beside the plans in force (issue 7, part 5).
struct WhatIfRow {
  std::string repId;
  std::int64_t current = 0;    // minor units: the year under the stored plans
  std::int64_t candidate = 0;  // the year with the candidate replacing its plan_id
  __int128 bookings4 = 0;      // the rep's credited bookings in its payout periods on the plan
  std::int64_t quota = 0;      // and their quota under the stored plans (the attainment band of the row)
};
struct WhatIfResult {
  Period year;
  std::string planId;
  std::vector<WhatIfRow> rows;  // reps on the plan during the year, by rep id
  std::int64_t currentTotal = 0, candidateTotal = 0;
  __int128 bookings4 = 0;  // the credited bookings of those reps in the year (ten-thousandths of a minor unit)
  int minorDigits = 2;
};

// Plan cost of a scope (issue 7, part 4) with what it is expressed in.
struct PlanCostOutcome {
  comp::PlanCostReport report;
  std::string currency;
  int minorDigits = 2;
  std::vector<std::string> notes;
};

struct CurvePoint {
  std::int64_t attainmentMicro;
  std::int64_t payout;  // minor units
};

class CompService {
 public:
  explicit CompService(Workbook& workbook);

  std::vector<StoredPlan> plans();
  std::vector<StoredAssignment> assignments();
  // The latest-starting version of `planId` in force on `day`, else its newest. Error(Data) when there is none.
  comp::CompPlan plan(const std::string& planId, std::optional<Date> day = std::nullopt);
  // Parses and stores one plan version (audited). Error(Data) naming `source` and the JSON path.
  comp::CompPlan importPlan(const std::string& json, const std::string& source);
  void assign(const StoredAssignment& assignment);

  std::unique_ptr<CompInputs> loadInputs(const LongTask& task = {});
  // The engine alone over loaded inputs: every payout period of the plan year of period.end up to its end.
  // Loads the dates deals were lost on first use when the year has locked periods (clawbacks need them).
  comp::PayoutResult compute(CompInputs& inputs, const Period& period, Date today, const LongTask& task = {});

  // Computes, stores the open periods as processed (one transaction) and returns the lines of `period`.
  PayoutOutcome payout(const Period& period, Date today, const LongTask& task = {});
  // Processes, then locks every payout period lying wholly inside `period`. Error(Usage) when there is none.
  std::vector<Period> lock(const Period& period, Date today, const LongTask& task = {});
  // The stored lines of one rep for `period` (processing open periods first). Error(Data) for an unknown rep.
  PayoutOutcome statement(const std::string& repId, const Period& period, Date today, const LongTask& task = {});

  // Plan cost of the payout periods overlapping `scope` (within one fiscal year): locked periods as stored, the
  // others as a payout run would compute them today; nothing is stored. Error(Usage) for a scope across years.
  PlanCostOutcome cost(const Period& scope, Date today, const LongTask& task = {});

  // Replays `candidate` on fiscal year `fiscalYear` for every rep assigned to its plan_id then, in place of the
  // stored versions (as if in force all year), without locks or draws carried from storage; nothing is stored.
  WhatIfResult whatIf(const comp::CompPlan& candidate, int fiscalYear, Date today, const LongTask& task = {});

  // Payout against attainment 0..maxMicro in `steps` steps at a quota (the plan's target variable, else
  // 100,000.00 when zero): commissions and bonuses with caps (comp::curvePayout).
  static std::vector<CurvePoint> curve(const comp::CompPlan& plan, std::int64_t quota, int steps = 40,
                                       std::int64_t maxMicro = 2'000'000);

 private:
  Date asOf(Date today);
  int minorDigits();

  Workbook& workbook_;
};

}  // namespace salesops
