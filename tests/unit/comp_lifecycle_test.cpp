#include <gtest/gtest.h>

#include "comp_test_support.h"

using namespace salesops;
using namespace salesops::comp;
using namespace salesops::testing;

namespace {

// A rep with 60,000 + 40,000 won in Q1 against a 100,000 quota, a flat 10 % commission and a 500 SPIFF per deal.
struct Lifecycle {
  SnapshotBuilder b;
  std::int32_t a = b.rep("A");
  std::int32_t o0 = b.opp(a, kWon, 6000000, "2026-01-05", "2026-02-01");
  std::int32_t o1 = b.opp(a, kWon, 4000000, "2026-01-05", "2026-03-01");
  PayoutFixture f;

  Lifecycle()
      : f(build(),
          {plan(R"([{"id": "c", "kind": "commission", "rates": {"semantics": "retroactive", "tiers":)"
                R"( [{"from": 0, "rate": "0.10"}]}}, {"id": "s", "kind": "spiff", "amount": "500.00"}])",
                R"(, "clawback_days": 90)")},
          {{0, "P", day("2026-01-01"), {}}}) {
    f.data.lostDay.assign(f.snapshot.opportunities.size(), kDayMax);
  }
  KpiSnapshot build() {
    b.quota(a, "2026-01-01", "2026-03-31", 10000000);
    b.quota(a, "2026-04-01", "2026-06-30", 10000000);
    return b.build();
  }
  void lose(std::int32_t o, const std::string& when) {
    f.snapshot.opportunities.kind[static_cast<std::size_t>(o)] = StageKind::Lost;
    f.snapshot.opportunities.stage[static_cast<std::size_t>(o)] = kLost;
    f.data.lostDay[static_cast<std::size_t>(o)] = day(when).days;
  }
  std::vector<LedgerLine> lockQ1() const { return f.run("2026-03-31").lines; }
};

std::int64_t sumOf(const std::vector<LedgerLine>& lines) {
  std::int64_t sum = 0;
  for (const auto& l : lines) sum += l.amount;
  return sum;
}

}  // namespace

TEST(CompLifecycleTest, ALockedPeriodNeverChanges) {
  Lifecycle l;
  const auto q1 = l.lockQ1();
  // 0.10 × 100,000 = 10,000 plus 2 × 500 SPIFF = 11,000.
  EXPECT_EQ(sumOf(q1), 1100000);
  l.lose(l.o1, "2026-04-15");
  const PayoutResult r = l.f.run("2026-06-30", {kQ1}, q1);
  ASSERT_EQ(r.openPeriods, std::vector<Period>{kQ2});
  for (const auto& line : r.lines) EXPECT_EQ(line.period, kQ2) << "nothing may be written into the locked Q1";
}

TEST(CompLifecycleTest, ADealLostWithinTheWindowIsClawedBackInTheFirstOpenPeriod) {
  Lifecycle l;
  const auto q1 = l.lockQ1();
  l.lose(l.o1, "2026-04-15");  // 45 days after its 2026-03-01 close: within 90
  const PayoutResult r = l.f.run("2026-06-30", {kQ1}, q1);
  // Its share of the commission: 10,000 × 40,000 / 100,000 = 4,000; its SPIFF 500.
  EXPECT_EQ(total(r, l.a, kQ2, LineKind::Clawback), -450000);
  EXPECT_EQ(total(r, l.a, kQ2, LineKind::Adjustment), 0) << "the clawback explains the whole difference";
  for (const auto& line : linesOf(r, l.a, kQ2)) {
    if (line.kind != LineKind::Clawback) continue;
    ASSERT_EQ(line.deals.size(), 1u);
    EXPECT_EQ(line.deals[0].opportunityId, "O1");
    EXPECT_EQ(line.forPeriod, kQ1);
  }
  // Once Q2 is locked with its clawbacks, Q3 does not take them again.
  auto locked = q1;
  for (const auto& line : r.lines) locked.push_back(line);
  const PayoutResult q3 = l.f.run("2026-09-30", {kQ1, kQ2}, locked);
  for (const auto& line : q3.lines) EXPECT_NE(line.kind, LineKind::Clawback);
  EXPECT_EQ(total(q3, l.a, period("2026-07-01", "2026-09-30"), LineKind::Adjustment), 0);
}

TEST(CompLifecycleTest, ADealLostAfterTheWindowStaysPaid) {
  Lifecycle l;
  const auto q1 = l.lockQ1();
  l.lose(l.o1, "2026-06-15");  // 106 days after close
  const PayoutResult r = l.f.run("2026-06-30", {kQ1}, q1);
  EXPECT_EQ(total(r, l.a, kQ2), 0);
}

