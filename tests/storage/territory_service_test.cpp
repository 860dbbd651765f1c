#include <gtest/gtest.h>

#include "common/Error.h"
#include "io/NativeImport.h"
#include "services/TerritoryService.h"
#include "services/WorkbookCheck.h"
#include "support/TempDir.h"
#include "support/TerritoryFixture.h"

namespace salesops {
namespace {

using testing::TempDir;

Date day(const char* text) { return *parseDate(text); }

class TerritoryServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { workbook_ = testing::createTerritoryFixtureWorkbook(dir_.path()); }
  std::int64_t count(const std::string& sql) { return workbook_->db().queryInt(sql); }
  std::string text(const std::string& sql) {
    auto q = workbook_->db().prepare(sql);
    return q.step() ? std::string(q.text(0)) : "<no row>";
  }
  std::string history() {
    auto q = workbook_->db().prepare(
        "SELECT a.external_id, t.territory_id, t.effective_from, coalesce(t.effective_to, ''), t.source "
        "FROM territory_assignment t JOIN account a ON a.id = t.account_id ORDER BY a.external_id, t.effective_from");
    std::string out;
    while (q.step()) {
      for (int c = 0; c < 5; ++c) out += std::string(q.text(c)) + (c < 4 ? " " : "\n");
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Workbook> workbook_;
};

TEST_F(TerritoryServiceTest, AssignWritesHistoryAndAccountTerritory) {
  TerritoryService service(*workbook_);
  EXPECT_EQ(service.modelInForce(day("2026-02-01")), "M1");
  EXPECT_THROW(service.modelInForce(day("2025-12-31")), Error);
  const auto plan = service.planAssignment("", day("2026-01-01"));
  EXPECT_EQ(plan.modelId, "M1");
  EXPECT_EQ(plan.accounts, 5);
  EXPECT_EQ(plan.assigned, 4);
  EXPECT_EQ(plan.unassigned, std::vector<std::string>{"A4"});
  ASSERT_EQ(plan.changes.size(), 4u);
  service.applyAssignment(plan, day("2026-01-10"));
  EXPECT_EQ(history(),
            "A1 DE 2026-01-01  rule\nA2 DE 2026-01-01  rule\nA3 FR 2026-01-01  rule\nA5 DE 2026-01-01  rule\n");
  EXPECT_EQ(text("SELECT territory_id FROM account WHERE external_id = 'A2'"), "DE");
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE territory_id IS NULL"), 1);  // A4
  // The same assignment again changes nothing.
  EXPECT_TRUE(service.planAssignment("M1", day("2026-02-01")).changes.empty());
}

TEST_F(TerritoryServiceTest, PlanningModelsAndEarlierDatesAreRefusedWithoutWriting) {
  TerritoryService service(*workbook_);
  service.applyAssignment(service.planAssignment("", day("2026-02-01")), day("2026-02-01"));
  const std::string before = history();
  try {
    service.applyAssignment(service.planAssignment("M2", day("2026-03-01")), day("2026-03-01"));
    FAIL() << "a planning model must not write history";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(e.message().find("model M2 is not in force on 2026-03-01 (M1 is)"), std::string::npos) << e.message();
  }
  EXPECT_THROW(service.applyAssignment(service.planAssignment("", day("2026-01-15")), day("2026-03-01")), Error);
  EXPECT_EQ(history(), before);
}

TEST_F(TerritoryServiceTest, ActivationArchivesAndOpportunitiesFollowHistoryAtCloseDate) {
  TerritoryService service(*workbook_);
  service.applyAssignment(service.planAssignment("", day("2026-01-01")), day("2026-01-01"));
  EXPECT_THROW(service.activate("M2", day("2026-01-01"), day("2026-01-01")), Error);  // not after M1's start
  const auto plan = service.activate("M2", day("2026-04-01"), day("2026-04-15"));
  ASSERT_EQ(plan.changes.size(), 1u);  // only A1 (5000 employees, DE) moves, to DE-ENT
  EXPECT_EQ(plan.changes[0].accountId, "A1");
  EXPECT_EQ(history(),
            "A1 DE 2026-01-01 2026-03-31 rule\nA1 DE-ENT 2026-04-01  rule\nA2 DE 2026-01-01  rule\n"
            "A3 FR 2026-01-01  rule\nA5 DE 2026-01-01  rule\n");
  EXPECT_EQ(text("SELECT status FROM territory_model WHERE external_id = 'M1'"), "archived");
  EXPECT_EQ(text("SELECT status || ' ' || active_from FROM territory_model WHERE external_id = 'M2'"),
            "active 2026-04-01");
  EXPECT_EQ(text("SELECT territory_id FROM account WHERE external_id = 'A1'"), "DE-ENT");
  EXPECT_EQ(service.modelInForce(day("2026-03-31")), "M1");
  EXPECT_EQ(service.modelInForce(day("2026-04-01")), "M2");
  // O1 (A1, closes 2026-03-15) keeps DE; O5 (A1, closes 2026-05-10) is DE-ENT's; O3 (A3) FR.
  std::map<std::string, std::string> byOpportunity;
  auto names = workbook_->db().prepare("SELECT id, external_id FROM opportunity");
  std::map<std::int64_t, std::string> ids;
  while (names.step()) ids[names.int64(0)] = names.text(1);
  for (const auto& [id, territoryId] : service.opportunityTerritories()) byOpportunity[ids[id]] = territoryId;
  EXPECT_EQ(byOpportunity, (std::map<std::string, std::string>{
                               {"O1", "DE"}, {"O2", "DE"}, {"O3", "FR"}, {"O4", "DE"}, {"O5", "DE-ENT"}}));
}

TEST_F(TerritoryServiceTest, BalanceByHand) {
  TerritoryService service(*workbook_);
  const auto report = service.balance("M1", {day("2026-01-01"), day("2026-06-30")}, day("2026-02-01"));
  ASSERT_EQ(report.rows.size(), 2u);  // the leaves DE and FR; EMEA has children and no accounts of its own
  const auto& de = report.rows[0];
  EXPECT_EQ(de.territoryId, "DE");
  // A1 + A2 + A5 = 1,000,000 + 200,000 + 100,000 = 1,300,000.00; open O1 1000 + O4 300 + O5 50; won O2 500;
  // quota of R1: two quarters of 10,000; reps R1 and overlay R4.
  EXPECT_EQ(de.values, (std::array<std::int64_t, kBalanceMetrics>{3, 130000000, 135000, 50000, 2000000, 2}));
  EXPECT_EQ(report.rows[1].values, (std::array<std::int64_t, kBalanceMetrics>{1, 30000000, 0, 70000, 500000, 1}));
  EXPECT_EQ(report.unassignedAccounts, 1);
  // Accounts 3 and 1: mean 2, sd 1, CV 0.5; Gini (-1*1 + 1*3) / (2*4) = 0.25; max/min 3.
  const auto& accounts = report.imbalance[static_cast<std::size_t>(BalanceMetric::Accounts)];
  EXPECT_DOUBLE_EQ(*accounts.cv, 0.5);
  EXPECT_DOUBLE_EQ(*accounts.gini, 0.25);
  EXPECT_DOUBLE_EQ(*accounts.maxMin, 3.0);
  EXPECT_FALSE(report.imbalance[static_cast<std::size_t>(BalanceMetric::Pipeline)].maxMin);  // FR has none
}

TEST_F(TerritoryServiceTest, RebalanceProposesMovesReliefAndWritesOnlyIntoPlanning) {
  TerritoryService service(*workbook_);
  RebalanceRequest request;
  request.modelId = "M1";
  request.period = {day("2026-01-01"), day("2026-06-30")};
  request.metrics = {BalanceMetric::Potential};
  request.maxMoves = 5;
  const auto proposal = service.proposeRebalance(request, day("2026-02-01"));
  // DE 1.3M, FR 0.3M. A5 (0.1M, no pipeline) moves first; then only accounts with pipeline are left and A2
  // (0.2M) still helps: 1.2M/0.4M -> 1.0M/0.6M. A1 (1M) would overshoot.
  ASSERT_EQ(proposal.moves.size(), 2u);
  EXPECT_EQ(proposal.moves[0].accountId, "A5");
  EXPECT_FALSE(proposal.moves[0].openPipeline);
  EXPECT_EQ(proposal.moves[1].accountId, "A2");
  EXPECT_TRUE(proposal.moves[1].openPipeline);
  EXPECT_EQ(proposal.after.rows[0].values[1], 100000000);
  const auto cv = [](const BalanceReport& r) { return *r.imbalance[1].cv; };
  EXPECT_LT(cv(proposal.after), cv(proposal.before));
  // DE loses A2's pipeline (O4 300 of 1350): relief = 20,000.00 * 300 / 1350 = 4,444.444... -> 4444.44.
  ASSERT_EQ(proposal.relief.size(), 1u);
  EXPECT_EQ(proposal.relief[0].repId, "R1");
  EXPECT_EQ(proposal.relief[0].relief, 444444);

  EXPECT_THROW(service.applyRebalance(proposal, "M1"), Error);  // the active model is never written
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account"), 0);
  service.applyRebalance(proposal, "M1-R");
  EXPECT_EQ(text("SELECT status FROM territory_model WHERE external_id = 'M1-R'"), "planning");
  EXPECT_EQ(count("SELECT count(*) FROM territory t JOIN territory_model m ON m.id = t.model_id "
                  "WHERE m.external_id = 'M1-R'"),
            3);
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account"), 2);
  const auto rebalanced = service.balance("M1-R", request.period, day("2026-02-01"));
  EXPECT_EQ(rebalanced.rows[0].values[1], 100000000);  // the planning copy reproduces the proposal
  EXPECT_EQ(rebalanced.rows[1].values[1], 60000000);
}

TEST_F(TerritoryServiceTest, AnAccountNamedTwiceStopsEverything) {
  auto& db = workbook_->db();
  db.exec(
      "INSERT INTO territory_named_account(model_id, territory_id, account_id) "
      "SELECT m.id, 'DE', a.id FROM territory_model m, account a WHERE m.external_id = 'M1' AND a.external_id = 'A3';"
      "INSERT INTO territory_named_account(model_id, territory_id, account_id) "
      "SELECT m.id, 'FR', a.id FROM territory_model m, account a WHERE m.external_id = 'M1' AND a.external_id = 'A3';");
  TerritoryService service(*workbook_);
  try {
    service.planAssignment("M1", day("2026-01-01"));
    FAIL() << "a model naming one account twice must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "model M1: account A3 is named by territories DE and FR; name it in one territory only");
  }
  EXPECT_EQ(count("SELECT count(*) FROM territory_assignment"), 0);
  // `check` reports the same problem.
  const auto findings = checkWorkbook(*workbook_);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].where, "territory_model M1");
  EXPECT_EQ(findings[0].message,
            "model M1: account A3 is named by territories DE and FR; name it in one territory only");
}

TEST_F(TerritoryServiceTest, CheckFindsOverlappingAssignments) {
  TerritoryService service(*workbook_);
  service.applyAssignment(service.planAssignment("", day("2026-01-01")), day("2026-01-01"));
  EXPECT_TRUE(checkWorkbook(*workbook_).empty());
  workbook_->db().exec(
      "INSERT INTO territory_assignment(account_id, territory_id, effective_from, source) "
      "SELECT id, 'FR', '2026-03-01', 'manual' FROM account WHERE external_id = 'A1'");
  const auto findings = checkWorkbook(*workbook_);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].where, "territory_assignment A1 2026-01-01");
  EXPECT_EQ(findings[0].message, "is still in force when the row from 2026-03-01 begins");
}

