// Plan text edits behind the whole-plan editor: each result parses as the edit says, and what the edit did not
// touch stays as written.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "comp/CompPlanWriter.h"

using namespace salesops;
using namespace salesops::comp;

namespace {

const char* kPlan = R"({"plan_id": "AE", "effective_from": "2026-01-01", "plan_cap": null, "components": [
  {"id": "commission", "kind": "commission", "rates": {"semantics": "marginal", "tiers": [{"from": 0, "rate": "0.1"}]}},
  {"id": "bonus", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"}]})";

}  // namespace

TEST(CompPlanWriterTest, MembersAreSetCreatedAndRemovedByTheParsersPaths) {
  std::string json = withMember(kPlan, "base_salary", "\"120000.00\"");
  json = withMember(json, "draw.kind", "\"recoverable\"");  // creates the draw object
  json = withMember(json, "draw.amount", "\"3000.00\"");
  json = withMember(json, "plan_cap", "\"90000.00\"");  // replaces a null
  json = withMember(json, "components[1].amount", "\"6000.00\"");
  const CompPlan plan = parseCompPlan(json, "t.json");
  EXPECT_EQ(plan.baseSalary, 12000000);
  EXPECT_EQ(plan.drawKind, DrawKind::Recoverable);
  EXPECT_EQ(plan.drawAmount, 300000);
  EXPECT_EQ(*plan.planCap, 9000000);
  EXPECT_EQ(*plan.components[1].amount, 600000);
  EXPECT_EQ(plan.components[0].tiers[0].rateNano, 100000000) << "the rate table is untouched";

  const std::string without = withMember(json, "draw", std::nullopt);
  EXPECT_EQ(parseCompPlan(without, "t.json").drawKind, DrawKind::None);
  EXPECT_EQ(memberText(json, "draw.amount"), "3000.00");
  EXPECT_EQ(memberText(json, "components[1].min_attainment"), "1.0");
  EXPECT_FALSE(memberText(json, "components[5].id").has_value());
  EXPECT_FALSE(memberText(kPlan, "plan_cap").has_value()) << "null reads as missing";
  EXPECT_THROW(withMember(json, "components[7].cap", "\"1.00\""), Error);
  EXPECT_THROW(withMember(json, "base_salary", "not json"), Error);
}

TEST(CompPlanWriterTest, ComponentsAreAddedAsValidTemplatesAndRemoved) {
  std::string json = kPlan;
  for (const ComponentKind kind :
       {ComponentKind::Commission, ComponentKind::Bonus, ComponentKind::Spiff, ComponentKind::Override}) {
    json = withNewComponent(json, kind);
  }
  const CompPlan plan = parseCompPlan(json, "t.json");
  ASSERT_EQ(plan.components.size(), 6u);
  EXPECT_EQ(plan.components[2].id, "commission-2") << "ids stay unique";
  EXPECT_EQ(plan.components[3].id, "bonus-2");
  EXPECT_EQ(plan.components[4].kind, ComponentKind::Spiff);
  EXPECT_EQ(plan.components[5].id, "override");
  EXPECT_EQ(componentCount(json), 6u);
  json = withoutComponent(json, 1);
  const CompPlan fewer = parseCompPlan(json, "t.json");
  ASSERT_EQ(fewer.components.size(), 5u);
  EXPECT_EQ(fewer.components[1].id, "commission-2");
  EXPECT_THROW(withoutComponent(json, 5), Error);
  EXPECT_EQ(jsonQuoted("a \"b\""), "\"a \\\"b\\\"\"");
}
