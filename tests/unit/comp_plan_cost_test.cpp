#include <gtest/gtest.h>

#include "comp/PlanCost.h"
#include "comp_test_support.h"

using namespace salesops;
using namespace salesops::comp;
using namespace salesops::testing;

namespace {

std::string flatCommission(const std::string& rate) {
  return R"([{"id": "c", "kind": "commission", "rates": {"semantics": "retroactive", "tiers": [{"from": 0, "rate": ")" +
         rate + R"("}]}}])";
}

// Plan P (quarterly, 10 % of every credited amount) for A, B, C, D; plan Q (monthly, 5 %) for E.
struct CostFixture {
  SnapshotBuilder b;
  std::int32_t a = b.rep("A"), rb = b.rep("B"), c = b.rep("C"), d = b.rep("D"), e = b.rep("E");
  PayoutFixture f = build();

  PayoutFixture build() {
    b.opp(a, kWon, 4000000, "2026-01-02", "2026-02-01");   // A:  40,000 in Q1
    b.opp(a, kWon, 1000000, "2026-01-02", "2026-04-15");   // A:  10,000 in Q2 (no Q2 quota)
    b.opp(rb, kWon, 6000000, "2026-01-02", "2026-02-01");  // B:  60,000
    b.opp(c, kWon, 15000000, "2026-01-02", "2026-03-31");  // C: 150,000, exactly 150 %
    b.opp(d, kWon, 2000000, "2026-01-02", "2026-02-01");   // D:  20,000 and no quota
    b.opp(e, kWon, 10000000, "2026-01-02", "2026-01-20");  // E: 100,000 in January
    for (const auto rep : {a, rb, c}) b.quota(rep, "2026-01-01", "2026-03-31", 10000000);
    b.quota(e, "2026-01-01", "2026-01-31", 10000000);
    const Assignment onP{a, "P", day("2026-01-01"), {}};
    return PayoutFixture(
        b.build(), {plan(flatCommission("0.10")), plan(flatCommission("0.05"), "", "month", "Q")},
        {onP, {rb, "P", onP.from, {}}, {c, "P", onP.from, {}}, {d, "P", onP.from, {}}, {e, "Q", onP.from, {}}});
  }

  PlanCostReport cost(const Period& scope, const std::string& through) const {
    const PayoutResult r = f.run(through);
    return buildPlanCost(scope, r.attainment, r.lines, f.snapshot.reps.id);
  }
};

const CostSummary& planSummary(const PlanCostReport& r, const std::string& id) {
  for (const CostSummary& s : r.plans) {
    if (s.planId == id) return s;
  }
  throw std::runtime_error("no plan " + id);
}

}  // namespace

TEST(CompPlanCostTest, QuarterCostBandsAndPercentilesPerPlan) {
  const CostFixture fx;
  const PlanCostReport r = fx.cost(kQ1, "2026-06-30");  // Q2 computed too, but outside the scope
  const CostSummary& p = planSummary(r, "P");
  // P in Q1: bookings 40,000 + 60,000 + 150,000 + 20,000 = 270,000.00; pay 10 % of each where there is a quota:
  // 4,000 + 6,000 + 15,000 + 0 (D: quota 0 earns nothing) = 25,000.00. Cost of sale 25,000 / 270,000 = 0.0925926.
  EXPECT_EQ(p.reps, 4);
  EXPECT_EQ(p.bookings4, static_cast<__int128>(27000000) * 10000);
  EXPECT_EQ(p.payout, 2500000);
  EXPECT_NEAR(*costOfSale(p.payout, p.bookings4), 25000.0 / 270000.0, 1e-12);
  // Bands: A 40 % (<50), B 60 % (50-75), C exactly 150 % (>=150), D no quota.
  EXPECT_EQ(p.bandReps, (std::array<std::int64_t, 6>{1, 1, 0, 0, 0, 1}));
  EXPECT_EQ(p.bandPay, (std::array<std::int64_t, 6>{400000, 600000, 0, 0, 0, 1500000}));
  EXPECT_EQ(p.noQuotaReps, 1);
  EXPECT_EQ(p.noQuotaPay, 0);
  // Pays sorted 0, 4,000, 6,000, 15,000 (n = 4); nearest rank ceil(p × 4 / 100):
  // p10 → 1st = 0, p25 → 1st = 0, p50 → 2nd = 4,000, p75 → 3rd = 6,000, p90 → 4th = 15,000.
  EXPECT_EQ(p.payPercentile, (std::array<std::int64_t, 5>{0, 0, 400000, 600000, 1500000}));

  // Q (monthly) in Q1: E's January 100,000 against 100,000 (February and March have no quota) = 100 %;
  // pay 5 % = 5,000.00; three monthly periods.
  const CostSummary& q = planSummary(r, "Q");
  EXPECT_EQ(q.reps, 1);
  EXPECT_EQ(q.payout, 500000);
  EXPECT_EQ(q.bandReps[3], 1);
  // Total: 370,000 of bookings, 30,000 of pay, cost of sale 30,000 / 370,000; pays 0, 4,000, 5,000, 6,000,
  // 15,000 (n = 5): p10 → ceil(0.5) = 1st = 0, p25 → ceil(1.25) = 2nd = 4,000, p50 → 3rd = 5,000,
  // p75 → ceil(3.75) = 4th = 6,000, p90 → ceil(4.5) = 5th = 15,000.
  EXPECT_EQ(r.total.reps, 5);
  EXPECT_EQ(r.total.bookings4, static_cast<__int128>(37000000) * 10000);
  EXPECT_EQ(r.total.payout, 3000000);
  EXPECT_EQ(r.total.payPercentile, (std::array<std::int64_t, 5>{0, 400000, 500000, 600000, 1500000}));
  EXPECT_EQ(r.periods.size(), 4u);  // P's Q1 and Q's three months; nothing of Q2
  for (const PeriodCost& pc : r.periods) EXPECT_LE(pc.period.end, kQ1.end);
}

