#pragma once
// The small hand-built workbook of the `comp` CLI tests: managers M over A and B, three won deals, a quarter's
// quota each in Q1 and Q2, plan AE (marginal tiers, a bonus at 100 %, a new-logo SPIFF, 90-day clawback) for A
// and B and plan MGR (2 % override) for M.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>

#include "CliTestSupport.h"
#include "support/TempDir.h"

namespace salesops {

inline const char* kAePlan = R"({"plan_id": "AE", "effective_from": "2026-01-01", "payout_period": "quarter",
  "components": [
    {"id": "commission", "kind": "commission", "rates": {"semantics": "marginal", "tiers": [
      {"from": 0.0, "rate": "0.00"}, {"from": 0.5, "rate": "0.06"}, {"from": 1.0, "rate": "0.10"}, {"from": 1.5, "rate": "0.14"}]}},
    {"id": "bonus", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"},
    {"id": "new-logo", "kind": "spiff", "filter": {"type": "new_business", "min_amount": "50000.00"}, "amount": "750.00"}],
  "clawback_days": 90})";
inline const char* kMgrPlan = R"({"plan_id": "MGR", "effective_from": "2026-01-01", "components": [
  {"id": "override", "kind": "override", "rate": "0.02"}]})";

class CompCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    using testing::runCli;
    using testing::writeFile;
    ASSERT_EQ(runCli({"init", book()}).code, 0);
    std::filesystem::create_directories(dir / "in");
    std::filesystem::create_directories(dir / "lost");
    writeFile(dir / "in" / "reps.csv", "rep_id,name,manager_id,role\nM,Mia,,manager\nA,Ann,M,ae\nB,Ben,M,ae\n");
    writeFile(dir / "in" / "opportunities.csv",
              "opportunity_id,owner_rep_id,type,stage,amount,created_date,close_date\n"
              "O1,A,new_business,Closed Won,120000,2026-01-05,2026-02-10\n"
              "O2,A,new_business,Closed Won,40000,2026-01-05,2026-03-01\n"
              "O3,B,renewal,Closed Won,50000,2026-01-05,2026-05-10\n");
    writeFile(dir / "in" / "opportunity_splits.csv", "opportunity_id,rep_id,percent\nO1,A,75\nO1,B,25\n");
    writeFile(dir / "in" / "quotas.csv",
              "rep_id,period_start,period_end,amount,currency\nA,2026-01-01,2026-03-31,100000,USD\n"
              "B,2026-01-01,2026-03-31,100000,USD\nA,2026-04-01,2026-06-30,100000,USD\n"
              "B,2026-04-01,2026-06-30,100000,USD\n");
    const auto imported = runCli({"import", book(), (dir / "in").string()});
    ASSERT_EQ(imported.code, 0) << imported.err << imported.out;
    writeFile(dir / "ae.json", kAePlan);
    writeFile(dir / "mgr.json", kMgrPlan);
    ASSERT_EQ(runCli({"comp", book(), "plan-import", (dir / "ae.json").string()}).code, 0);
    ASSERT_EQ(runCli({"comp", book(), "plan-import", (dir / "mgr.json").string()}).code, 0);
    for (const auto& [rep, plan] : {std::pair{"A", "AE"}, {"B", "AE"}, {"M", "MGR"}}) {
      const auto assigned = runCli({"comp", book(), "assign", "--rep", rep, "--plan", plan, "--from", "2026-01-01"});
      ASSERT_EQ(assigned.code, 0) << assigned.err;
    }
  }
  std::string book() const { return (dir / "w.salesops").string(); }

  testing::TempDir dir;
};

}  // namespace salesops