TEST_F(TerritoryServiceTest, HierarchyEditsOnlyInPlanningModelsAndUndoable) {
  TerritoryService service(*workbook_);
  territory::Territory north;
  north.id = "DE-N";
  north.name = "Germany North";
  north.parentId = "DE";
  north.priority = 3;
  north.rules.push_back(
      {"r1", {{territory::AccountField::PostalCode, territory::RuleOperator::Range, "10000..29999"}}});
  EXPECT_THROW(service.addTerritory("M1", north), Error);  // the active model is never edited
  service.addTerritory("M2", north);
  EXPECT_THROW(service.addTerritory("M2", north), Error);  // the id is taken now
  // A1 (postal code 10115, 5000 employees) is in DE-N's range, but DE-ENT's priority 10 beats DE-N's 3.
  const auto winner = [&](const char* account) {
    territory::Model model;
    const auto e = service.explain("M2", account, day("2026-02-01"), &model);
    return model.territories[e.placement.territory].id;
  };
  EXPECT_EQ(winner("A1"), "DE-ENT");
  EXPECT_EQ(winner("A2"), "DE");  // 80331: outside DE-N
  service.updateTerritory("M2", "DE-N", "Nord", 20);
  EXPECT_EQ(winner("A1"), "DE-N");  // priority 20 now beats DE-ENT's 10
  EXPECT_EQ(service.loadModel("M2").find("DE-N")->name, "Nord");
  EXPECT_THROW(service.removeTerritory("M2", "DE"), Error);  // DE has DE-N under it
  const auto removed = service.removeTerritory("M2", "DE-N");
  EXPECT_EQ(removed.rules.size(), 1u);
  EXPECT_EQ(count("SELECT count(*) FROM territory_rule WHERE territory_id = 'DE-N'"), 0);
  service.addTerritory("M2", removed);  // the undo of a removal puts the rules back
  EXPECT_EQ(count("SELECT count(*) FROM territory_rule WHERE territory_id = 'DE-N'"), 1);
}

}  // namespace
}  // namespace salesops
