// Win and slip probabilities learned from a hand-built history, and the as-of reconstruction of a deal.
#include <gtest/gtest.h>

#include "forecast/AsOfPipeline.h"
#include "forecast/PipelineProbabilities.h"
#include "kpi_test_support.h"

namespace salesops::testing {
namespace {

using forecast::DealHistory;

// Calendar quarters decide what "slipped" means here.
Date quarterEnd(Date d) {
  const int month = ((d.month() - 1) / 3) * 3 + 3;
  return Date::fromCivil(d.year(), month, daysInMonth(d.year(), month));
}

struct Fixture {
  SnapshotBuilder b;
  DealHistory h;
  KpiSnapshot s;
  std::int32_t won1, lost, won2, open, late, future;

  Fixture() {
    const auto r = b.rep("R1");
    won1 = b.opp(r, kWon, 1000, "2026-01-01", "2026-03-10");
    lost = b.opp(r, kLost, 1000, "2026-01-01", "2026-02-15");
    won2 = b.opp(r, kWon, 1000, "2026-02-01", "2026-04-20");
    open = b.opp(r, kProposal, 1000, "2026-03-01", "2026-08-01");
    late = b.opp(r, kWon, 1000, "2026-01-01", "2026-07-05");            // won after the as-of date: not known yet
    future = b.opp(r, kNegotiation, 5000, "2026-05-10", "2026-06-15");  // created after 2026-04-15
    s = b.build();
    // won1: Prospecting 10 days (close then 2026-03-15), Proposal 58 days, won on 03-10.
    h.add(won1, at("2026-01-01T09:00:00Z"), kProspecting, day("2026-03-15").days);
    h.add(won1, at("2026-01-11T09:00:00Z"), kProposal);
    h.add(won1, at("2026-03-10T09:00:00Z"), kWon);
    // lost: Prospecting 45 days.
    h.add(lost, at("2026-01-01T09:00:00Z"), kProspecting);
    h.add(lost, at("2026-02-15T09:00:00Z"), kLost);
    // won2: Proposal from 02-01 due 03-31, won 04-20: 78 days, and it slipped out of Q1.
    h.add(won2, at("2026-02-01T09:00:00Z"), kProposal, day("2026-03-31").days);
    h.add(won2, at("2026-04-20T09:00:00Z"), kWon);
    h.add(open, at("2026-03-01T09:00:00Z"), kQualification, day("2026-06-30").days, 90000,
          static_cast<std::int8_t>(forecast::Category::BestCase));
    h.add(open, at("2026-05-01T09:00:00Z"), kProposal, day("2026-08-01").days);
    h.add(late, at("2026-01-01T09:00:00Z"), kProspecting);
    h.add(late, at("2026-07-05T09:00:00Z"), kWon);
  }
};

TEST(LearnedProbabilities, CountsStageEpisodesOfDecidedDeals) {
  Fixture f;
  const auto p = forecast::learnProbabilities(f.s, f.h, day("2026-06-30"), quarterEnd, 2);
  ASSERT_EQ(p.stages.size(), 5u);  // the open stages
  const auto* prospecting = p.find(kProspecting);
  ASSERT_NE(prospecting, nullptr);
  // won1 (won) and lost: 1 of 2; `late` is decided after the as-of date and not counted
  EXPECT_EQ(prospecting->win.samples, 2);
  EXPECT_EQ(prospecting->win.hits, 1);
  EXPECT_DOUBLE_EQ(*prospecting->win.rate, 0.5);
  EXPECT_FALSE(prospecting->win.insufficient);
  // 30+ days in Prospecting: only `lost` (45 days): 0 of 1, too few with a minimum of 2
  EXPECT_EQ(prospecting->winByAge[1].samples, 1);
  EXPECT_EQ(prospecting->winByAge[1].hits, 0);
  EXPECT_TRUE(prospecting->winByAge[1].insufficient);
  const auto* proposal = p.find(kProposal);
  // won1 58 days, won2 78 days: 2 of 2, in the 0+ and 30+ buckets, none at 90+
  EXPECT_EQ(proposal->win.samples, 2);
  EXPECT_EQ(proposal->winByAge[1].hits, 2);
  EXPECT_EQ(proposal->winByAge[2].samples, 0);
  EXPECT_FALSE(proposal->winByAge[2].rate);
  // Slip among won deals: won1 due 03-15 closed 03-10 (no); won2 due 03-31 closed 04-20 (yes): 1 of 2
  EXPECT_EQ(proposal->slip.samples, 2);
  EXPECT_EQ(proposal->slip.hits, 1);
  EXPECT_DOUBLE_EQ(p.slipProbability(kProposal), 0.5);
  EXPECT_DOUBLE_EQ(p.slipProbability(kProspecting), 0.0);  // 1 sample, insufficient
  // Falls back from a thin age bucket to the stage, and from a stage without history to its configuration.
  EXPECT_DOUBLE_EQ(p.winProbability(kProspecting, 40), 0.5);
  EXPECT_DOUBLE_EQ(p.winProbability(kProposal, 40), 1.0);
  EXPECT_DOUBLE_EQ(p.winProbability(kQualification, 5), 0.2);
  EXPECT_DOUBLE_EQ(p.find(kNegotiation)->configured, 0.8);
}

TEST(LearnedProbabilities, TooLittleHistoryFallsBackToTheConfiguredProbability) {
  Fixture f;
  const auto p = forecast::learnProbabilities(f.s, f.h, day("2026-06-30"), quarterEnd);  // 30 samples needed
  EXPECT_TRUE(p.find(kProposal)->win.insufficient);
  EXPECT_DOUBLE_EQ(p.winProbability(kProposal, 40), 0.6);
  EXPECT_DOUBLE_EQ(p.slipProbability(kProposal), 0.0);
}

TEST(LearnedProbabilities, AnEarlierAsOfSeesLess) {
  Fixture f;
  // On 2026-03-31 won2 is still open and won1's and lost's fates are known.
  const auto p = forecast::learnProbabilities(f.s, f.h, day("2026-03-31"), quarterEnd, 1);
  EXPECT_EQ(p.find(kProposal)->win.samples, 1);
}

TEST(DealStates, RebuildsAnOpportunityAsOfADay) {
  Fixture f;
  const auto before = forecast::statesAsOf(f.s, f.h, day("2026-04-15"));
  EXPECT_EQ(before[f.open].stage, kQualification);
  EXPECT_EQ(before[f.open].stageSince, at("2026-03-01T09:00:00Z"));
  EXPECT_EQ(before[f.open].closeDay, day("2026-06-30").days);
  EXPECT_EQ(before[f.open].amount, 90000);
  const auto after = forecast::statesAsOf(f.s, f.h, day("2026-05-01"));  // the change of that day counts
  EXPECT_EQ(after[f.open].stage, kProposal);
  EXPECT_EQ(after[f.open].closeDay, day("2026-08-01").days);
  EXPECT_EQ(after[f.open].amount, 90000);  // unchanged since
  EXPECT_EQ(before[f.late].stage, kProspecting);
}

TEST(AsOfPipeline, RebuildsThePipelineOfAPastDay) {
  Fixture f;
  const std::vector<forecast::Category> now(f.s.opportunities.size(), forecast::Category::Commit);
  const auto then = forecast::pipelineAsOf(f.s, now, f.h, day("2026-04-15"));
  const auto& o = then.snapshot.opportunities;
  // won2 was still in Proposal then, due 2026-03-31 (past due), at the stage's 60 %
  EXPECT_EQ(o.kind[f.won2], StageKind::Open);
  EXPECT_EQ(o.stage[f.won2], kProposal);
  EXPECT_EQ(o.closeDay[f.won2], day("2026-03-31").days);
  EXPECT_EQ(o.probability[f.won2], 6000);
  // `open`: Qualification, due 2026-06-30, 900.00, best case (from its history), 20 %
  EXPECT_EQ(o.stage[f.open], kQualification);
  EXPECT_EQ(o.closeDay[f.open], day("2026-06-30").days);
  EXPECT_EQ(o.amount[f.open], 90000);
  EXPECT_EQ(then.categories[f.open], forecast::Category::BestCase);
  EXPECT_EQ(then.categories[f.won2], forecast::Category::Commit);  // no history of it: today's
  // won1 was won on 03-10 then as now: its real close date stays although its history last said 03-15
  EXPECT_EQ(o.kind[f.won1], StageKind::Won);
  EXPECT_EQ(o.closeDay[f.won1], day("2026-03-10").days);
  EXPECT_EQ(o.kind[f.late], StageKind::Open);
  // Not created yet: counted nowhere
  EXPECT_EQ(o.kind[f.future], StageKind::Lost);
  EXPECT_EQ(o.closeDay[f.future], kDayMax);
  // The current snapshot is untouched
  EXPECT_EQ(f.s.opportunities.kind[f.won2], StageKind::Won);
}

}  // namespace
}  // namespace salesops::testing