TEST(CompPlanCostTest, YearAddsLaterPeriodsAndLeavesEmptyOnesUndefined) {
  const CostFixture fx;
  const PlanCostReport r = fx.cost(kFY, "2026-12-31");
  const CostSummary& p = planSummary(r, "P");
  // A's year: 40,000 + 10,000 = 50,000 against 100,000 (Q2..Q4 have no quota) = exactly 50 %: band 50-75 now.
  // Q2 pays nothing (quota 0), so P still pays 25,000 on 280,000 of bookings.
  EXPECT_EQ(p.bookings4, static_cast<__int128>(28000000) * 10000);
  EXPECT_EQ(p.payout, 2500000);
  EXPECT_EQ(p.bandReps, (std::array<std::int64_t, 6>{0, 2, 0, 0, 0, 1}));
  bool sawQ2 = false, sawQ3 = false;
  for (const PeriodCost& pc : r.periods) {
    if (pc.planId != "P") continue;
    if (pc.period == kQ2) {  // 10,000 of bookings and no pay: cost of sale 0
      sawQ2 = true;
      EXPECT_EQ(pc.bookings4, static_cast<__int128>(1000000) * 10000);
      EXPECT_EQ(costOfSale(pc.payout, pc.bookings4), 0.0);
    }
    if (pc.period == kQ3) {  // no bookings: undefined, not 0
      sawQ3 = true;
      EXPECT_EQ(pc.reps, 4);
      EXPECT_FALSE(costOfSale(pc.payout, pc.bookings4).has_value());
    }
  }
  EXPECT_TRUE(sawQ2 && sawQ3);
  // Invariant: the periods add up to the plan totals.
  std::int64_t payout = 0;
  __int128 bookings = 0;
  for (const PeriodCost& pc : r.periods) {
    payout += pc.payout;
    bookings += pc.bookings4;
  }
  EXPECT_EQ(payout, r.total.payout);
  EXPECT_EQ(bookings, r.total.bookings4);
}

TEST(CompPlanCostTest, BandEdgesAreExactAndPercentilesUseNearestRank) {
  // Quota 100.00: 49.99 is below 50 %, 50.00 is in 50-75, 149.99 in 125-150, 150.00 in >=150.
  EXPECT_EQ(attainmentBand(static_cast<__int128>(4999) * 10000, 10000), 0u);
  EXPECT_EQ(attainmentBand(static_cast<__int128>(5000) * 10000, 10000), 1u);
  EXPECT_EQ(attainmentBand(static_cast<__int128>(14999) * 10000, 10000), 4u);
  EXPECT_EQ(attainmentBand(static_cast<__int128>(15000) * 10000, 10000), 5u);
  EXPECT_FALSE(attainmentBand(100, 0).has_value());
  EXPECT_EQ(nearestRankPercentile({}, 50), 0);
  EXPECT_EQ(nearestRankPercentile({7}, 10), 7);
  // 10 pays 1..10: p25 → ceil(2.5) = 3rd = 3; p90 → 9th = 9.
  const std::vector<std::int64_t> ten{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(nearestRankPercentile(ten, 25), 3);
  EXPECT_EQ(nearestRankPercentile(ten, 90), 9);
  EXPECT_FALSE(costOfSale(100, 0).has_value());
  // 1,000.00 of pay on 8,000.00 of bookings (80,000,000 ten-thousandths): 0.125.
  EXPECT_DOUBLE_EQ(*costOfSale(100000, static_cast<__int128>(800000) * 10000), 0.125);
}
