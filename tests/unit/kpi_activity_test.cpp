// Forecast, lead, activity and stage KPIs of KPIS.md on hand-built snapshots, plus grid evaluation (many
// groups and overlapping periods in one pass) and a fiscal year starting in February.
#include <gtest/gtest.h>

#include "kpi_test_support.h"

namespace salesops {
namespace {

using namespace salesops::testing;
using enum KpiId;

TEST(KpiActivityTest, ForecastTakesEachRepsLatestCommitUpToTheCutoff) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B"), d = b.rep("C");
  b.forecast(a, "2026-01-01", "2026-03-31", "2025-12-20T10:00:00Z", 50000);
  b.forecast(a, "2026-01-01", "2026-03-31", "2026-01-01T23:59:59Z", 60000);     // latest on the cut-off day
  b.forecast(a, "2026-01-01", "2026-03-31", "2026-01-02T00:00:00Z", 99999);     // after the cut-off
  b.forecast(a, "2026-01-01", "2026-03-31", "2026-01-01T23:59:59Z", 1, false);  // best case: not a call
  b.forecast(c, "2026-01-01", "2026-01-31", "2025-12-20T10:00:00Z", 7777);      // for another period
  b.forecast(d, "2026-01-01", "2026-03-31", "2025-12-31T10:00:00Z", 40000);
  b.opp(a, kWon, 50000, "2026-01-01", "2026-02-01");
  b.opp(d, kWon, 50000, "2026-01-01", "2026-02-01");
  const auto s = b.build();
  const auto cell = evaluate(s, group("all", {a, c, d}), kQ1);
  EXPECT_EQ(cell[Forecast].minor, 100000);
  EXPECT_EQ(cell.forecastMissing, std::vector<std::int32_t>{c});
  EXPECT_DOUBLE_EQ(cell[ForecastError].number, 0.0);  // 100000 vs 100000 bookings
  EXPECT_DOUBLE_EQ(cell[ForecastAccuracy].number, 1.0);
  EXPECT_DOUBLE_EQ(cell[ForecastWape].number, 0.2);  // (|600 − 500| + |400 − 500|) / 1000
  const auto solo = evaluate(s, group("A", {a}), kQ1);
  EXPECT_DOUBLE_EQ(solo[ForecastError].number, 0.2);  // over-forecast is positive
  EXPECT_DOUBLE_EQ(solo[ForecastAccuracy].number, 0.8);
  // A later cut-off sees the later call.
  const auto late = evaluate(s, group("A", {a}), kQ1, "2026-06-30", day("2026-01-02"));
  EXPECT_EQ(late[Forecast].minor, 99999);
}

TEST(KpiActivityTest, ForecastUndefinedCases) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.forecast(a, "2026-01-01", "2026-03-31", "2025-12-20T10:00:00Z", 50000);  // called, booked nothing
  const auto s = b.build();
  const auto called = evaluate(s, group("A", {a}), kQ1);
  EXPECT_EQ(called[Forecast].minor, 50000);
  EXPECT_FALSE(called[ForecastError].defined);
  EXPECT_FALSE(called[ForecastAccuracy].defined);
  EXPECT_FALSE(called[ForecastWape].defined);
  const auto silent = evaluate(s, group("B", {c}), kQ1);
  EXPECT_FALSE(silent[Forecast].defined);  // nobody called: not 0
  EXPECT_FALSE(silent[ForecastError].defined);
}

TEST(KpiActivityTest, LeadResponseAndConversion) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.lead(a, "2026-01-05T08:00:00Z", "2026-01-05T09:00:00Z", true);   // 1 h
  b.lead(a, "2026-01-06T08:00:00Z", "2026-01-06T11:00:00Z", false);  // 3 h
  b.lead(a, "2026-01-07T08:00:00Z", "2026-01-08T08:00:00Z", false);  // 24 h
  b.lead(a, "2026-01-08T08:00:00Z", "", true);                       // unanswered
  b.lead(a, "2025-12-31T23:59:59Z", "2026-01-01T00:00:01Z", true);   // created before P
  b.lead(kNoIndex, "2026-01-05T08:00:00Z", "", false);               // nobody's
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_DOUBLE_EQ(cell[LeadResponseHours].number, 28.0 / 3.0);
  EXPECT_DOUBLE_EQ(cell[LeadResponseHoursMedian].number, 3.0);
  EXPECT_EQ(cell[LeadsUnanswered], KpiValue::of(1));
  EXPECT_EQ(cell[LeadConversion], KpiValue::of(0.5));
}

