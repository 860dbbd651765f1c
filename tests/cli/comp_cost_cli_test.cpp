// `salesops-cli comp WORKBOOK cost`: the plan cost of the hand-built workbook of CompCliFixture.h, worked by
// hand in each format, and its usage errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "CompCliFixture.h"

namespace salesops {
namespace {

using testing::lines;
using testing::runCli;

// Q1 by hand (the same figures as the payout register test):
//   A: credit 0.75 × 120,000 + 40,000 = 130,000 of 100,000 (130 %): 6,000 + bonus 5,000 + SPIFF 562.50 = 11,562.50
//   B: credit 0.25 × 120,000 = 30,000 of 100,000 (30 %): SPIFF 187.50
//   M: no deals, no quota: override 0.02 × 160,000 = 3,200.00
// AE: bookings 160,000, payout 11,750.00, cost of sale 11,750 / 160,000 = 0.0734375 (7.34 %).
// MGR: bookings 0: cost of sale undefined. (Six decimals: the doubles nearest 0.0734375 and 0.0934375 lie just
// above them, so both round up.)
TEST_F(CompCliTest, CostOfAQuarterInCsv) {
  const auto r = runCli({"comp", book(), "cost", "--period", "FY2026-Q1", "--format", "csv"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], "kind,plan_id,period_start,period_end,band,reps,bookings,payout,cost_of_sale,attainment");
  EXPECT_EQ(rows[1], "period,AE,2026-01-01,2026-03-31,,2,160000.00,11750.00,0.073438,");
  EXPECT_EQ(rows[2], "period,MGR,2026-01-01,2026-03-31,,1,0.00,3200.00,,");
  const auto has = [&](const std::string& row) {
    for (const auto& line : rows) {
      if (line == row) return true;
    }
    return false;
  };
  // AE's attainment over both reps: 160,000 / 200,000 = 0.8.
  EXPECT_TRUE(has("summary,AE,,,,2,160000.00,11750.00,0.073438,0.800000")) << r.out;
  EXPECT_TRUE(has("band,AE,,,<50%,1,,187.50,,")) << "B at 30 %";
  EXPECT_TRUE(has("band,AE,,,125-150%,1,,11562.50,,")) << "A at 130 %";
  EXPECT_TRUE(has("band,AE,,,100-125%,0,,0.00,,"));
  EXPECT_TRUE(has("band,MGR,,,no quota,1,,3200.00,,"));
  // AE pays sorted 187.50, 11,562.50 (n = 2): p50 → ceil(1) = 1st, p75 → ceil(1.5) = 2nd.
  EXPECT_TRUE(has("percentile,AE,,,p50,,,187.50,,"));
  EXPECT_TRUE(has("percentile,AE,,,p75,,,11562.50,,"));
  // Total: 160,000 of bookings (M has none), 14,950.00 of pay on 200,000 of quota.
  EXPECT_TRUE(has("summary,(all),,,,3,160000.00,14950.00,0.093438,0.800000")) << r.out;
}

TEST_F(CompCliTest, CostOfAYearInJsonAndTable) {
  // Q2 adds B's 50,000 (exactly 50 %: 0.06 × 0 = 0.00) and M's override 0.02 × 50,000 = 1,000.00; Q3 and Q4 have
  // no quota and no deals. Over the year A is at 130,000 / 200,000 = 65 %, B at 80,000 / 200,000 = 40 %.
  const auto r = runCli({"comp", book(), "cost", "--year", "FY2026", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["period_start"], "2026-01-01");
  ASSERT_EQ(j["plans"].size(), 2u);
  EXPECT_EQ(j["plans"][0]["plan_id"], "AE");
  EXPECT_EQ(j["plans"][0]["bookings"], "210000.00");
  EXPECT_EQ(j["plans"][0]["payout"], "11750.00");
  EXPECT_EQ(j["plans"][0]["attainment_bands"][0]["reps"], 1);          // B, 40 %
  EXPECT_EQ(j["plans"][0]["attainment_bands"][1]["pay"], "11562.50");  // A, 65 %
  EXPECT_TRUE(j["plans"][1]["cost_of_sale"].is_null()) << "MGR has no bookings of its own";
  EXPECT_EQ(j["total"]["payout"], "15950.00");
  EXPECT_EQ(j["periods"].size(), 8u) << "four quarters of AE and of MGR";

  const auto table = runCli({"comp", book(), "cost", "--period", "FY2026-Q1"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("AE: 2 reps, payout 11750.00 on bookings 160000.00, cost of sale 7.34 %"), std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("MGR: 1 rep, payout 3200.00 on bookings 0.00, cost of sale n/a"), std::string::npos);
}

TEST_F(CompCliTest, CostRefusesAmbiguousScopes) {
  EXPECT_EQ(runCli({"comp", book(), "cost"}).code, 2);
  EXPECT_EQ(runCli({"comp", book(), "cost", "--period", "FY2026-Q1", "--year", "FY2026"}).code, 2);
  EXPECT_EQ(runCli({"comp", book(), "cost", "--year", "FY2026-Q1"}).code, 2);
  EXPECT_EQ(runCli({"comp", book(), "cost", "--period", "2025-12-01..2026-01-31"}).code, 2) << "two fiscal years";
  EXPECT_EQ(runCli({"comp", book(), "cost", "--period", "FY2026-Q1", "--format", "xml"}).code, 2);
}

}  // namespace
}  // namespace salesops
