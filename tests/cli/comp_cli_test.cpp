// `salesops-cli comp` end to end: a small hand-built workbook with hand-worked payouts, the lock and
// clawback lifecycle, statements, and the exit codes of CLI.md; then the demo workbook's own plans.
#include <gtest/gtest.h>

#include <filesystem>

#include "CompCliFixture.h"

namespace salesops {
namespace {

using testing::lines;
using testing::runCli;
using testing::TempDir;
using testing::writeFile;

// Only the columns a test compares: rep, component, kind, amount.
std::vector<std::string> brief(const std::string& csv) {
  std::vector<std::string> out;
  for (const auto& line : lines(csv)) {
    std::vector<std::string> f;
    std::string cell;
    for (char c : line.substr(0, line.find(",\""))) {
      if (c == ',') {
        f.push_back(cell);
        cell.clear();
      } else {
        cell += c;
      }
    }
    f.push_back(cell);
    if (f.size() >= 7) out.push_back(f[0] + " " + f[4] + " " + f[5] + " " + f[6]);
  }
  return out;
}

TEST_F(CompCliTest, PayoutWritesTheHandWorkedRegister) {
  const auto r = runCli({"comp", book(), "payout", "--period", "FY2026-Q1"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out)[0], "rep_id,period_start,period_end,plan_id,component,kind,amount,detail");
  EXPECT_EQ(lines(r.out)[1].substr(0, 56), "A,2026-01-01,2026-03-31,AE,commission,earning,6000.00,\"m");
  // A: credit 0.75 × 120,000 + 40,000 = 130,000 of 100,000 -> 0.06 × 50,000 + 0.10 × 30,000 = 6,000.00,
  //    bonus 5,000.00, new-logo 750 × 75 % = 562.50 (O2 is below 50,000).
  // B: credit 30,000 < 50 % -> 0.00; new-logo 750 × 25 % = 187.50.
  // M: override 0.02 × (130,000 + 30,000) = 3,200.00.
  const std::vector<std::string> expected{"rep_id component kind amount", "A commission earning 6000.00",
                                          "A bonus bonus 5000.00",        "A new-logo spiff 562.50",
                                          "B commission earning 0.00",    "B new-logo spiff 187.50",
                                          "M override override 3200.00"};
  EXPECT_EQ(brief(r.out), expected);
}

TEST_F(CompCliTest, LockFreezesAPeriodAndALostDealIsClawedBackInTheNextOne) {
  const auto before = runCli({"comp", book(), "payout", "--period", "FY2026-Q1"});
  ASSERT_EQ(before.code, 0) << before.err;
  const auto locked = runCli({"comp", book(), "lock", "--period", "FY2026-Q1"});
  ASSERT_EQ(locked.code, 0) << locked.err;
  EXPECT_EQ(locked.out, "locked 2026-01-01..2026-03-31\n");
  // O2 is lost on 2026-04-20, 50 days after its close: within the 90-day window.
  writeFile(dir / "lost" / "opportunities.csv",
            "opportunity_id,owner_rep_id,type,stage,amount,created_date,close_date\n"
            "O2,A,new_business,Closed Lost,40000,2026-01-05,2026-03-01\n");
  writeFile(dir / "lost" / "opportunity_history.csv",
            "opportunity_id,changed_at,stage\nO2,2026-04-20T10:00:00Z,Closed Lost\n");
  ASSERT_EQ(runCli({"import", book(), (dir / "lost").string()}).code, 0);

  const auto q1 = runCli({"comp", book(), "payout", "--period", "FY2026-Q1"});
  EXPECT_EQ(q1.out, before.out) << "a locked period never changes";
  const auto q2 = runCli({"comp", book(), "payout", "--period", "FY2026-Q2"});
  ASSERT_EQ(q2.code, 0) << q2.err;
  // A: O2's share of Q1's commission: 6,000 × 40,000 / 130,000 = 1,846.1538… -> −1,846.15. No Q2 deals.
  // B: O3 50,000 of 100,000 is exactly the 50 % threshold: 0.06 × 0 = 0.00.
  // M: override 0.02 × 50,000 = 1,000.00; Q1's override recomputed without O2 is 0.02 × 120,000 = 2,400,
  //    800.00 less than paid: an adjustment (overrides carry no deals, so the change is not a clawback).
  const std::vector<std::string> expected{"rep_id component kind amount",   "A commission earning 0.00",
                                          "A commission clawback -1846.15", "B commission earning 0.00",
                                          "M override override 1000.00",    "M override adjustment -800.00"};
  EXPECT_EQ(brief(q2.out), expected);
  EXPECT_NE(q2.out.find("deal O2 was lost within 90 days"), std::string::npos) << q2.out;
  // Running Q2 again replaces its lines, it does not add to them.
  EXPECT_EQ(runCli({"comp", book(), "payout", "--period", "FY2026-Q2"}).out, q2.out);
}

TEST_F(CompCliTest, StatementShowsTheLinesAndTheirDeals) {
  const auto csv = runCli({"comp", book(), "statement", "--rep", "A", "--period", "FY2026-Q1"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  const auto rows = lines(csv.out);
  EXPECT_EQ(rows[0], "period_start,period_end,plan_id,component,kind,amount,detail,opportunity_id,credited_amount");
  EXPECT_NE(csv.out.find("2026-01-01,2026-03-31,AE,commission,earning,,,O1,90000.00\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("2026-01-01,2026-03-31,AE,commission,earning,,,O2,40000.00\n"), std::string::npos);
  EXPECT_EQ(csv.out.find(",M,"), std::string::npos) << "only A's lines";
  const auto html = runCli({"comp", book(), "statement", "--rep", "A", "--period", "FY2026-Q1", "--format", "html"});
  ASSERT_EQ(html.code, 0) << html.err;
  EXPECT_NE(html.out.find("Ann (A)"), std::string::npos);
  EXPECT_NE(html.out.find("11562.50"), std::string::npos) << "total 6,000 + 5,000 + 562.50";
}

TEST_F(CompCliTest, BadInputIsNamedAndChangesNothing) {
  writeFile(dir / "bad.json", R"({"plan_id": "X", "effective_from": "2026-01-01", "components": [
    {"id": "c", "kind": "commission", "rates": {"semantics": "marginal", "tiers": [{"from": 0, "rate": "0.1"}, {"from": -1, "rate": "0.2"}]}}]})");
  const auto bad = runCli({"comp", book(), "plan-import", (dir / "bad.json").string()});
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.err.find("bad.json: components[0].rates.tiers[1].from:"), std::string::npos) << bad.err;
  EXPECT_EQ(lines(runCli({"comp", book(), "plans"}).out).size(), 3u) << "header, AE, MGR: X was not stored";
  EXPECT_EQ(runCli({"comp", book(), "assign", "--rep", "NOPE", "--plan", "AE", "--from", "2026-01-01"}).code, 3);
  EXPECT_EQ(runCli({"comp", book(), "assign", "--rep", "A", "--plan", "NOPE", "--from", "2026-01-01"}).code, 3);
  EXPECT_EQ(runCli({"comp", book(), "payout", "--period", "FY2026-Q5"}).code, 2);
  EXPECT_EQ(runCli({"comp", book(), "lock", "--period", "2026-02"}).code, 2) << "no quarter lies inside February";
  EXPECT_EQ(runCli({"comp", book(), "statement", "--rep", "A", "--period", "FY2026", "--format", "pdf"}).code, 2);
}

TEST_F(CompCliTest, CurveFollowsTheRateTable) {
  const auto r = runCli({"comp", book(), "curve", "--plan", "AE", "--quota", "100000.00"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 42u);  // header + 0 .. 2 in steps of 0.05
  EXPECT_EQ(rows[1], "0,0.00");
  // 100 %: 0.06 × 50,000 = 3,000 + bonus 5,000 = 8,000.00; 150 %: + 0.10 × 50,000 = 13,000.00.
  EXPECT_EQ(rows[21], "1,8000.00");
  EXPECT_EQ(rows[31], "1.5,13000.00");
}

TEST_F(CompCliTest, WhatIfReplaysACandidatePlanBesideTheCurrentOne) {
  std::string candidate = kAePlan;
  candidate.replace(candidate.find("\"5000.00\""), 9, "\"6000.00\"");  // a richer bonus, all else equal
  writeFile(dir / "candidate.json", candidate);
  const auto r = runCli({"comp", book(), "whatif", "--plan", (dir / "candidate.json").string(), "--year", "FY2026"});
  ASSERT_EQ(r.code, 0) << r.err;
  // A: 6,000 + 5,000 + 562.50 = 11,562.50 now (nothing in Q2-Q4); the candidate's bonus adds 1,000.
  // B: 187.50 SPIFF in Q1 and 0.00 at exactly 50 % in Q2, either way. M is on MGR: not replayed.
  EXPECT_EQ(r.out,
            "rep_id,current,candidate,difference\nA,11562.50,12562.50,1000.00\nB,187.50,187.50,0.00\n"
            "(all),11750.00,12750.00,1000.00\n");
  // Cost of sale over A's and B's credited bookings of 130,000 + 80,000 = 210,000: 5.60 % and 6.07 %.
  EXPECT_NE(r.err.find("5.60 % now, 6.07 % with AE"), std::string::npos) << r.err;
  EXPECT_EQ(runCli({"comp", book(), "whatif", "--plan", (dir / "candidate.json").string(), "--year", "FY2026-Q1"}).code,
            2);
}

TEST_F(CompCliTest, ReconcileShowsWhereAnotherSystemDiffers) {
  ASSERT_EQ(runCli({"comp", book(), "payout", "--period", "FY2026-Q1"}).code, 0);
  // Ours for Q1: A 11,562.50; B 187.50; M 3,200.00.
  writeFile(dir / "theirs.csv",
            "rep_id,period_start,period_end,amount\nA,2026-01-01,2026-03-31,11562.50\n"
            "B,2026-01-01,2026-03-31,187.00\nC,2026-01-01,2026-03-31,10.00\n");
  const auto r = runCli({"comp", book(), "reconcile", (dir / "theirs.csv").string()});
  EXPECT_EQ(r.code, 3) << "differences found";
  EXPECT_EQ(r.out,
            "rep_id,period_start,period_end,component,ours,theirs,difference,status\n"
            "A,2026-01-01,2026-03-31,,11562.50,11562.50,0.00,match\n"
            "B,2026-01-01,2026-03-31,,187.50,187.00,-0.50,differs\n"
            "C,2026-01-01,2026-03-31,,,10.00,10.00,only_theirs\n"
            "M,2026-01-01,2026-03-31,,3200.00,,-3200.00,only_ours\n");
  EXPECT_NE(r.err.find("1 match, 1 differ, 1 only in the ledger, 1 only in"), std::string::npos) << r.err;

  writeFile(dir / "same.csv",
            "rep_id,period_start,period_end,component,amount\nA,2026-01-01,2026-03-31,commission,6000\n"
            "A,2026-01-01,2026-03-31,bonus,5000\nA,2026-01-01,2026-03-31,new-logo,562.5\n"
            "B,2026-01-01,2026-03-31,commission,0\nB,2026-01-01,2026-03-31,new-logo,187.50\n"
            "M,2026-01-01,2026-03-31,override,3200\n");
  EXPECT_EQ(runCli({"comp", book(), "reconcile", (dir / "same.csv").string()}).code, 0) << "all six match";

  writeFile(dir / "bad.csv",
            "rep_id,period_start,period_end,amount\nA,2026-01-01,2026-03-31,1\nB,2026-01-01,2026-03-31,1.234\n");
  const auto bad = runCli({"comp", book(), "reconcile", (dir / "bad.csv").string()});
  EXPECT_EQ(bad.code, 3);
  EXPECT_NE(bad.err.find("bad.csv:3: amount: \"1.234\""), std::string::npos) << bad.err;
}

using CompDemoCliTest = testing::DemoWorkbookSuite<7>;

TEST_F(CompDemoCliTest, TheDemoComesWithPlansAndPaysEveryAssignedRep) {
  const auto plans = runCli({"comp", book(), "plans"});
  ASSERT_EQ(plans.code, 0) << plans.err;
  EXPECT_EQ(lines(plans.out).size(), 4u) << plans.out;  // AE, MGR, SDR
  const auto payout = runCli({"comp", book(), "payout", "--period", "FY2026-Q2"});
  ASSERT_EQ(payout.code, 0) << payout.err;
  EXPECT_GT(lines(payout.out).size(), 20u);
  EXPECT_NE(payout.out.find(",AE,commission,earning,"), std::string::npos);
  EXPECT_NE(payout.out.find(",MGR,team-override,override,"), std::string::npos);
  EXPECT_NE(payout.out.find(",SDR,draw,draw_advance,1000.00,"), std::string::npos);
}

TEST(CompCliCurrency, CurveReadsTheQuotaInTheWorkbookCurrencysDigits) {
  // A yen workbook: amounts have no minor digits, so --quota 100000 is ¥100,000 as the plan's ¥5,000 bonus is.
  TempDir dir;
  const std::string book = (dir.path() / "jpy.salesops").string();
  ASSERT_EQ(runCli({"init", book, "--currency", "JPY"}).code, 0);
  std::string plan = kAePlan;
  plan.replace(plan.find("\"5000.00\""), 9, "\"5000\"");
  plan.replace(plan.find("\"50000.00\""), 10, "\"50000\"");
  plan.replace(plan.find("\"750.00\""), 8, "\"750\"");
  writeFile(dir.path() / "ae.json", plan);
  const auto imported = runCli({"comp", book, "plan-import", (dir.path() / "ae.json").string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  const auto r = runCli({"comp", book, "curve", "--plan", "AE", "--quota", "100000"});
  ASSERT_EQ(r.code, 0) << r.err;
  // 100 %: 0.06 × 50,000 = 3,000 + bonus 5,000 = ¥8,000 (read as ¥10,000,000 it would be ¥305,000).
  EXPECT_EQ(lines(r.out).at(21), "1,8000");
}

}  // namespace
}  // namespace salesops
