// The definition choices of issue 3 part 2 on one hand-built quarter. Each test states the arithmetic under
// KPIS.md's default and under the alternative, so a choice that stops changing the number fails.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "kpi_test_support.h"

namespace salesops {
namespace {

using namespace salesops::testing;
using enum KpiId;

// Rep A in Q1 2026 (cycle = close − created in days):
//   W1 won  100000  created 2025-12-01 closed 2026-01-31  cycle 61  (closed in Q1, created before)
//   W2 won  300000  created 2026-01-10 closed 2026-02-09  cycle 30  (closed and created in Q1)
//   W4 won   20000  created 2026-03-01 closed 2026-03-11  cycle 10  (closed and created in Q1)
//   L1 lost 200000  created 2026-01-05 closed 2026-03-06  cycle 60  (closed and created in Q1)
//   W3 won   50000  created 2026-02-01 closed 2026-04-10  cycle 68  (created in Q1, closed in Q2)
//   O1 open 400000  created 2026-01-20 closing 2026-03-15
// Quota 1,000,000 for Q1; commit call 500,000 submitted before the quarter.
struct Quarter {
  SnapshotBuilder b;
  std::int32_t a = b.rep("A");
  Quarter() {
    b.opp(a, kWon, 100000, "2025-12-01", "2026-01-31");
    b.opp(a, kWon, 300000, "2026-01-10", "2026-02-09");
    b.opp(a, kWon, 20000, "2026-03-01", "2026-03-11");
    b.opp(a, kLost, 200000, "2026-01-05", "2026-03-06");
    b.opp(a, kWon, 50000, "2026-02-01", "2026-04-10");
    b.opp(a, kProposal, 400000, "2026-01-20", "2026-03-15");
    b.quota(a, "2026-01-01", "2026-03-31", 1000000);
    b.forecast(a, "2026-01-01", "2026-03-31", "2025-12-20T10:00:00Z", 500000);
  }
  KpiGridCell with(std::initializer_list<std::string_view> definitions) {
    return evaluateWith(b.build(), group("A", {a}), kQ1, definitions);
  }
};

TEST(KpiDefinitionsTest, DefaultsAreKpisMd) {
  Quarter q;
  const auto cell = q.with({});
  EXPECT_EQ(cell[Bookings].minor, 420000);            // W1 + W2 + W4
  EXPECT_DOUBLE_EQ(cell[WinRate].number, 3.0 / 4.0);  // W1 W2 W4 / + L1
  EXPECT_DOUBLE_EQ(cell[WinRateValue].number, 420000.0 / 620000.0);
  EXPECT_DOUBLE_EQ(cell[CycleDays].number, (61.0 + 30 + 10) / 3);  // won only, mean
  EXPECT_DOUBLE_EQ(cell[CycleDaysMedian].number, 30);
  EXPECT_EQ(cell[DealSize].minor, 140000);        // 420000 / 3
  EXPECT_EQ(cell[DealSizeMedian].minor, 100000);  // of 20000, 100000, 300000
  EXPECT_DOUBLE_EQ(cell[Coverage].number, 400000.0 / (1000000 - 420000));
  EXPECT_NEAR(cell[ForecastError].number, 80000.0 / 420000.0, 1e-12);
  EXPECT_NEAR(cell[ForecastAccuracy].number, 1 - 80000.0 / 420000.0, 1e-12);
  EXPECT_NEAR(cell[ForecastWape].number, 80000.0 / 420000.0, 1e-12);
  // one open deal × 3/4 × 1400.00 per deal / 33.67 days
  EXPECT_NEAR(cell[Velocity].number, 1 * 0.75 * 1400.0 / ((61.0 + 30 + 10) / 3), 1e-9);
}

TEST(KpiDefinitionsTest, CohortCountsOpportunitiesCreatedInThePeriodButBookingsStayOnCloseDate) {
  Quarter q;
  const auto cell = q.with({"closed_set=cohort"});
  // Created in Q1 and closed: W2, W4, W3 won; L1 lost. W1 (created in December) is out.
  EXPECT_DOUBLE_EQ(cell[WinRate].number, 3.0 / 4.0);
  EXPECT_DOUBLE_EQ(cell[WinRateValue].number, 370000.0 / 570000.0);
  EXPECT_DOUBLE_EQ(cell[CycleDays].number, (30.0 + 10 + 68) / 3);
  EXPECT_EQ(cell[DealSize].minor, 123333);  // 370000 / 3 = 123333.33
  EXPECT_EQ(cell[DealSizeMedian].minor, 50000);
  EXPECT_EQ(cell[Bookings].minor, 420000);
}

TEST(KpiDefinitionsTest, CycleOverAllClosedIncludesLostDeals) {
  Quarter q;
  const auto cell = q.with({"cycle_set=all_closed"});
  EXPECT_DOUBLE_EQ(cell[CycleDays].number, (61.0 + 30 + 10 + 60) / 4);
  EXPECT_DOUBLE_EQ(cell[CycleDaysMedian].number, (30.0 + 60) / 2);
  EXPECT_EQ(cell[DealSize].minor, 140000);  // deal size stays over won deals
}

TEST(KpiDefinitionsTest, MedianStatisticReplacesTheMeansAndFeedsVelocity) {
  Quarter q;
  const auto cell = q.with({"cycle_statistic=median"});
  EXPECT_DOUBLE_EQ(cell[CycleDays].number, 30);
  EXPECT_EQ(cell[DealSize].minor, 100000);
  EXPECT_NEAR(cell[Velocity].number, 1 * 0.75 * 1000.0 / 30, 1e-9);  // = 25 per day
}

TEST(KpiDefinitionsTest, ValueWinRateFeedsVelocity) {
  Quarter q;
  const auto count = q.with({}), value = q.with({"win_rate_basis=value"});
  EXPECT_EQ(value[WinRate], count[WinRate]);  // both rates are still reported
  EXPECT_NEAR(value[Velocity].number, count[Velocity].number * (420000.0 / 620000.0) / 0.75, 1e-9);
}

TEST(KpiDefinitionsTest, CoverageOverFullQuota) {
  Quarter q;
  EXPECT_DOUBLE_EQ(q.with({"coverage_base=full_quota"})[Coverage].number, 400000.0 / 1000000);
  // Bookings beyond quota: no remaining quota, so the default is undefined while full quota still divides.
  q.b.opp(q.a, kWon, 700000, "2026-01-02", "2026-01-03");
  EXPECT_FALSE(q.with({})[Coverage].defined);
  EXPECT_DOUBLE_EQ(q.with({"coverage_base=full_quota"})[Coverage].number, 0.4);
}

TEST(KpiDefinitionsTest, CoverageOverFullQuotaIsUndefinedWithoutQuota) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kProposal, 400000, "2026-01-20", "2026-03-15");
  EXPECT_FALSE(evaluateWith(b.build(), group("A", {a}), kQ1, {"coverage_base=full_quota"})[Coverage].defined);
}

