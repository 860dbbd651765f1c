#pragma once
// Plans and payout runs for the compensation engine's unit tests, on hand-built snapshots (kpi_test_support.h).
#include <string>
#include <vector>

#include "comp/CompPlanParser.h"
#include "comp/PayoutEngine.h"
#include "kpi_test_support.h"

namespace salesops::testing {

// A plan from JSON text with the fixed header fields filled in: `components` is the JSON array text, `extra`
// more top-level members (",\"draw\": {...}").
inline comp::CompPlan plan(const std::string& components, const std::string& extra = "",
                           const std::string& period = "quarter", const std::string& id = "P") {
  const std::string json = "{\"plan_id\": \"" + id + "\", \"effective_from\": \"2026-01-01\", \"payout_period\": \"" +
                           period + "\", \"components\": " + components + extra + "}";
  return comp::parseCompPlan(json, "test.json");
}

inline const char* kSpecTiers =
    R"({"semantics": "marginal", "tiers": [{"from": 0.0, "rate": "0.00"}, {"from": 0.5, "rate": "0.06"},
        {"from": 1.0, "rate": "0.10"}, {"from": 1.5, "rate": "0.14"}]})";

struct PayoutFixture {
  KpiSnapshot snapshot;
  comp::CompData data;

  PayoutFixture(KpiSnapshot s, std::vector<comp::CompPlan> plans, std::vector<comp::Assignment> assignments)
      : snapshot(std::move(s)) {
    data.snapshot = &snapshot;
    for (std::size_t o = 0; o < snapshot.opportunities.size(); ++o)
      data.opportunityIds.push_back("O" + std::to_string(o));
    data.plans = std::move(plans);
    data.assignments = std::move(assignments);
  }

  comp::PayoutResult run(const std::string& through, std::vector<Period> locked = {},
                         std::vector<comp::LedgerLine> lockedLines = {}, const std::string& asOf = "2026-12-31") const {
    comp::PayoutRequest request;
    request.fiscalYear = day(through).year();
    request.through = day(through);
    request.asOf = day(asOf);
    request.lockedPeriods = std::move(locked);
    request.lockedLines = std::move(lockedLines);
    return comp::computePayouts(data, FiscalCalendar(1), request);
  }
};

// Σ of the lines of one rep in one period, optionally of one kind only.
inline std::int64_t total(const comp::PayoutResult& r, std::int32_t rep, const Period& p) {
  std::int64_t sum = 0;
  for (const auto& l : r.lines) {
    if (l.rep == rep && l.period == p) sum += l.amount;
  }
  return sum;
}
inline std::int64_t total(const comp::PayoutResult& r, std::int32_t rep, const Period& p, comp::LineKind kind) {
  std::int64_t sum = 0;
  for (const auto& l : r.lines) {
    if (l.rep == rep && l.period == p && l.kind == kind) sum += l.amount;
  }
  return sum;
}
inline std::vector<comp::LedgerLine> linesOf(const comp::PayoutResult& r, std::int32_t rep, const Period& p) {
  std::vector<comp::LedgerLine> out;
  for (const auto& l : r.lines) {
    if (l.rep == rep && l.period == p) out.push_back(l);
  }
  return out;
}

}  // namespace salesops::testing
