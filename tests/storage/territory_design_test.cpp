// Rule edits, NOT groups stored as RULE!GROUP, and carving, through TerritoryService on the territory fixture.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "io/NativeImport.h"
#include "services/TerritoryService.h"
#include "support/TempDir.h"
#include "support/TerritoryFixture.h"

namespace salesops {
namespace {

using territory::AccountField;
using territory::RuleOperator;
using testing::TempDir;

Date day(const char* text) { return *parseDate(text); }

class TerritoryDesignTest : public ::testing::Test {
 protected:
  void SetUp() override { workbook_ = testing::createTerritoryFixtureWorkbook(dir_.path()); }
  std::int64_t count(const std::string& sql) { return workbook_->db().queryInt(sql); }
  std::string winner(const char* model, const char* account) {
    territory::Model m;
    const auto e = TerritoryService(*workbook_).explain(model, account, day("2026-02-01"), &m);
    return e.placement.territory == territory::kUnassigned ? "" : m.territories[e.placement.territory].id;
  }
  std::int64_t rulesOf(const char* model) {
    for (const auto& m : TerritoryService(*workbook_).models())
      if (m.id == model) return m.rules;
    return -1;
  }

  TempDir dir_;
  std::unique_ptr<Workbook> workbook_;
};

// DE in M2: countries DE and AT, but NOT small (employees ..99): A2 (50) and A5 (20) leave DE for EMEA,
// whose own rule (region EMEA) catches them; A1 stays in DE-ENT (priority 10).
std::vector<territory::Rule> germanyButSmall() {
  territory::Condition small{AccountField::Employees, RuleOperator::Range, "..99"};
  small.negatedGroup = "small";
  return {{"r1", {{AccountField::Country, RuleOperator::In, "DE|AT"}, small}}};
}

TEST_F(TerritoryDesignTest, ReplaceRulesWritesNotGroupsAsRuleBangGroupAndUndoes) {
  TerritoryService service(*workbook_);
  EXPECT_EQ(winner("M2", "A2"), "DE");
  EXPECT_EQ(rulesOf("M2"), 4);  // EMEA r1, DE r1, FR r1, DE-ENT r1
  const auto before = service.replaceRules("M2", "DE", germanyButSmall());
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].conditions[0].value, "DE|AT");
  EXPECT_EQ(count("SELECT count(*) FROM territory_rule WHERE territory_id = 'DE' AND rule_id = 'r1!small' AND "
                  "field = 'employees' AND operator = 'range' AND value = '..99'"),
            1);
  EXPECT_EQ(rulesOf("M2"), 4);  // r1!small is part of rule r1, not a rule of its own
  const auto reloaded = service.loadModel("M2").find("DE")->rules;
  ASSERT_EQ(reloaded.size(), 1u);
  ASSERT_EQ(reloaded[0].conditions.size(), 2u);
  EXPECT_EQ(reloaded[0].conditions[1].negatedGroup, "small");
  EXPECT_EQ(winner("M2", "A2"), "EMEA");
  EXPECT_EQ(winner("M2", "A5"), "EMEA");
  EXPECT_EQ(winner("M2", "A1"), "DE-ENT");
  territory::Model m;
  const auto why = service.explain("M2", "A2", day("2026-02-01"), &m);
  ASSERT_EQ(why.excluded.size(), 1u);
  EXPECT_EQ(m.territories[why.excluded[0].territory].id, "DE");
  EXPECT_EQ(why.excluded[0].negatedGroup, "small");
  service.replaceRules("M2", "DE", before);  // what the undo does
  EXPECT_EQ(winner("M2", "A2"), "DE");
  EXPECT_EQ(count("SELECT count(*) FROM territory_rule WHERE rule_id LIKE '%!%'"), 0);
}