TEST(CompLifecycleTest, ALateChangeToALockedPeriodBecomesAnAdjustmentOnce) {
  Lifecycle l;
  const auto q1 = l.lockQ1();
  // A deal back-dated into Q1 after the lock: 20,000 -> 0.10 × 20,000 = 2,000 commission, 500 SPIFF.
  auto& opps = l.f.snapshot.opportunities;
  opps.owner.push_back(l.a);
  opps.stage.push_back(kWon);
  opps.kind.push_back(StageKind::Won);
  opps.amount.push_back(2000000);
  opps.probability.push_back(10000);
  opps.createdDay.push_back(day("2026-01-05").days);
  opps.closeDay.push_back(day("2026-03-15").days);
  l.f.snapshot.buildIndexes();
  l.f.data.opportunityIds.push_back("LATE");
  l.f.data.lostDay.push_back(kDayMax);
  const PayoutResult r = l.f.run("2026-06-30", {kQ1}, q1);
  EXPECT_EQ(total(r, l.a, kQ2, LineKind::Adjustment), 250000);
  for (const auto& line : linesOf(r, l.a, kQ2)) {
    if (line.kind == LineKind::Adjustment) {
      EXPECT_NE(line.detail.find("locked period"), std::string::npos);
    }
  }
  auto locked = q1;
  for (const auto& line : r.lines) locked.push_back(line);
  const PayoutResult q3 = l.f.run("2026-09-30", {kQ1, kQ2}, locked);
  EXPECT_EQ(total(q3, l.a, period("2026-07-01", "2026-09-30"), LineKind::Adjustment), 0) << "booked once";
}

TEST(CompLifecycleTest, DrawsAndClawbacksNetOutOverTheYear) {
  // Monthly plan, recoverable draw 3,000, flat 10 %: Jan earns 1,000 (advance 2,000); Feb earns 8,000
  // (recovers 2,000, pays 6,000). Lock Jan and Feb, then lose Feb's deal within the window: Mar claws back
  // 8,000, earning −8,000 < 3,000 -> advance 11,000 and balance 11,000, shown, never forgiven.
  SnapshotBuilder b;
  const auto a = b.rep("A");
  for (int m = 1; m <= 3; ++m) {
    const Date from = Date::fromCivil(2026, m, 1);
    b.quota(a, from.toString(), from.addMonths(1).addDays(-1).toString(), 1000000);
  }
  b.opp(a, kWon, 1000000, "2026-01-01", "2026-01-10");
  const auto feb = b.opp(a, kWon, 8000000, "2026-01-01", "2026-02-10");
  PayoutFixture f(
      b.build(),
      {plan(
          R"([{"id": "c", "kind": "commission", "rates": {"semantics": "retroactive", "tiers": [{"from": 0, "rate": "0.10"}]}}])",
          R"(, "draw": {"kind": "recoverable", "amount": "3000.00"}, "clawback_days": 90)", "month")},
      {{a, "P", day("2026-01-01"), {}}});
  f.data.lostDay.assign(f.snapshot.opportunities.size(), kDayMax);
  const auto janFeb = f.run("2026-02-28").lines;
  EXPECT_EQ(sumOf(janFeb), 900000);  // 3,000 + 6,000
  f.snapshot.opportunities.kind[static_cast<std::size_t>(feb)] = StageKind::Lost;
  f.data.lostDay[static_cast<std::size_t>(feb)] = day("2026-03-05").days;
  const Period jan = period("2026-01-01", "2026-01-31"), febP = period("2026-02-01", "2026-02-28");
  const PayoutResult mar = f.run("2026-03-31", {jan, febP}, janFeb);
  const Period marP = period("2026-03-01", "2026-03-31");
  EXPECT_EQ(total(mar, a, marP, LineKind::Clawback), -800000);
  EXPECT_EQ(total(mar, a, marP, LineKind::DrawAdvance), 1100000);
  // Over the quarter: paid 3,000 + 6,000 + 3,000 = 12,000 = earned 1,000 (the lost deal nets to 0) plus the
  // open draw balance 11,000 that later earnings recover.
  EXPECT_EQ(sumOf(janFeb) + total(mar, a, marP), 1200000);
  std::int64_t balance = 0;
  for (const auto& l : janFeb)
    balance += (l.kind == LineKind::DrawAdvance || l.kind == LineKind::DrawRecovery) ? l.amount : 0;
  balance += total(mar, a, marP, LineKind::DrawAdvance) + total(mar, a, marP, LineKind::DrawRecovery);
  EXPECT_EQ(balance, 1100000);
}
