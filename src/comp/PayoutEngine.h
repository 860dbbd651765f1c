#pragma once
// The payout engine (COMP.md "Arithmetic"): for every rep on a plan, every payout period of a plan year up
// to a day, its ledger lines. A pure function of CompData and the request: the locked periods and their
// stored lines come in, the lines of the open periods come out; nothing is read from a clock or a file.
#include <string>
#include <vector>

#include "common/Period.h"
#include "common/Progress.h"
#include "comp/CompData.h"
#include "comp/Ledger.h"

namespace salesops::comp {

struct PayoutRequest {
  int fiscalYear = 0;
  Date through;                         // payout periods starting on or before this day
  Date asOf;                            // "today" for deals deleted without a date (clawback window)
  std::vector<Period> lockedPeriods;    // lines of these periods are final
  std::vector<LedgerLine> lockedLines;  // the stored lines of the locked periods (rep resolved)
  std::vector<std::int32_t> onlyReps;   // empty: every rep with an assignment
};

// What a rep's pay in one payout period was measured against (plan cost: attainment across reps).
struct PeriodAttainment {
  std::int32_t rep = -1;
  Period period;
  std::string planId;
  __int128 bookings4 = 0;  // credited bookings, ten-thousandths of a minor unit
  std::int64_t quota = 0;  // minor units, ramp applied
};

struct PayoutResult {
  std::vector<Period> openPeriods;           // the open payout periods computed, ascending
  std::vector<LedgerLine> lines;             // their lines, by rep then period
  std::vector<PeriodAttainment> attainment;  // every payout period scheduled, locked ones included
  std::vector<std::string> notes;            // e.g. a rep whose plan is missing
};

// Errors: Error(Cancelled) when task.cancel is set. Progress: reps done out of reps.
PayoutResult computePayouts(const CompData& data, const FiscalCalendar& calendar, const PayoutRequest& request,
                            const LongTask& task = {});

// The payout of one plan for a single rep at attainment A (millionths) against a quota, for the payout
// curve: commission components (period basis) and bonuses, with caps; no deals, SPIFFs, overrides or draws.
std::int64_t curvePayout(const CompPlan& plan, std::int64_t quota, std::int64_t attainmentMicro);

}  // namespace salesops::comp
