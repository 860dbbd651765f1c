// `forecast WORKBOOK rollup|adjust|submit|trend|pipeline` on a small workbook worked by hand: R0 manages R1,
// R1 manages R2 and R3; FY2026-Q2 is 2026-04-01..2026-06-30.
#include <gtest/gtest.h>

#include "CliTestSupport.h"
#include "support/TempDir.h"

namespace salesops::testing {
namespace {

class ForecastWorkbookCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(runCli({"init", book()}).code, 0);
    writeFile(dir / "reps.csv", "rep_id,name,manager_id\nR0,Vera,\nR1,Max,R0\nR2,Ann,R1\nR3,Bob,R1\n");
    writeFile(dir / "opportunities.csv",
              "opportunity_id,owner_rep_id,stage,amount,currency,created_date,close_date,forecast_category\n"
              "O1,R2,Closed Won,1000.00,USD,2026-01-10,2026-04-10,closed\n"
              "O2,R2,Negotiation,500.00,USD,2026-01-10,2026-05-15,commit\n"
              "O3,R2,Proposal,300.00,USD,2026-01-10,2026-06-01,best_case\n"
              "O4,R2,Prospecting,200.00,USD,2026-01-10,2026-06-20,pipeline\n"
              "O5,R3,Negotiation,250.00,USD,2026-01-10,2026-06-10,commit\n"
              "O6,R3,Closed Won,2000.00,USD,2026-01-10,2026-05-20,closed\n"
              "O7,R3,Proposal,900.00,USD,2026-01-10,2026-06-10,omitted\n");
    writeFile(dir / "opportunity_splits.csv", "opportunity_id,rep_id,percent\nO6,R3,50\nO6,R2,50\n");
    writeFile(dir / "quotas.csv",
              "rep_id,period_start,period_end,amount,currency\nR2,2026-04-01,2026-06-30,3000.00,USD\n");
    const auto imported = runCli({"import", book(), dir.path().string()});
    ASSERT_EQ(imported.code, 0) << imported.err;
  }
  std::string book() const { return (dir / "book.salesops").string(); }
  CliResult forecast(std::vector<std::string> args) {
    args.insert(args.begin(), {"forecast", book()});
    return runCli(args);
  }
  TempDir dir;
};

