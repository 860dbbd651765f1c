// The money and deal KPIs of KPIS.md on hand-built snapshots: credit vs belonging, quota pro rata, exact
// rounding, and every "undefined when" case.
#include <gtest/gtest.h>

#include "kpi_test_support.h"

namespace salesops {
namespace {

using namespace salesops::testing;
using enum KpiId;

TEST(KpiMoneyTest, EmptyScopeHasZeroMoneyAndUndefinedRatios) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_EQ(cell[Bookings], KpiValue::money(0, 0));
  EXPECT_EQ(cell[Quota], KpiValue::money(0, 0));
  EXPECT_EQ(cell[Pipeline], KpiValue::money(0, 0));
  EXPECT_EQ(cell[WeightedPipeline], KpiValue::money(0, 0));
  for (KpiId id : {Attainment,
                   AttainmentRate,
                   WinRate,
                   WinRateValue,
                   CycleDays,
                   CycleDaysMedian,
                   DealSize,
                   DealSizeMedian,
                   Coverage,
                   Velocity,
                   PastDueShare,
                   Forecast,
                   ForecastError,
                   ForecastAccuracy,
                   ForecastWape,
                   LeadResponseHours,
                   LeadResponseHoursMedian,
                   LeadConversion,
                   SellingTimeShare,
                   StageConversion}) {
    EXPECT_FALSE(cell[id].defined) << static_cast<int>(id);
  }
  EXPECT_EQ(cell[LeadsUnanswered], KpiValue::of(0));
  EXPECT_EQ(cell[MeetingsPerRep], KpiValue::of(0));  // one employed rep, no meetings
}

TEST(KpiMoneyTest, BookingsCountWonDealsClosedInThePeriodOnly) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kWon, 100000, "2025-11-01", "2026-01-01");
  b.opp(a, kWon, 20000, "2025-11-01", "2026-03-31");
  b.opp(a, kWon, 99999, "2025-11-01", "2025-12-31");  // before P
  b.opp(a, kWon, 99999, "2026-02-01", "2026-04-01");  // after P
  b.opp(a, kLost, 50000, "2025-11-01", "2026-02-01");
  b.opp(a, kProposal, 70000, "2025-11-01", "2026-02-01");
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_EQ(cell[Bookings].minor, 120000);
  EXPECT_EQ(cell[WinRate], KpiValue::of(2.0 / 3.0));
  EXPECT_DOUBLE_EQ(cell[WinRateValue].number, 120000.0 / 170000.0);
  EXPECT_EQ(cell[Pipeline].minor, 70000);
}

TEST(KpiMoneyTest, SplitsMoveCreditButNotBelonging) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  const auto deal = b.opp(a, kWon, 100001, "2026-01-01", "2026-02-01");
  b.split(deal, a, 6000);
  b.split(deal, c, 4000);
  const auto s = b.build();
  const auto owner = evaluate(s, group("A", {a}), kQ1);
  const auto partner = evaluate(s, group("B", {c}), kQ1);
  const auto both = evaluate(s, group("AB", {a, c}), kQ1);
  EXPECT_EQ(owner[Bookings].minor, 60001);  // 60000.6 rounds once
  EXPECT_DOUBLE_EQ(owner[Bookings].number, 60000.6);
  EXPECT_EQ(partner[Bookings].minor, 40000);  // 40000.4
  EXPECT_EQ(both[Bookings].minor, 100001);    // exact sum, not 60001 + 40000 rounded apart
  // Counts and deal size follow the owner only.
  EXPECT_EQ(owner[WinRate], KpiValue::of(1));
  EXPECT_FALSE(partner[WinRate].defined);
  EXPECT_FALSE(partner[DealSize].defined);
  EXPECT_EQ(owner[DealSize].minor, 100001);
}

TEST(KpiMoneyTest, QuotaRowsStraddlingThePeriodCountProRataByDays) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.quota(a, "2026-01-01", "2026-03-31", 900000);  // 90 days, 28 inside February
  b.quota(a, "2026-02-10", "2026-02-20", 5000);    // entirely inside
  const auto cell = evaluate(b.build(), group("A", {a}), period("2026-02-01", "2026-02-28"));
  EXPECT_EQ(cell[Quota].minor, 280000 + 5000);
}