TEST_F(TerritoryDesignTest, BadRuleEditsChangeNothing) {
  TerritoryService service(*workbook_);
  const auto rows = [&] { return count("SELECT count(*) FROM territory_rule"); };
  const std::int64_t start = rows();
  EXPECT_THROW(service.replaceRules("M1", "DE", germanyButSmall()), Error);  // active model
  EXPECT_THROW(service.replaceRules("M2", "XX", germanyButSmall()), Error);  // unknown territory
  const auto refused = [&](std::vector<territory::Rule> rules, const char* expected) {
    try {
      service.replaceRules("M2", "DE", rules);
      ADD_FAILURE() << "accepted, expected: " << expected;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  };
  refused({{"r1", {{AccountField::Employees, RuleOperator::Range, "ten..20"}}}}, "\"ten\" is not a whole number");
  refused({{"r1", {}}}, "the rule has no conditions");
  refused({{"r1", {{AccountField::Country, RuleOperator::Eq, "DE"}}},
           {"r1", {{AccountField::Country, RuleOperator::Eq, "AT"}}}},
          "two rules have this id");
  refused({{"r1", {{AccountField::Country, RuleOperator::Eq, "DE"}, {AccountField::Country, RuleOperator::Eq, "AT"}}}},
          "country eq is used twice");
  refused({{"a!b", {{AccountField::Country, RuleOperator::Eq, "DE"}}}}, "may not contain '!'");
  EXPECT_EQ(rows(), start);
  EXPECT_EQ(winner("M2", "A2"), "DE");
}

TEST_F(TerritoryDesignTest, CarveSharesOutTheSubtreeKeepsNamedAccountsAndUndoes) {
  TerritoryService service(*workbook_);
  // Name A5 in FR of M2 so it is a named account of the set carved from EMEA.
  auto& db = workbook_->db();
  db.exec(
      "INSERT INTO territory_named_account(model_id, territory_id, account_id) SELECT m.id, 'FR', a.id "
      "FROM territory_model m, account a WHERE m.external_id = 'M2' AND a.external_id = 'A5'");
  CarveRequest request;
  request.modelId = "M2";
  request.parentId = "DE";
  request.fromTerritory = "EMEA";
  request.count = 2;
  request.metric = BalanceMetric::Potential;
  request.period = {day("2026-01-01"), day("2026-06-30")};
  EXPECT_THROW(
      [&] {
        auto active = request;
        active.modelId = "M1";
        service.proposeCarve(active);
      }(),
      Error);
  const CarveProposal p = service.proposeCarve(request);
  // EMEA's subtree holds A1 (DE-ENT), A2 (DE), A3 (FR) and A5 (named in FR, so it stays). Sorted by region
  // (all EMEA) then postal code: A1 10115 (1,000,000), A3 75008 (300,000), A2 80331 (200,000). Total
  // 1,500,000, target 750,000: A1 alone crosses it, so DE-1 = {A1} = 1,000,000 and DE-2 = {A3, A2} = 500,000.
  EXPECT_EQ(p.accounts, 3);
  EXPECT_EQ(p.namedKept, 1);
  ASSERT_EQ(p.territories.size(), 2u);
  EXPECT_EQ(p.territories[0].id, "DE-1");
  EXPECT_EQ(p.territories[0].parentId, "DE");
  EXPECT_EQ(p.territories[0].namedAccounts, (std::vector<std::string>{"A1"}));
  EXPECT_EQ(p.territories[1].namedAccounts, (std::vector<std::string>{"A2", "A3"}));
  EXPECT_EQ(p.totals, (std::vector<std::int64_t>{100000000, 50000000}));
  // mean 750,000, sd 250,000: CV 1/3; the naive split in account order {A1, A2} vs {A3} is 1.2M vs 0.3M, CV 0.6.
  EXPECT_NEAR(*p.carved.cv, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(*p.naive.cv, 0.6, 1e-12);
  EXPECT_EQ(count("SELECT count(*) FROM territory WHERE territory_id LIKE 'DE-_'"), 0);  // proposing writes nothing
  service.applyCarve(p);
  EXPECT_EQ(winner("M2", "A1"), "DE-1");
  EXPECT_EQ(winner("M2", "A3"), "DE-2");
  EXPECT_EQ(winner("M2", "A5"), "FR");         // named accounts stay where they are named
  EXPECT_EQ(winner("M1", "A1"), "DE");         // the active model is untouched
  EXPECT_THROW(service.applyCarve(p), Error);  // the ids are taken now
  service.undoCarve(p);
  EXPECT_EQ(count("SELECT count(*) FROM territory WHERE territory_id LIKE 'DE-_'"), 0);
  EXPECT_EQ(winner("M2", "A1"), "DE-ENT");
}

}  // namespace
}  // namespace salesops