TEST_F(ForecastWorkbookCliTest, RollupSumsCategoriesUpTheHierarchy) {
  const auto r = forecast({"rollup", "--period", "FY2026-Q2"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 5u) << r.out;
  EXPECT_EQ(rows[0],
            "rep_id,rep_name,manager_id,depth,period_start,period_end,currency,quota,closed,commit,best_case,pipeline,"
            "commit_adjusted,best_case_adjusted,pipeline_adjusted,own_closed,own_commit,own_best_case,own_pipeline,"
            "adjustments");
  // R2: closed 1000 + half of 2000 = 2000; commit + 500; best case + 300; open pipeline 500 + 300 + 200
  EXPECT_EQ(rows[3],
            "R2,Ann,R1,2,2026-04-01,2026-06-30,USD,3000.00,2000.00,2500.00,2800.00,1000.00,2500.00,2800.00,1000.00,"
            "2000.00,2500.00,2800.00,1000.00,");
  // R3: 1000 closed, 250 commit; the omitted 900 is nowhere
  EXPECT_EQ(rows[4],
            "R3,Bob,R1,2,2026-04-01,2026-06-30,USD,0.00,1000.00,1250.00,1250.00,250.00,1250.00,1250.00,250.00,"
            "1000.00,1250.00,1250.00,250.00,");
  // R1 and R0: the sums, 3000 / 3750 / 4050 / 1250, with nothing of their own
  EXPECT_EQ(rows[1].substr(0, 68), "R0,Vera,,0,2026-04-01,2026-06-30,USD,3000.00,3000.00,3750.00,4050.00");
  EXPECT_EQ(rows[2].substr(0, 70), "R1,Max,R0,1,2026-04-01,2026-06-30,USD,3000.00,3000.00,3750.00,4050.00,");
}

TEST_F(ForecastWorkbookCliTest, AdjustmentIsLaidOverTheRawNumberAndSubmissionsSumToTheCall) {
  const auto adjusted = forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--category", "commit", "--amount",
                                  "3500.00", "--note", "O2 may slip", "--author", "max"});
  ASSERT_EQ(adjusted.code, 0) << adjusted.err;
  const auto rollup = lines(forecast({"rollup", "--period", "FY2026-Q2", "--rep", "R1"}).out);
  ASSERT_EQ(rollup.size(), 4u);
  // raw commit 3750.00 stays beside the adjusted 3500.00
  EXPECT_NE(rollup[1].find(",3750.00,4050.00,1250.00,3500.00,4050.00,1250.00,"), std::string::npos) << rollup[1];
  EXPECT_NE(rollup[1].find("commit 3500.00 by max (manager"), std::string::npos) << rollup[1];
  EXPECT_NE(rollup[1].find("O2 may slip"), std::string::npos);

  const auto submitted = forecast({"submit", "--period", "FY2026-Q2", "--at", "2026-05-04T12:00:00Z"});
  ASSERT_EQ(submitted.code, 0) << submitted.err;
  const auto rows = lines(submitted.out);
  ASSERT_EQ(rows.size(), 13u);  // 4 nodes × 3 categories
  // R1's own commit: 3500 − (R2 2500 + R3 1250) = −250.00; R0's: 3500 − 3500 = 0
  EXPECT_EQ(rows[1], "R0,2026-04-01,2026-06-30,2026-05-04T12:00:00Z,commit,0.00,USD");
  EXPECT_EQ(rows[4], "R1,2026-04-01,2026-06-30,2026-05-04T12:00:00Z,commit,-250.00,USD");
  EXPECT_EQ(rows[7], "R2,2026-04-01,2026-06-30,2026-05-04T12:00:00Z,commit,2500.00,USD");

  // The same submission twice is refused and writes nothing.
  const auto again = forecast({"submit", "--period", "FY2026-Q2", "--at", "2026-05-04T12:00:00Z"});
  EXPECT_EQ(again.code, 3);
  EXPECT_NE(again.err.find("already submitted"), std::string::npos) << again.err;

  // The week ending Sunday 2026-05-10: the team's calls sum to the adjusted 3500.00.
  const auto trend = forecast({"trend", "--period", "FY2026-Q2", "--rep", "R0", "--as-of", "2026-05-12"});
  ASSERT_EQ(trend.code, 0) << trend.err;
  const auto points = lines(trend.out);
  ASSERT_EQ(points.size(), 3u) << trend.out;
  EXPECT_EQ(points[0], "rep_id,week_end,commit,best_case,pipeline,callers,result,currency");
  EXPECT_EQ(points[1], "R0,2026-05-10,3500.00,4050.00,1250.00,4,3000.00,USD");
  EXPECT_EQ(points[2], "R0,2026-05-17,3500.00,4050.00,1250.00,4,3000.00,USD");

  // KPIS.md's forecast call of R1's team is the same figure.
  const auto kpi = runCli({"kpi", book(), "--period", "FY2026-Q2", "--scope", "R1", "--kpis", "forecast",
                           "--forecast-cutoff", "2026-05-31"});
  ASSERT_EQ(kpi.code, 0) << kpi.err;
  EXPECT_NE(kpi.out.find(",3500.00"), std::string::npos) << kpi.out;

  // Withdrawn, the raw number is back.
  ASSERT_EQ(forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--clear", "--note", "O2 signed"}).code, 0);
  const auto back = lines(forecast({"rollup", "--period", "FY2026-Q2", "--rep", "R1"}).out);
  EXPECT_NE(back[1].find(",3750.00,4050.00,1250.00,3750.00,"), std::string::npos) << back[1];
}