TEST(KpiActivityTest, LeadsWithoutAnswersOrWithoutLeads) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.lead(a, "2026-01-05T08:00:00Z", "", false);
  const auto s = b.build();
  const auto unanswered = evaluate(s, group("A", {a}), kQ1);
  EXPECT_FALSE(unanswered[LeadResponseHours].defined);
  EXPECT_FALSE(unanswered[LeadResponseHoursMedian].defined);
  EXPECT_EQ(unanswered[LeadConversion], KpiValue::of(0));
  EXPECT_FALSE(evaluate(s, group("B", {c}), kQ1)[LeadConversion].defined);
}

TEST(KpiActivityTest, SellingTimeUsesTheDefaultPerTypeUnlessGiven) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("B");
  b.activity(a, ActivityType::Call, "2026-01-05", 30);
  b.activity(a, ActivityType::Meeting, "2026-01-05", 60);
  b.activity(a, ActivityType::Email, "2026-01-05", 10, false);  // explicitly not selling
  b.activity(a, ActivityType::Admin, "2026-01-05", 50);
  b.activity(a, ActivityType::Training, "2026-01-05", 40, true);  // explicitly selling
  b.activity(a, ActivityType::Meeting, "2026-04-05", 600);        // outside P
  b.activity(c, ActivityType::Task, "2026-01-05", 0);
  const auto s = b.build();
  const auto cell = evaluate(s, group("A", {a}), kQ1);
  EXPECT_DOUBLE_EQ(cell[SellingTimeShare].number, 130.0 / 190.0);
  EXPECT_EQ(cell[MeetingsPerRep], KpiValue::of(1));
  EXPECT_FALSE(evaluate(s, group("B", {c}), kQ1)[SellingTimeShare].defined);  // no activity time
}

TEST(KpiActivityTest, StageConversionPerPairAndItsMean) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kProspecting, 1, "2026-01-02", "2026-06-01");  // reached stage 1
  const auto lost = b.opp(a, kLost, 1, "2026-01-02", "2026-02-01");
  b.history(lost, kQualification);
  b.history(lost, kProposal);  // reached stage 4, then lost
  b.history(lost, kLost);
  b.opp(a, kWon, 1, "2026-01-02", "2026-02-01");            // won: reached everything
  b.opp(a, kQualification, 1, "2026-01-02", "2026-06-01");  // reached stage 2
  b.opp(a, kWon, 1, "2025-12-31", "2026-02-01");            // created before P: not in the cohort
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  ASSERT_EQ(cell.stageSteps.size(), 4u);
  const std::int64_t from[] = {4, 3, 2, 2}, to[] = {3, 2, 2, 1};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(cell.stageSteps[i].fromStage, static_cast<std::int32_t>(i));
    EXPECT_EQ(cell.stageSteps[i].reachedFrom, from[i]) << i;
    EXPECT_EQ(cell.stageSteps[i].reachedTo, to[i]) << i;
  }
  EXPECT_DOUBLE_EQ(cell[StageConversion].number, (0.75 + 2.0 / 3.0 + 1.0 + 0.5) / 4.0);
}

TEST(KpiActivityTest, StageConversionSkipsPairsNobodyReached) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kProspecting, 1, "2026-01-02", "2026-06-01");
  b.opp(a, kQualification, 1, "2026-01-02", "2026-06-01");
  const auto cell = evaluate(b.build(), group("A", {a}), kQ1);
  EXPECT_FALSE(cell.stageSteps[2].rate.defined);  // nobody reached Needs Analysis
  EXPECT_DOUBLE_EQ(cell[StageConversion].number, (0.5 + 0.0) / 2.0);
}

