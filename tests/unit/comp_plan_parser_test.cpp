#include <gtest/gtest.h>

#include "common/Error.h"
#include "comp/CompPlanParser.h"

using namespace salesops;
using namespace salesops::comp;

namespace {

// The example plan of COMP.md, verbatim.
const char* kSpecPlan = R"({
  "plan_id": "AE-FY2026", "name": "Account Executive FY2026", "currency": "USD",
  "effective_from": "2026-01-01", "effective_to": null,
  "payout_period": "quarter",
  "base_salary": "120000.00", "target_variable": "80000.00",
  "components": [
    {"id": "commission", "kind": "commission", "basis": "period",
     "rates": {"semantics": "marginal", "tiers": [
        {"from": 0.0, "rate": "0.00"}, {"from": 0.5, "rate": "0.06"},
        {"from": 1.0, "rate": "0.10"}, {"from": 1.5, "rate": "0.14"}]},
     "cap": "60000.00"},
    {"id": "attain-bonus", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"},
    {"id": "new-logo", "kind": "spiff", "filter": {"type": "new_business", "min_amount": "50000.00"},
     "amount": "750.00"},
    {"id": "mgr-override", "kind": "override", "rate": "0.02"}
  ],
  "plan_cap": null,
  "draw": {"kind": "recoverable", "amount": "3000.00"},
  "clawback_days": 90,
  "ramp": [{"month": 1, "quota_percent": 50}, {"month": 2, "quota_percent": 75}]
})";

std::string problemOf(const std::string& json) {
  try {
    parseCompPlan(json, "plans/X.json");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    return e.describe();
  }
  return "(accepted)";
}

std::string withComponents(const std::string& components) {
  return R"({"plan_id": "X", "effective_from": "2026-01-01", "components": )" + components + "}";
}

}  // namespace

TEST(CompPlanParserTest, ReadsTheSpecExampleExactly) {
  const CompPlan plan = parseCompPlan(kSpecPlan, "spec.json");
  EXPECT_EQ(plan.planId, "AE-FY2026");
  EXPECT_EQ(plan.effectiveFrom.toString(), "2026-01-01");
  EXPECT_FALSE(plan.effectiveTo.has_value());
  EXPECT_EQ(plan.payoutPeriod, PayoutPeriod::Quarter);
  EXPECT_EQ(plan.baseSalary, 12000000);
  EXPECT_EQ(plan.targetVariable, 8000000);
  ASSERT_EQ(plan.components.size(), 4u);
  const Component& commission = plan.components[0];
  EXPECT_EQ(commission.semantics, TierSemantics::Marginal);
  ASSERT_EQ(commission.tiers.size(), 4u);
  // 0.5 attainment is 500000 millionths; 0.06 is 60000000 billionths: read exactly, never through a float.
  EXPECT_EQ(commission.tiers[1].fromMicro, 500000);
  EXPECT_EQ(commission.tiers[1].rateNano, 60000000);
  EXPECT_EQ(commission.tiers[3].fromMicro, 1500000);
  EXPECT_EQ(commission.cap, 6000000);
  EXPECT_EQ(plan.components[1].minAttainmentMicro, 1000000);
  EXPECT_EQ(plan.components[1].amount, 500000);
  EXPECT_EQ(plan.components[2].filter.type, "new_business");
  EXPECT_EQ(plan.components[2].filter.minAmount, 5000000);
  EXPECT_EQ(plan.components[3].rateNano, 20000000);
  EXPECT_EQ(plan.drawKind, DrawKind::Recoverable);
  EXPECT_EQ(plan.drawAmount, 300000);
  EXPECT_EQ(plan.clawbackDays, 90);
  EXPECT_EQ(plan.rampPercentMilli(1), 50000);
  EXPECT_EQ(plan.rampPercentMilli(2), 75000);
  EXPECT_EQ(plan.rampPercentMilli(3), 100000);  // past the schedule
  EXPECT_EQ(plan.json, kSpecPlan);              // kept verbatim for storage and export
}

TEST(CompPlanParserTest, NamesTheJsonPathOfABadValue) {
  const std::string tiers =
      R"([{"id": "c", "kind": "commission", "rates": {"semantics": "marginal", "tiers": [{"from": 0, "rate": "0.1"},)"
      R"( {"from": 0.5, "rate": "0.2"}, {"from": 0.5, "rate": "0.3"}]}}])";
  EXPECT_EQ(problemOf(withComponents(tiers)),
            "plans/X.json: components[0].rates.tiers[2].from: must be greater than the previous tier's 0.5");
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "c", "kind": "commission", "rates": {"semantics": "marginal",)"
                                     R"( "tiers": [{"from": 0, "rate": 0.1}]}}])")),
            "plans/X.json: components[0].rates.tiers[0].rate: must be a decimal string such as \"0.06\"");
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "b", "kind": "bonus", "min_attainment": 1, "amount": "1.234"}])")),
            "plans/X.json: components[0].amount: \"1.234\": has more than 2 decimals");
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "b", "kind": "bonuss"}])")),
            "plans/X.json: components[0].kind: \"bonuss\" is not commission, bonus, spiff or override");
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "s", "kind": "spiff", "amount": "1.00", "percent": "0.01"}])")),
            "plans/X.json: components[0]: a spiff has either amount or percent");
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "o", "kind": "override", "rate": "0.02", "rat": 1}])")),
            "plans/X.json: components[0].rat: unknown key (a typo?)");
  EXPECT_EQ(problemOf(R"({"plan_id": "X", "components": []})"), "plans/X.json: effective_from: is required");
  EXPECT_EQ(problemOf(R"({"plan_id": "X", "effective_from": "2026-02-30", "components": []})"),
            "plans/X.json: effective_from: \"2026-02-30\" is not a valid date");
  EXPECT_EQ(problemOf("{\"plan_id\": "), problemOf("{\"plan_id\": "));  // deterministic
  EXPECT_NE(problemOf("{\"plan_id\": ").find("not valid JSON"), std::string::npos);
  EXPECT_EQ(problemOf(withComponents(R"([{"id": "c", "kind": "commission", "rates": {"semantics": "marginal",)"
                                     R"( "tiers": [{"from": 0.2, "rate": "0.1"}]}}])")),
            "plans/X.json: components[0].rates.tiers[0].from: the first tier must start at 0");
}
