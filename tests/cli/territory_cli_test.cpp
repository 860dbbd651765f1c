#include <gtest/gtest.h>

#include "TerritoryCliFixture.h"

namespace salesops::testing {
namespace {

using TerritoryCli = TerritoryCliFixture;

TEST_F(TerritoryCli, ModelsAndList) {
  const auto models = territory({"models"});
  ASSERT_EQ(models.code, 0) << models.err;
  EXPECT_EQ(models.out,
            "model_id,name,status,active_from,territories,rules,named_accounts\n"
            "M1,Current,active,2026-01-01,3,3,0\nM2,Next,planning,,4,4,0\n");
  const auto list = territory({"list", "--model", "M2"});
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(lines(list.out).at(4), "DE-ENT,Germany enterprise,EMEA,territory,10,R3,,1,0");
}

TEST_F(TerritoryCli, DryRunWritesNothingThenAssignWrites) {
  const auto dry = territory({"assign", "--from", "2026-01-01", "--dry-run"});
  ASSERT_EQ(dry.code, 0) << dry.err;
  EXPECT_EQ(dry.out, "account_id,before,after,source\nA1,,DE,rule\nA2,,DE,rule\nA3,,FR,rule\nA5,,DE,rule\n");
  EXPECT_NE(dry.err.find("5 accounts, 4 assigned (0 named), 1 unassigned; 4 change territory (dry run"),
            std::string::npos)
      << dry.err;
  EXPECT_EQ(runCli({"export", book(), (dir_ / "x").string()}).code, 0);
  EXPECT_EQ(readFile(dir_ / "x" / "territory_assignments.csv"),
            "account_id,territory_id,effective_from,effective_to,source\n");

  ASSERT_EQ(territory({"assign", "--from", "2026-01-01"}).code, 0);
  EXPECT_EQ(runCli({"export", book(), (dir_ / "y").string()}).code, 0);
  EXPECT_EQ(lines(readFile(dir_ / "y" / "territory_assignments.csv")).size(), 5u);
  EXPECT_EQ(territory({"unassigned", "--from", "2026-01-01"}).out, "account_id\nA4\n");
  // Writing a planning model is refused with a data error (exit 3).
  const auto planning = territory({"assign", "--model", "M2", "--from", "2026-02-01"});
  EXPECT_EQ(planning.code, 3);
  EXPECT_NE(planning.err.find("--dry-run"), std::string::npos) << planning.err;
}

TEST_F(TerritoryCli, ExplainNamesTheWinnerAndTheOthers) {
  const auto e = territory({"explain", "A1", "--model", "M2"});
  ASSERT_EQ(e.code, 0) << e.err;
  EXPECT_EQ(e.out,
            "account A1 under model M2: DE-ENT\n"
            "  rule r1 of DE-ENT wins: highest priority (10 over 0)\n"
            "  * DE-ENT (priority 10): rules r1 match\n"
            "    DE (priority 0): rules r1 match\n"
            "    EMEA (priority 0): rules r1 match\n");
  EXPECT_EQ(territory({"explain", "NOPE"}).code, 3);
}

TEST_F(TerritoryCli, BalanceCsvAndStatistics) {
  const auto b = territory({"balance", "--metric", "accounts", "--period", "2026-01-01..2026-06-30", "--model", "M1"});
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(b.out,
            "territory_id,name,owner_rep_id,accounts,potential,pipeline,bookings,quota,reps\n"
            "DE,Germany,R1,3,1300000.00,1350.00,500.00,20000.00,2\n"
            "FR,France,R2,1,300000.00,0.00,700.00,5000.00,1\n");
  // Accounts 3 and 1: CV 50%, Gini 0.25, max/min 3.
  EXPECT_NE(b.err.find("CV 50.0%, Gini 0.250, max/min 3.00; 1 accounts unassigned"), std::string::npos) << b.err;
  EXPECT_EQ(territory({"balance", "--metric", "happiness"}).code, 2);
}

TEST_F(TerritoryCli, RebalanceIntoPlanningThenActivate) {
  const auto r = territory({"rebalance", "--model", "M1", "--metric", "potential", "--max-moves", "1", "--period",
                            "2026-01-01..2026-06-30", "--into", "M3"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "account_id,from,to,open_pipeline\nA5,DE,FR,no\n");
  EXPECT_NE(r.err.find("1 moves proposed in model M1 (written into M3)"), std::string::npos) << r.err;
  EXPECT_EQ(territory({"rebalance", "--model", "M1", "--metric", "potential", "--max-moves", "1", "--into", "M1"}).code,
            3);
  const auto activated = territory({"activate", "M3", "--from", "2026-04-01"});
  ASSERT_EQ(activated.code, 0) << activated.err;
  EXPECT_EQ(lines(territory({"models"}).out).at(1), "M1,Current,archived,2026-01-01,3,3,0");
  EXPECT_EQ(territory({"explain", "A5", "--model", "M3"}).out,
            "account A5 under model M3: FR\n  named account of territory FR; rules are not consulted\n");
  EXPECT_EQ(territory({"activate", "M3", "--from", "2026-05-01"}).code, 3);  // already active
  EXPECT_EQ(territory({"activate", "M2", "--from", "not-a-date"}).code, 2);
}

TEST_F(TerritoryCli, TwoWeightedMetricsAndATargetCv) {
  // Before: accounts 3 and 1 (CV 50 %), potential 1.3M and 0.3M (mean 0.8M, sd 0.5M, CV 62.5 %). A target of
  // 70 % is met already, so nothing moves; 60 % is not, and the first move (A5 to FR: accounts 2/2, potential
  // 1.2M/0.4M, CVs 0 % and 50 %) meets it.
  const std::vector<std::string> base{"rebalance",
                                      "--model",
                                      "M1",
                                      "--metric",
                                      "accounts",
                                      "--metric",
                                      "potential",
                                      "--weights",
                                      "1,1",
                                      "--max-moves",
                                      "5",
                                      "--period",
                                      "2026-01-01..2026-06-30"};
  auto args = base;
  args.insert(args.end(), {"--target-cv", "70"});
  auto r = territory(args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "account_id,from,to,open_pipeline\n");
  args = base;
  args.insert(args.end(), {"--target-cv", "60"});
  r = territory(args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "account_id,from,to,open_pipeline\nA5,DE,FR,no\n");
  EXPECT_NE(r.err.find("accounts after:  CV 0.0%"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("potential after:  CV 50.0%"), std::string::npos) << r.err;
  args = base;
  args.insert(args.end(), {"--weights", "1"});
  EXPECT_EQ(territory(args).code, 2);
}

}  // namespace
}  // namespace salesops::testing