TEST(KpiMoneyTest, QuotaSharesAreSummedExactlyBeforeRounding) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.quota(a, "2026-01-01", "2026-01-03", 1);  // 1/3 of a cent in P
  b.quota(c, "2026-01-01", "2026-01-06", 1);  // 1/6
  const auto s = b.build();
  const Period firstDay = period("2026-01-01", "2026-01-01");
  EXPECT_EQ(evaluate(s, group("A", {a}), firstDay)[Quota].minor, 0);
  EXPECT_EQ(evaluate(s, group("AB", {a, c}), firstDay)[Quota].minor, 1);  // exactly 0.5 rounds away from zero
}

TEST(KpiMoneyTest, AttainmentAndAttainmentRate) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B"), d = b.rep("C");
  b.quota(a, "2026-01-01", "2026-03-31", 100000);
  b.quota(c, "2026-01-01", "2026-03-31", 100000);
  b.opp(a, kWon, 100000, "2026-01-01", "2026-02-01");  // exactly 100 %
  b.opp(c, kWon, 99999, "2026-01-01", "2026-02-01");   // just under
  b.opp(d, kWon, 50000, "2026-01-01", "2026-02-01");   // no quota: not in the rate
  const auto s = b.build();
  const auto all = evaluate(s, group("all", {a, c, d}), kQ1);
  EXPECT_DOUBLE_EQ(all[Attainment].number, 249999.0 / 200000.0);
  EXPECT_EQ(all[AttainmentRate], KpiValue::of(0.5));
  EXPECT_FALSE(evaluate(s, group("C", {d}), kQ1)[Attainment].defined);      // quota = 0
  EXPECT_FALSE(evaluate(s, group("C", {d}), kQ1)[AttainmentRate].defined);  // nobody has quota
}

TEST(KpiMoneyTest, AttainmentRateComparesSplitCreditWithProRataQuotaExactly) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.quota(a, "2026-01-01", "2026-01-03", 100);  // a third inside: 33.333… cents
  const auto deal = b.opp(c, kWon, 10000, "2026-01-01", "2026-01-01");
  b.split(deal, a, 33);  // 0.33 % of 100.00 = 33 cents: below 33.33
  b.split(deal, c, 9967);
  const auto s = b.build();
  EXPECT_EQ(evaluate(s, group("A", {a}), period("2026-01-01", "2026-01-01"))[AttainmentRate], KpiValue::of(0));
}

TEST(KpiMoneyTest, CycleAndDealSizeMeansAndMedians) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kWon, 101, "2026-01-01", "2026-01-31");   // 30 days
  b.opp(a, kWon, 102, "2026-01-01", "2026-01-11");   // 10 days
  b.opp(a, kWon, 100, "2026-02-01", "2026-02-02");   // 1 day
  b.opp(a, kWon, 1000, "2026-01-01", "2026-03-01");  // 59 days
  b.opp(a, kLost, 5, "2025-01-01", "2026-02-01");    // lost: no cycle, no deal size
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_DOUBLE_EQ(cell[CycleDays].number, (30 + 10 + 1 + 59) / 4.0);
  EXPECT_EQ(cell[CycleDaysMedian], KpiValue::of(20.0));  // mean of the middle two
  EXPECT_EQ(cell[DealSize].minor, 326);                  // 1303 / 4 = 325.75
  EXPECT_EQ(cell[DealSizeMedian].minor, 102);            // (101 + 102) / 2 = 101.5 rounds up
  EXPECT_DOUBLE_EQ(cell[DealSizeMedian].number, 101.5);
}

TEST(KpiMoneyTest, WeightedPipelineRoundsOnceAtTheEnd) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  for (int i = 0; i < 3; ++i) b.opp(a, kProposal, 1, "2026-01-01", "2026-02-01", 5000);  // 0.5 cent each
  b.opp(a, kQualification, 1000, "2026-01-01", "2026-02-01");                            // the stage's 20 %
  b.opp(a, kNegotiation, 1000, "2026-01-01", "2026-02-01", 1250);                        // its own 12.5 %
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_EQ(cell[Pipeline].minor, 2003);
  EXPECT_DOUBLE_EQ(cell[WeightedPipeline].number, 1.5 + 200 + 125);
  EXPECT_EQ(cell[WeightedPipeline].minor, 327);  // 326.5 once, not 3 × round(0.5) + 325
}

