// The demo's compensation: three plans in force since FY2024 (account executives on quarterly marginal
// tiers with a bonus, a new-logo SPIFF and a recoverable draw; managers on an override of their teams'
// bookings; SDRs on a monthly guaranteed draw with a share of what they help close), and every rep assigned
// to the plan of their role for as long as they are employed.
#include <string>

#include "comp/CompPlanParser.h"
#include "services/DemoModel.h"
#include "storage/CompStore.h"

namespace salesops::demo {
namespace {

constexpr const char* kAePlan = R"({
  "plan_id": "AE", "name": "Account Executive", "currency": "USD",
  "effective_from": "2024-01-01", "effective_to": null, "payout_period": "quarter",
  "base_salary": "95000.00", "target_variable": "95000.00",
  "components": [
    {"id": "commission", "kind": "commission", "basis": "period",
     "rates": {"semantics": "marginal", "tiers": [
       {"from": 0.0, "rate": "0.00"}, {"from": 0.5, "rate": "0.08"},
       {"from": 1.0, "rate": "0.12"}, {"from": 1.5, "rate": "0.15"}]},
     "cap": "90000.00"},
    {"id": "quota-club", "kind": "bonus", "min_attainment": 1.0, "amount": "4000.00"},
    {"id": "new-logo", "kind": "spiff", "filter": {"type": "new_business", "min_amount": "50000.00"},
     "amount": "500.00"}
  ],
  "plan_cap": null,
  "draw": {"kind": "recoverable", "amount": "6000.00"},
  "clawback_days": 90,
  "ramp": []
})";

constexpr const char* kManagerPlan = R"({
  "plan_id": "MGR", "name": "Sales Manager", "currency": "USD",
  "effective_from": "2024-01-01", "effective_to": null, "payout_period": "quarter",
  "base_salary": "140000.00", "target_variable": "60000.00",
  "components": [{"id": "team-override", "kind": "override", "rate": "0.004"}],
  "plan_cap": "40000.00",
  "clawback_days": 90
})";

constexpr const char* kSdrPlan = R"({
  "plan_id": "SDR", "name": "Sales Development Rep", "currency": "USD",
  "effective_from": "2024-01-01", "effective_to": null, "payout_period": "month",
  "base_salary": "55000.00", "target_variable": "20000.00",
  "components": [{"id": "sourced", "kind": "spiff", "percent": "0.01"}],
  "draw": {"kind": "non_recoverable", "amount": "1000.00"},
  "clawback_days": 60
})";

constexpr std::int32_t kPlansStart = dayOf(2024, 1, 1);

}  // namespace

void writeCompPlans(Context& ctx, Database& db) {
  CompStore store(db);
  for (const char* json : {kAePlan, kManagerPlan, kSdrPlan}) {
    const comp::CompPlan plan = comp::parseCompPlan(json, "demo plan");
    store.savePlan({plan.planId, plan.effectiveFrom, plan.effectiveTo, plan.name, plan.json});
  }
  Text ext;
  for (const RepInfo& rep : ctx.reps) {
    const char* plan = rep.role == Role::Ae ? "AE" : (rep.role == Role::Sdr ? "SDR" : "MGR");
    if (rep.end != kNever && rep.end < kPlansStart) continue;
    ext.clear().add('R').number(rep.id, 5);
    std::optional<Date> to;
    if (rep.end != kNever) to = Date{rep.end};
    store.saveAssignment({std::string(ext.view()), plan, Date{std::max(rep.start, kPlansStart)}, to});
  }
}

}  // namespace salesops::demo