TEST(KpiDefinitionsTest, AccuracyDividedByTheForecastCall) {
  Quarter q;
  const auto cell = q.with({"accuracy_base=forecast"});
  EXPECT_NEAR(cell[ForecastError].number, 80000.0 / 500000.0, 1e-12);  // (500000 − 420000) / 500000
  EXPECT_NEAR(cell[ForecastAccuracy].number, 0.84, 1e-12);
  EXPECT_NEAR(cell[ForecastWape].number, 0.16, 1e-12);
}

TEST(KpiDefinitionsTest, AccuracyOverAZeroCallIsUndefined) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kWon, 1000, "2026-01-02", "2026-01-03");
  b.forecast(a, "2026-01-01", "2026-03-31", "2025-12-20T10:00:00Z", 0);
  const auto cell = evaluateWith(b.build(), group("A", {a}), kQ1, {"accuracy_base=forecast"});
  EXPECT_TRUE(cell[Forecast].defined);
  EXPECT_FALSE(cell[ForecastError].defined);
  EXPECT_FALSE(cell[ForecastAccuracy].defined);
  EXPECT_FALSE(cell[ForecastWape].defined);
}

TEST(KpiDefinitionsTest, OptionsParseByNameAndRejectUnknownOnes) {
  KpiDefinitionChoices choices;
  applyDefinition(choices, "coverage_base=full_quota");
  EXPECT_EQ(choices.coverageBase, KpiDefinitionChoices::CoverageBase::FullQuota);
  EXPECT_EQ(describeNonDefault(choices), "coverage_base=full_quota");
  EXPECT_THROW(applyDefinition(choices, "coverage_base=half"), Error);
  EXPECT_THROW(applyDefinition(choices, "colour=blue"), Error);
  EXPECT_THROW(applyDefinition(choices, "coverage_base"), Error);
  const auto options = definitionOptions(choices);
  ASSERT_EQ(options.size(), 6u);
  EXPECT_EQ(options[4].name, "coverage_base");
  EXPECT_EQ(options[4].values[options[4].current], "full_quota");
  setDefinition(choices, "coverage_base", 0);
  EXPECT_EQ(choices, KpiDefinitionChoices{});
  EXPECT_EQ(describeNonDefault(choices), "");
}

}  // namespace
}  // namespace salesops