TEST(KpiMoneyTest, CoverageIsPipelineOverRemainingQuota) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.quota(a, "2026-01-01", "2026-03-31", 100000);
  b.opp(a, kWon, 40000, "2026-01-01", "2026-02-01");
  b.opp(a, kProposal, 90000, "2026-01-01", "2026-03-01");
  b.quota(c, "2026-01-01", "2026-03-31", 1000);
  b.opp(c, kWon, 1000, "2026-01-01", "2026-02-01");  // quota met: nothing left to cover
  const auto s = b.build();
  EXPECT_DOUBLE_EQ(evaluate(s, group("A", {a}), kQ1)[Coverage].number, 90000.0 / 60000.0);
  EXPECT_FALSE(evaluate(s, group("B", {c}), kQ1)[Coverage].defined);
}

TEST(KpiMoneyTest, VelocityNeedsEveryFactor) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.opp(a, kWon, 100000, "2026-01-01", "2026-01-11");  // 10 days, 1000.00
  b.opp(a, kLost, 100000, "2026-01-01", "2026-01-11");
  b.opp(a, kProposal, 5, "2026-01-01", "2026-03-01");
  b.opp(a, kProposal, 5, "2026-01-01", "2026-03-01");
  b.opp(c, kWon, 100000, "2026-01-05", "2026-01-05");  // a zero-day cycle
  const auto s = b.build();
  // 2 open × 0.5 × 1000.00 / 10 days = 100 currency units per day.
  EXPECT_DOUBLE_EQ(evaluate(s, group("A", {a}), kQ1)[Velocity].number, 100.0);
  EXPECT_FALSE(evaluate(s, group("B", {c}), kQ1)[Velocity].defined);
}

TEST(KpiMoneyTest, PastDueShareLooksAtAllOpenDealsAgainstAsOf) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.opp(a, kProposal, 3000, "2025-01-01", "2025-06-01");  // past due, outside P: still counts
  b.opp(a, kProposal, 1000, "2026-01-01", "2026-06-29");  // past due
  b.opp(a, kProposal, 6000, "2026-01-01", "2026-06-30");  // due on as-of: not past
  b.opp(a, kWon, 9999, "2025-01-01", "2025-06-01");
  b.opp(c, kWon, 9999, "2025-01-01", "2025-06-01");
  const auto s = b.build();
  EXPECT_DOUBLE_EQ(evaluate(s, group("A", {a}), kQ1, "2026-06-30")[PastDueShare].number, 0.4);
  EXPECT_FALSE(evaluate(s, group("B", {c}), kQ1, "2026-06-30")[PastDueShare].defined);
}

TEST(KpiMoneyTest, RepsWhoLeftKeepTheirMoneyButLeaveTheDenominators) {
  SnapshotBuilder b;
  const auto stays = b.rep("A"), leaves = b.rep("B", kNoIndex, "2020-01-01", "2026-02-15"),
             gone = b.rep("C", kNoIndex, "2020-01-01", "2025-12-31");
  b.opp(gone, kWon, 5000, "2025-06-01", "2026-01-15");  // closed after the owner left
  b.activity(stays, ActivityType::Meeting, "2026-01-10", 30);
  b.activity(leaves, ActivityType::Meeting, "2026-02-01", 30);
  b.activity(leaves, ActivityType::Meeting, "2026-02-02", 30);
  const auto cell = evaluate(b.build(), group("all", {stays, leaves, gone}), kQ1);
  EXPECT_EQ(cell[Bookings].minor, 5000);
  EXPECT_EQ(cell[MeetingsPerRep], KpiValue::of(1.5));  // 3 meetings / 2 reps employed during Q1
  EXPECT_EQ(cell.employedReps, 2);
  const auto goneOnly = evaluate(b.build(), group("C", {gone}), kQ1);
  EXPECT_FALSE(goneOnly[MeetingsPerRep].defined);
}

}  // namespace
}  // namespace salesops