TEST(KpiActivityTest, FiscalYearStartingInFebruary) {
  const FiscalCalendar calendar(2);
  const Period q1 = *parsePeriod("FY2027-Q1", calendar);
  ASSERT_EQ(q1, period("2026-02-01", "2026-04-30"));
  SnapshotBuilder b;
  const auto a = b.rep("A");
  b.opp(a, kWon, 100, "2026-01-01", "2026-01-31");  // last day of FY2026
  b.opp(a, kWon, 200, "2026-01-01", "2026-02-01");  // first day of FY2027
  b.opp(a, kWon, 400, "2026-01-01", "2026-04-30");
  b.quota(a, "2026-02-01", "2027-01-31", 365000);  // the fiscal year's quota: 89 of 365 days in Q1
  const auto cell = evaluate(b.build(), group("A", {a}), q1);
  EXPECT_EQ(cell[Bookings].minor, 600);
  EXPECT_EQ(cell[Quota].minor, 89000);
}

TEST(KpiActivityTest, OneGridPassEqualsSeparateEvaluations) {
  SnapshotBuilder b;
  const auto boss = b.rep("M"), a = b.rep("A", 0), c = b.rep("B", 0);
  for (int m = 1; m <= 12; ++m) {
    const std::string month = (m < 10 ? "2026-0" : "2026-") + std::to_string(m);
    b.opp(m % 3 == 0 ? boss : (m % 3 == 1 ? a : c), m % 4 == 0 ? kLost : kWon, 1000 * m, "2025-12-01", month + "-15");
    b.opp(a, kProposal, 777 * m, "2025-12-01", month + "-20", 3333);
    b.quota(c, month + "-01", month + "-28", 5000);
    b.lead(a, month + "-03T10:00:00Z", month + "-03T12:30:00Z", m % 2 == 0);
    b.activity(c, ActivityType::Meeting, month + "-04", 45);
  }
  const auto s = b.build();
  const std::vector<KpiGroup> groups{group("M-team", {boss, a, c}), group("A", {a}), group("B", {c})};
  const std::vector<Period> periods{period("2026-01-01", "2026-12-31"), kQ1, period("2026-02-01", "2026-05-31")};
  const KpiGrid grid = computeKpis(s, groups, periods, KpiParams{day("2026-06-30"), std::nullopt});
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t p = 0; p < periods.size(); ++p) {
      const auto alone = evaluate(s, groups[g], periods[p]);
      for (int k = 0; k < kKpiCount; ++k) {
        EXPECT_EQ(grid.cell(g, p).values[k], alone.values[k]) << g << " " << p << " " << k;
      }
    }
  }
  EXPECT_EQ(grid.cell(0, 0)[Bookings].minor, 1000 * (1 + 2 + 3 + 5 + 6 + 7 + 9 + 10 + 11));
}

}  // namespace
}  // namespace salesops

namespace salesops {
namespace {

using namespace salesops::testing;

// Above the size where leads and activities are bucketed on a second thread: the sums must be the same as
// counted by hand, whichever thread did them.
TEST(KpiActivityTest, LargeSnapshotsGiveTheSameSumsOnTwoThreads) {
  SnapshotBuilder b;
  const auto a = b.rep("A"), c = b.rep("C");
  for (int i = 0; i < 60000; ++i) {
    b.activity(i % 2 == 0 ? a : c, i % 3 == 0 ? ActivityType::Meeting : ActivityType::Email, "2026-02-10", 30);
    b.lead(a, "2026-02-10T09:00:00Z", i % 4 == 0 ? "" : "2026-02-10T11:00:00Z", i % 5 == 0);
  }
  b.opp(a, kWon, 1000, "2026-01-02", "2026-01-03");
  const auto cell = evaluate(b.build(), group("A", {a}), period("2026-01-01", "2026-03-31"));
  // Rep A has the even i: 30,000 activities, of which the multiples of 6 are meetings: 10,000.
  EXPECT_DOUBLE_EQ(cell[KpiId::MeetingsPerRep].number, 10000.0);
  // 60,000 leads, every fifth converted; the multiples of 4 unanswered; the rest answered after 2 hours.
  EXPECT_DOUBLE_EQ(cell[KpiId::LeadConversion].number, 12000.0 / 60000.0);
  EXPECT_DOUBLE_EQ(cell[KpiId::LeadsUnanswered].number, 15000.0);
  EXPECT_DOUBLE_EQ(cell[KpiId::LeadResponseHours].number, 2.0);
  EXPECT_EQ(cell[KpiId::Bookings].minor, 1000);
}

}  // namespace
}  // namespace salesops