TEST_F(ForecastWorkbookCliTest, BadInputIsRefusedWithItsName) {
  EXPECT_EQ(forecast({"rollup", "--period", "FY2026-Q9"}).code, 2);
  const auto unknown = forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R9", "--amount", "1", "--note", "x"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("R9"), std::string::npos);
  EXPECT_EQ(forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--category", "closed", "--amount", "1",
                      "--note", "x"})
                .code,
            2);
  EXPECT_EQ(forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--amount", "1.234", "--note", "x"}).code, 2);
  EXPECT_EQ(forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--amount", "1"}).code, 2);  // no note
  EXPECT_EQ(runCli({"forecast", "rollup", "--period", "FY2026-Q2"}).code, 2);                        // no workbook
}

TEST_F(ForecastWorkbookCliTest, PipelineIsReproducibleAndMatchesTheExpectation) {
  const std::vector<std::string> args{"pipeline",   "--period", "FY2026-Q2", "--scope", "R1", "--as-of",
                                      "2026-05-01", "--trials", "4000",      "--seed",  "5"};
  const auto first = forecast(args);
  ASSERT_EQ(first.code, 0) << first.err;
  auto oneThread = args;
  oneThread.insert(oneThread.end(), {"--threads", "1"});
  EXPECT_EQ(forecast(oneThread).out, first.out);
  const auto rows = lines(first.out);
  ASSERT_EQ(rows.size(), 4u) << first.out;  // R1, R2, R3
  EXPECT_EQ(rows[0],
            "scope,scope_name,period_start,period_end,currency,booked,open_deals,expected,mean,p10,p50,p90,quota,"
            "chance_of_quota,commit_call,chance_of_commit");
  // No history yet: the configured stage probabilities. The pipeline forecast is the data's view, blind to
  // the reps' categories, so the omitted O7 counts too. R1's team: booked 3000 + 0.8 × 500 + 0.6 × 300 +
  // 0.1 × 200 + 0.8 × 250 + 0.6 × 900 = 3000 + 1340 = 4340.00, from five open deals.
  EXPECT_EQ(rows[1].substr(0, 50), "R1,Max,2026-04-01,2026-06-30,USD,3000.00,5,4340.00") << rows[1];
  // R2: 2000 booked + 400 + 180 + 20 = 2600.00; its 3000.00 quota needs all three deals.
  EXPECT_NE(rows[2].find("R2,Ann,2026-04-01,2026-06-30,USD,2000.00,3,2600.00,"), std::string::npos) << rows[2];
  // The slip what-if: every deal before Negotiation moves out, leaving 3000 + 0.8 × (500 + 250) = 3600.00
  auto slip = args;
  slip.insert(slip.end(), {"--slip-before", "Negotiation"});
  const auto slipped = lines(forecast(slip).out);
  EXPECT_EQ(slipped[1].substr(0, 50), "R1,Max,2026-04-01,2026-06-30,USD,3000.00,5,3600.00");
  // Drop the largest (O7, 900.00): 4340 − 540 = 3800.00 from four deals
  auto drop = args;
  drop.insert(drop.end(), {"--drop-largest", "1"});
  const auto dropped = lines(forecast(drop).out);
  EXPECT_EQ(dropped[1].substr(0, 50), "R1,Max,2026-04-01,2026-06-30,USD,3000.00,4,3800.00");
  EXPECT_EQ(forecast({"pipeline", "--period", "FY2026-Q2", "--slip-before", "Nowhere"}).code, 2);
  // Once the period is over nothing open can close in it: Q1 as of 2026-05-01 is what it booked, nothing.
  const auto over =
      lines(forecast({"pipeline", "--period", "FY2026-Q1", "--scope", "R1", "--as-of", "2026-05-01"}).out);
  ASSERT_GE(over.size(), 2u);
  EXPECT_EQ(over[1].substr(0, 64), "R1,Max,2026-01-01,2026-03-31,USD,0.00,0,0.00,0.00,0.00,0.00,0.00");
}

TEST_F(ForecastWorkbookCliTest, ProbabilitiesListEveryOpenStage) {
  const auto r = forecast({"pipeline", "--period", "FY2026-Q2", "--probabilities"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 6u);  // five open stages
  EXPECT_EQ(rows[1].substr(0, 32), "Prospecting,0.100000,,0,1,,0,,0,");
}

TEST_F(ForecastWorkbookCliTest, BacktestRebuildsAPastDayAndScoresEveryMethod) {
  // O1 was won on 04-10; O6 sat in Proposal due 05-31 until it was won on 05-20. The others have no history.
  writeFile(dir / "opportunity_history.csv",
            "opportunity_id,changed_at,stage,close_date\n"
            "O1,2026-01-10T09:00:00Z,Negotiation,\n"
            "O1,2026-04-10T09:00:00Z,Closed Won,\n"
            "O6,2026-01-10T09:00:00Z,Proposal,2026-05-31\n"
            "O6,2026-05-20T09:00:00Z,Closed Won,\n");
  ASSERT_EQ(runCli({"import", book(), (dir / "opportunity_history.csv").string()}).code, 0);
  ASSERT_EQ(forecast({"submit", "--period", "FY2026-Q2", "--at", "2026-04-20T12:00:00Z"}).code, 0);
  ASSERT_EQ(forecast({"adjust", "--period", "FY2026-Q2", "--rep", "R1", "--amount", "3200", "--note", "O6 is late",
                      "--at", "2026-04-25T10:00:00Z"})
                .code,
            0);
  const std::vector<std::string> args{"backtest", "--period", "FY2026-Q2", "--as-of", "2026-04-30", "--seed", "3"};
  const auto r = forecast(args);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 5u) << r.out;
  EXPECT_EQ(rows[0],
            "scope,scope_name,level,period_start,period_end,as_of,currency,actual,stage_weighted,pipeline_history,"
            "monte_carlo_p10,monte_carlo_p50,monte_carlo_p90,statistical,call,commit_raw,commit_adjusted");
  // On 04-30 R2 had booked O1 (1000) and O6 was open at 60 %: 1000 + 0.8 × 500 + 0.6 × 300 + 0.1 × 200 +
  // 0.6 × 1000 (its half of O6) = 2200.00; too little history to learn from, so the same figure. Its
  // commit call of 04-20 was 2500.00; its commit then: 1000 closed + 500 + 1000 (O6, marked closed).
  EXPECT_EQ(rows[3].substr(0, 72), "R2,Ann,rep,2026-04-01,2026-06-30,2026-04-30,USD,2000.00,2200.00,2200.00,")
      << rows[3];
  EXPECT_NE(rows[3].find(",2500.00,2500.00,2500.00"), std::string::npos) << rows[3];
  // R3: 0.8 × 250 + 0.6 × 900 + 0.6 × 1000 = 1340.00 against 1000.00 closed
  EXPECT_EQ(rows[4].substr(0, 72), "R3,Bob,rep,2026-04-01,2026-06-30,2026-04-30,USD,1000.00,1340.00,1340.00,");
  // R1's team: 3540.00 against 3000.00; the team's calls summed to 3750.00; the manager cut commit to 3200.00
  EXPECT_EQ(rows[2].substr(0, 76), "R1,Max,manager,2026-04-01,2026-06-30,2026-04-30,USD,3000.00,3540.00,3540.00,");
  EXPECT_NE(rows[2].find(",3750.00,3750.00,3200.00"), std::string::npos) << rows[2];

  auto summary = args;
  summary.push_back("--summary");
  const auto s = lines(forecast(summary).out);
  ASSERT_EQ(s.size(), 12u);
  EXPECT_EQ(s[0], "method,level,nodes,wape,bias,p10_p90_coverage");
  // Reps: (|2200 − 2000| + |1340 − 1000|) / 3000 = 0.18, all over: bias 0.18
  EXPECT_EQ(s[1], "stage_weighted,rep,2,0.180000,0.180000,");
  // Calls: (500 + 250) / 3000 = 0.25
  EXPECT_EQ(s[5], "call,rep,2,0.250000,0.250000,");
  EXPECT_EQ(s[6], "stage_weighted,manager,2,0.180000,0.180000,");
  // One manager adjustment, toward the result: 3200 − 3750 = −550 against 3000 − 3750 = −750
  EXPECT_EQ(s[11], "manager_adjustment,manager,1,1.000000,-550.00,-750.00");

  EXPECT_EQ(forecast({"backtest", "--period", "FY2026-Q2", "--as-of", "2026-07-01"}).code, 2);
}

}  // namespace
}  // namespace salesops::testing
