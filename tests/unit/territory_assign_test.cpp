#include <gtest/gtest.h>

#include <random>

#include "common/Error.h"
#include "territory/AssignmentEngine.h"

namespace salesops::territory {
namespace {

Territory territory(std::string id, std::string parent, std::int64_t priority,
                    std::vector<std::vector<Condition>> rules) {
  Territory t;
  t.id = id;
  t.name = id;
  t.parentId = std::move(parent);
  t.priority = priority;
  int n = 0;
  for (auto& conditions : rules) t.rules.push_back({"R" + std::to_string(++n), std::move(conditions)});
  return t;
}

Condition cond(AccountField f, RuleOperator op, std::string value) { return {f, op, std::move(value)}; }

// EMEA > DACH > {DE-ENT (priority 10), DE-COM, NAMED}, EMEA > FR; AMER > STRAY; BANKS and the tie pair W/X at top.
Model sampleModel() {
  Model m;
  m.id = "M";
  m.territories = {
      territory("EMEA", "", 0, {{cond(AccountField::Region, RuleOperator::Eq, "EMEA")}}),
      territory("DACH", "EMEA", 0, {{cond(AccountField::Country, RuleOperator::In, "DE|AT|CH")}}),
      territory("DE-ENT", "DACH", 10,
                {{cond(AccountField::Country, RuleOperator::Eq, "DE"),
                  cond(AccountField::Employees, RuleOperator::Range, "1000..")}}),
      territory("DE-COM", "DACH", 0, {{cond(AccountField::Country, RuleOperator::Eq, "DE")}}),
      territory("NAMED", "DACH", 0, {}),
      territory("FR", "EMEA", 0, {{cond(AccountField::Country, RuleOperator::Eq, "FR")}}),
      territory("AMER", "", 0, {{cond(AccountField::Region, RuleOperator::Eq, "AMER")}}),
      territory("STRAY", "AMER", 0, {{cond(AccountField::Country, RuleOperator::Eq, "DE")}}),
      territory("BANKS", "", 5, {{cond(AccountField::Industry, RuleOperator::Eq, "Banking")}}),
      territory("X", "", 0, {{cond(AccountField::Name, RuleOperator::Contains, "acme")}}),
      territory("W", "", 0,
                {{cond(AccountField::Country, RuleOperator::Eq, "US")},
                 {cond(AccountField::Name, RuleOperator::Contains, "acme")}}),
  };
  m.territories[4].namedAccounts = {"A9"};
  return m;
}

Account account(std::string id, std::string country, std::string region, std::int64_t employees,
                std::string industry = "", std::string name = "") {
  Account a;
  a.id = std::move(id);
  a.country = std::move(country);
  a.region = std::move(region);
  a.employees = employees;
  a.industry = std::move(industry);
  a.name = std::move(name);
  return a;
}

std::string winner(const AssignmentEngine& engine, const Account& a) {
  const auto p = engine.assign(a);
  return p.territory == kUnassigned ? "-" : engine.model().territories[p.territory].id;
}

TEST(TerritoryAssignment, PrecedenceByHand) {
  const AssignmentEngine engine(sampleModel(), 2);
  // Candidates EMEA, DACH, DE-ENT (10), DE-COM: the highest priority wins.
  EXPECT_EQ(winner(engine, account("A1", "DE", "EMEA", 5000)), "DE-ENT");
  // EMEA (level 0), DACH (1), DE-COM (2), all priority 0: the deepest wins.
  EXPECT_EQ(winner(engine, account("A2", "DE", "EMEA", 50)), "DE-COM");
  // BANKS (priority 5, top level) beats DE-COM (priority 0, level 2): priority before depth.
  EXPECT_EQ(winner(engine, account("A3", "DE", "EMEA", 50, "banking")), "BANKS");
  EXPECT_EQ(winner(engine, account("A4", "FR", "EMEA", 50)), "FR");
  EXPECT_EQ(winner(engine, account("A5", "JP", "APAC", 50)), "-");
  // W and X: same priority and level; W matches by its second rule; the smaller id wins.
  EXPECT_EQ(winner(engine, account("A6", "JP", "APAC", 50, "", "Acme Corp")), "W");
  // Region AMER: EMEA fails, so DACH and DE-* are shut out; STRAY (under AMER) is deeper than AMER.
  EXPECT_EQ(winner(engine, account("A7", "DE", "AMER", 50)), "STRAY");
  // Named: whatever the rules say.
  const auto named = engine.assign(account("A9", "JP", "APAC", 50, "Banking"));
  EXPECT_EQ(engine.model().territories[named.territory].id, "NAMED");
  EXPECT_EQ(named.source, AssignmentSource::Named);
}

TEST(TerritoryAssignment, ExplainListsEveryMatchAndWhy) {
  const AssignmentEngine engine(sampleModel(), 2);
  const auto e = engine.explain(account("A1", "DE", "EMEA", 5000));
  ASSERT_EQ(e.matched.size(), 5u);  // DE-ENT, DE-COM, DACH, EMEA as candidates; STRAY blocked
  const auto id = [&](std::size_t i) { return engine.model().territories[e.matched[i].territory].id; };
  EXPECT_EQ(id(0), "DE-ENT");
  EXPECT_EQ(id(1), "DE-COM");
  EXPECT_EQ(id(2), "DACH");
  EXPECT_EQ(id(3), "EMEA");
  EXPECT_EQ(id(4), "STRAY");
  EXPECT_FALSE(e.matched[4].ancestorsAllow);
  EXPECT_EQ(e.matched[4].blockedBy, "AMER");
  EXPECT_EQ(e.reason, "rule R1 of DE-ENT wins: highest priority (10 over 0)");

  const auto tie = engine.explain(account("A6", "US", "", 1, "", "ACME"));
  ASSERT_EQ(tie.matched.size(), 2u);
  EXPECT_EQ(tie.matched[0].matchedRules, (std::vector<std::string>{"R1", "R2"}));  // W matches by both rules
  EXPECT_EQ(tie.reason, "rule R1 of W wins: same priority and level, smallest territory_id (W before X)");

  EXPECT_EQ(engine.explain(account("A5", "JP", "APAC", 1)).reason, "no rule of any territory matches the account");
  EXPECT_EQ(engine.explain(account("A9", "JP", "APAC", 1)).reason,
            "named account of territory NAMED; rules are not consulted");
}

TEST(TerritoryAssignment, ModelErrorsComeBeforeAnyAssignment) {
  auto twoNames = sampleModel();
  twoNames.territories[5].namedAccounts = {"A9"};  // FR names A9 as NAMED does
  try {
    AssignmentEngine engine(twoNames, 2);
    FAIL() << "an account named twice must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_EQ(e.message(), "model M: account A9 is named by territories NAMED and FR; name it in one territory only");
  }
  auto loop = sampleModel();
  loop.territories[0].parentId = "DE-COM";  // EMEA under its own grandchild
  EXPECT_THROW(AssignmentEngine(loop, 2), Error);
  auto orphan = sampleModel();
  orphan.territories[5].parentId = "NOWHERE";
  EXPECT_THROW(AssignmentEngine(orphan, 2), Error);
  auto badRule = sampleModel();
  badRule.territories[2].rules[0].conditions[1].value = "1000";  // a range without ..
  EXPECT_THROW(AssignmentEngine(badRule, 2), Error);
}

TEST(TerritoryAssignment, IndexedParallelAssignmentEqualsOneByOne) {
  const AssignmentEngine engine(sampleModel(), 2);
  std::mt19937 rng(7);
  const char* countries[] = {"DE", "de ", "FR", "AT", "US", "JP", ""};
  const char* regions[] = {"EMEA", "AMER", "APAC", ""};
  std::vector<Account> accounts;
  for (int i = 0; i < 30000; ++i) {
    accounts.push_back(account("A" + std::to_string(i), countries[rng() % 7], regions[rng() % 4],
                               static_cast<std::int64_t>(rng() % 3000), rng() % 5 == 0 ? "Banking" : "",
                               rng() % 9 == 0 ? "acme" : "other"));
  }
  const auto all = engine.assignAll(accounts, {}, 2);
  ASSERT_EQ(all.size(), accounts.size());
  std::size_t assigned = 0;
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    const auto one = engine.assign(accounts[i]);
    ASSERT_EQ(all[i].territory, one.territory) << i;
    assigned += one.territory != kUnassigned;
  }
  EXPECT_GT(assigned, accounts.size() / 2);  // the sample really exercises the rules
}

}  // namespace
}  // namespace salesops::territory
