// General NOT in territory rules: negated groups of conditions (RULE!GROUP in territory_rules.csv).
#include <gtest/gtest.h>

#include "common/Error.h"
#include "territory/AssignmentEngine.h"
#include "territory/RuleMatch.h"

namespace salesops::territory {
namespace {

Account account(const std::string& id, const std::string& country, const std::string& industry,
                std::optional<std::int64_t> employees) {
  Account a;
  a.id = id;
  a.country = country;
  a.industry = industry;
  a.employees = employees;
  return a;
}

Condition negated(AccountField field, RuleOperator op, const std::string& value, const std::string& group) {
  Condition c{field, op, value};
  c.negatedGroup = group;
  return c;
}

// a1 small German retailer, a2 large German tech firm, a3 large German retailer, a4 French retailer.
const std::vector<Account> kAccounts{account("a1", "DE", "Retail", 50), account("a2", "DE", "Tech", 5000),
                                     account("a3", "DE", "Retail", 5000), account("a4", "FR", "Retail", 20)};

// Germany except small retailers: country eq DE AND NOT (industry eq retail AND employees range ..999).
Rule germanyButSmallRetail() {
  return {"R1",
          {{AccountField::Country, RuleOperator::Eq, "DE"},
           negated(AccountField::Industry, RuleOperator::Eq, "retail", "small_retail"),
           negated(AccountField::Employees, RuleOperator::Range, "..999", "small_retail")}};
}

bool matchesAccount(const RuleMatcher& rule, const Account& a) {
  AccountValues values;
  values.reset(a);
  return rule.matches(values);
}

TEST(TerritoryNot, NegatedGroupExcludesOnlyWhenAllItsConditionsHold) {
  const RuleMatcher rule(germanyButSmallRetail(), 2, "test");
  EXPECT_FALSE(matchesAccount(rule, kAccounts[0]));  // DE, and retail with 50 <= 999: the group holds
  EXPECT_TRUE(matchesAccount(rule, kAccounts[1]));   // DE, tech: the group fails on industry
  EXPECT_TRUE(matchesAccount(rule, kAccounts[2]));   // DE, retail but 5000 employees: the group fails
  EXPECT_FALSE(matchesAccount(rule, kAccounts[3]));  // FR: its own condition fails
  EXPECT_EQ(rule.count(kAccounts), 2);               // a2 and a3
}

TEST(TerritoryNot, RuleOfNegatedGroupsOnlyMatchesTheComplement) {
  // NOT (country eq DE) AND NOT (industry eq tech): only a4 of the four, and an account with no values at all
  // (eq never matches a missing value, so its negation does).
  const Rule rule{"R2",
                  {negated(AccountField::Country, RuleOperator::Eq, "de", "germany"),
                   negated(AccountField::Industry, RuleOperator::Eq, "TECH", "tech")}};
  const RuleMatcher matcher(rule, 2, "test");
  EXPECT_EQ(matcher.count(kAccounts), 1);
  EXPECT_TRUE(matchesAccount(matcher, kAccounts[3]));
  EXPECT_TRUE(matchesAccount(matcher, Account{}));
  // Negating one condition is a group of one: NOT (employees range 100..) keeps a1 (50) and a4 (20).
  const RuleMatcher small(Rule{"R3", {negated(AccountField::Employees, RuleOperator::Range, "100..", "big")}}, 2, "t");
  EXPECT_EQ(small.count(kAccounts), 2);
}

TEST(TerritoryNot, BadGroupsAreRefusedNamingTheRule) {
  Rule rule{"R1", {negated(AccountField::Employees, RuleOperator::Prefix, "1", "g")}};
  try {
    RuleMatcher(rule, 2, "model M territory T rule R1");
    FAIL() << "prefix on a number inside a NOT group must be refused";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("territory T rule R1"), std::string::npos) << e.what();
  }
  rule.conditions = {negated(AccountField::Country, RuleOperator::Eq, "DE", "a!b")};
  EXPECT_THROW(RuleMatcher(rule, 2, "t"), Error);
  EXPECT_THROW(RuleMatcher(Rule{"R1", {}}, 2, "t"), Error);
}

TEST(TerritoryNot, FileRuleIdCarriesTheGroup) {
  EXPECT_EQ(fileRuleId("R1", ""), "R1");
  EXPECT_EQ(fileRuleId("R1", "small"), "R1!small");
  EXPECT_EQ(splitFileRuleId("R1!small"), (std::pair<std::string, std::string>{"R1", "small"}));
  EXPECT_EQ(splitFileRuleId("R1"), (std::pair<std::string, std::string>{"R1", ""}));
}

TEST(TerritoryNot, AssignmentAndExplainHonourTheGroup) {
  // GERMANY (priority 5) takes Germany but small retailers; REST (priority 0) takes DE and FR.
  Model model;
  model.id = "M";
  Territory germany;
  germany.id = "GERMANY";
  germany.priority = 5;
  germany.rules.push_back(germanyButSmallRetail());
  Territory rest;
  rest.id = "REST";
  rest.rules.push_back({"r", {{AccountField::Country, RuleOperator::In, "DE|FR"}}});
  model.territories = {germany, rest};
  const AssignmentEngine engine(model, 2);
  EXPECT_EQ(engine.assign(kAccounts[0]).territory, 1);  // a1 is excluded from GERMANY, so REST
  EXPECT_EQ(engine.assign(kAccounts[1]).territory, 0);  // a2: priority 5 over 0
  const Explanation why = engine.explain(kAccounts[0]);
  ASSERT_EQ(why.excluded.size(), 1u);
  EXPECT_EQ(why.excluded[0].territory, 0);
  EXPECT_EQ(why.excluded[0].rule, "R1");
  EXPECT_EQ(why.excluded[0].negatedGroup, "small_retail");
  ASSERT_EQ(why.matched.size(), 1u);  // only REST's rule matches
  EXPECT_EQ(why.matched[0].territory, 1);
  EXPECT_TRUE(engine.explain(kAccounts[1]).excluded.empty());
  // Live counts of the engine count the rule with its group: R1 catches a2 and a3.
  EXPECT_EQ(engine.ruleMatchCounts(kAccounts)[0][0], 2);
}

}  // namespace
}  // namespace salesops::territory
