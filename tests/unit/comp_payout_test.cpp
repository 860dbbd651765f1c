#include <gtest/gtest.h>

#include "comp_test_support.h"

using namespace salesops;
using namespace salesops::comp;
using namespace salesops::testing;

namespace {

Assignment assign(std::int32_t rep, const std::string& planId = "P") { return {rep, planId, day("2026-01-01"), {}}; }

std::string flatCommission(const std::string& rate, const std::string& basis = "period") {
  return R"({"id": "c", "kind": "commission", "basis": ")" + basis +
         R"(", "rates": {"semantics": "retroactive", "tiers": [{"from": 0, "rate": ")" + rate + R"("}]}})";
}

}  // namespace

TEST(CompPayoutTest, CommissionAndBonusUseSplitCredit) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  const auto other = b.rep("B");
  const auto o0 = b.opp(a, kWon, 12000000, "2026-01-05", "2026-02-10");
  b.split(o0, a, 7500);
  b.split(o0, other, 2500);
  b.opp(a, kWon, 4000000, "2026-01-05", "2026-03-01");
  b.opp(a, kLost, 5000000, "2026-01-05", "2026-03-02");      // lost: never credited
  b.opp(a, kProposal, 9000000, "2026-01-05", "2026-03-03");  // open: never credited
  b.quota(a, "2026-01-01", "2026-03-31", 10000000);
  b.quota(other, "2026-01-01", "2026-03-31", 10000000);
  const PayoutFixture f(b.build(),
                        {plan(std::string(R"([{"id": "commission", "kind": "commission", "rates": )") + kSpecTiers +
                              R"(}, {"id": "bonus", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"}])")},
                        {assign(a), assign(other)});
  const PayoutResult r = f.run("2026-03-31");
  // A: credit 0.75 × 120,000 + 40,000 = 130,000 of 100,000 quota.
  //    marginal: 0 × 50,000 + 0.06 × 50,000 + 0.10 × 30,000 = 6,000.00; bonus 5,000.00 (130 % ≥ 100 %).
  EXPECT_EQ(total(r, a, kQ1, LineKind::Earning), 600000);
  EXPECT_EQ(total(r, a, kQ1, LineKind::Bonus), 500000);
  // B: credit 0.25 × 120,000 = 30,000, below the 50 % threshold: nothing, and no bonus.
  EXPECT_EQ(total(r, other, kQ1), 0);
  const auto lines = linesOf(r, a, kQ1);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].deals.size(), 2u);  // the trace names the two credited deals
  EXPECT_EQ(lines[0].deals[0].opportunityId, "O0");
  EXPECT_EQ(lines[0].deals[0].credit4, 12000000LL * 7500);
  EXPECT_NE(lines[0].detail.find("130.0%"), std::string::npos) << lines[0].detail;
}

TEST(CompPayoutTest, SpiffPaysAmountTimesShareOrPercentOfCredit) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  const auto other = b.rep("B");
  const auto o0 = b.opp(a, kWon, 12000000, "2026-01-05", "2026-02-10");
  b.split(o0, a, 7500);
  b.split(o0, other, 2500);
  b.opp(a, kWon, 4000000, "2026-01-05", "2026-03-01");
  PayoutFixture f(
      b.build(),
      {plan(R"([{"id": "new-logo", "kind": "spiff", "filter": {"type": "new_business", "min_amount": "50000.00"},)"
            R"( "amount": "750.00"}, {"id": "kicker", "kind": "spiff", "percent": "0.01"}])")},
      {assign(a), assign(other)});
  f.data.attributeValues = {"new_business"};
  f.data.type = {0, 0};  // both deals are new business; only O0 reaches 50,000
  const PayoutResult r = f.run("2026-03-31");
  const auto spiffOf = [&](std::int32_t rep, const std::string& id) {
    for (const auto& l : linesOf(r, rep, kQ1)) {
      if (l.component == id) return l.amount;
    }
    return std::int64_t{-1};
  };
  // new-logo: 750 × 75 % = 562.50 for A, 750 × 25 % = 187.50 for B.
  EXPECT_EQ(spiffOf(a, "new-logo"), 56250);
  EXPECT_EQ(spiffOf(other, "new-logo"), 18750);
  // kicker: 0.01 × (90,000 + 40,000) = 1,300.00 for A; 0.01 × 30,000 = 300.00 for B.
  EXPECT_EQ(spiffOf(a, "kicker"), 130000);
  EXPECT_EQ(spiffOf(other, "kicker"), 30000);
}

TEST(CompPayoutTest, OverridePaysOnTheWholeSubtreeNotTheManager) {
  SnapshotBuilder b;
  const auto m = b.rep("M");
  const auto a = b.rep("A", m);
  const auto c = b.rep("C", a);                          // two levels below M
  b.opp(m, kWon, 10000000, "2026-01-05", "2026-02-01");  // M's own deal: no override on it
  b.opp(a, kWon, 13000000, "2026-01-05", "2026-02-01");
  b.opp(c, kWon, 3000000, "2026-01-05", "2026-02-01");
  const PayoutFixture f(b.build(), {plan(R"([{"id": "ovr", "kind": "override", "rate": "0.02"}])")},
                        {assign(m), assign(a)});
  const PayoutResult r = f.run("2026-03-31");
  // M: 0.02 × (130,000 + 30,000) = 3,200.00; A: 0.02 × 30,000 = 600.00.
  EXPECT_EQ(total(r, m, kQ1, LineKind::Override), 320000);
  EXPECT_EQ(total(r, a, kQ1, LineKind::Override), 60000);
}

TEST(CompPayoutTest, RampScalesQuotaByTenureMonth) {
  SnapshotBuilder b;
  const auto a = b.rep("A", kNoIndex, "2026-02-15");
  for (const char* month : {"01", "02", "03", "04", "05"}) {
    const std::string from = std::string("2026-") + month + "-01";
    b.quota(a, from, Date(day(from)).addMonths(1).addDays(-1).toString(), 1000000);
  }
  b.opp(a, kWon, 600000, "2026-02-01", "2026-02-20");   // Feb: 6,000
  b.opp(a, kWon, 700000, "2026-02-01", "2026-03-20");   // Mar: 7,000
  b.opp(a, kWon, 900000, "2026-02-01", "2026-04-20");   // Apr: 9,000
  b.opp(a, kWon, 1000000, "2026-02-01", "2026-05-20");  // May: 10,000
  const PayoutFixture f(
      b.build(),
      {plan(R"([{"id": "b", "kind": "bonus", "min_attainment": 1.0, "amount": "100.00"}])",
            R"(, "ramp": [{"month": 1, "quota_percent": 50}, {"month": 2, "quota_percent": 75}])", "month")},
      {assign(a)});
  const PayoutResult r = f.run("2026-05-31");
  // Feb is tenure month 1: quota 50 % × 10,000 = 5,000; 6,000 ≥ 5,000 -> bonus.
  EXPECT_EQ(total(r, a, period("2026-02-01", "2026-02-28")), 10000);
  // Mar is month 2: 75 % × 10,000 = 7,500; 7,000 < 7,500 -> nothing (it would be 70 % of 10,000 anyway).
  EXPECT_EQ(total(r, a, period("2026-03-01", "2026-03-31")), 0);
  // Apr is past the ramp: 9,000 < 10,000 -> nothing; May 10,000 ≥ 10,000 -> bonus.
  EXPECT_EQ(total(r, a, period("2026-04-01", "2026-04-30")), 0);
  EXPECT_EQ(total(r, a, period("2026-05-01", "2026-05-31")), 10000);
}

TEST(CompPayoutTest, YearToDateRepaysADeficitBeforePayingAgain) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  for (const Period& q : {kQ1, kQ2, kQ3, kQ4}) b.quota(a, q.start.toString(), q.end.toString(), 10000000);
  b.opp(a, kWon, 11000000, "2026-01-05", "2026-02-01");  // Q1 110,000
  b.opp(a, kWon, 5000000, "2026-01-05", "2026-05-01");   // Q2  50,000
  b.opp(a, kWon, 15000000, "2026-01-05", "2026-08-01");  // Q3 150,000
  const PayoutFixture f(
      b.build(),
      {plan(R"([{"id": "c", "kind": "commission", "basis": "ytd", "rates": {"semantics": "retroactive",)"
            R"( "tiers": [{"from": 0, "rate": "0.05"}, {"from": 1.0, "rate": "0.10"}]}}])")},
      {assign(a)});
  const PayoutResult r = f.run("2026-12-31");
  // Q1: ytd 110,000 / 100,000 -> 0.10 × 110,000 = 11,000.
  EXPECT_EQ(total(r, a, kQ1), 1100000);
  // Q2: ytd 160,000 / 200,000 -> 0.05 × 160,000 = 8,000 − 11,000 paid = −3,000: nothing paid, deficit carried.
  EXPECT_EQ(total(r, a, kQ2), 0);
  EXPECT_NE(linesOf(r, a, kQ2)[0].detail.find("deficit 3000.00"), std::string::npos) << linesOf(r, a, kQ2)[0].detail;
  // Q3: ytd 310,000 / 300,000 -> 0.10 × 310,000 = 31,000 − 11,000 = 20,000 (the 3,000 deficit is repaid
  // first: a period basis would have paid 0.10 × 150,000 = 15,000 on its own).
  EXPECT_EQ(total(r, a, kQ3), 2000000);
  // Q4: ytd 310,000 / 400,000 -> 0.05 × 310,000 = 15,500 < 31,000 paid: nothing.
  EXPECT_EQ(total(r, a, kQ4), 0);
}

TEST(CompPayoutTest, RecoverableDrawNetsOutAndNonRecoverableTopsUp) {
  SnapshotBuilder b;
  const auto a = b.rep("A");
  for (int m = 1; m <= 4; ++m) {
    const Date from = Date::fromCivil(2026, m, 1);
    b.quota(a, from.toString(), from.addMonths(1).addDays(-1).toString(), 1000000);
  }
  b.opp(a, kWon, 1000000, "2026-01-01", "2026-01-15");   // Jan 10,000 -> earns 1,000
  b.opp(a, kWon, 6000000, "2026-01-01", "2026-03-15");   // Mar 60,000 -> earns 6,000
  b.opp(a, kWon, 10000000, "2026-01-01", "2026-04-15");  // Apr 100,000 -> earns 10,000
  const auto run = [&](const std::string& kind) {
    const PayoutFixture f(b.build(),
                          {plan("[" + flatCommission("0.10") + "]",
                                R"(, "draw": {"kind": ")" + kind + R"(", "amount": "3000.00"})", "month")},
                          {assign(a)});
    return f.run("2026-04-30");
  };
  const Period jan = period("2026-01-01", "2026-01-31"), feb = period("2026-02-01", "2026-02-28"),
               mar = period("2026-03-01", "2026-03-31"), apr = period("2026-04-01", "2026-04-30");
  const PayoutResult rec = run("recoverable");
  // Jan: 1,000 < 3,000 -> advance 2,000, balance 2,000.  Feb: 0 -> advance 3,000, balance 5,000.
  // Mar: 6,000 -> recover min(5,000, 3,000) = 3,000, pay 3,000, balance 2,000.
  // Apr: 10,000 -> recover min(2,000, 7,000) = 2,000, pay 8,000, balance 0.
  EXPECT_EQ(total(rec, a, jan), 300000);
  EXPECT_EQ(total(rec, a, feb), 300000);
  EXPECT_EQ(total(rec, a, mar), 300000);
  EXPECT_EQ(total(rec, a, mar, LineKind::DrawRecovery), -300000);
  EXPECT_EQ(total(rec, a, apr), 800000);
  // Over the four months the draw nets out: paid 17,000 = earned 1,000 + 0 + 6,000 + 10,000.
  std::int64_t paid = 0, advances = 0, recoveries = 0;
  for (const auto& l : rec.lines) {
    paid += l.amount;
    if (l.kind == LineKind::DrawAdvance) advances += l.amount;
    if (l.kind == LineKind::DrawRecovery) recoveries += l.amount;
  }
  EXPECT_EQ(paid, 1700000);
  EXPECT_EQ(advances + recoveries, 0);
  const PayoutResult non = run("non_recoverable");
  // max(E, 3,000): 3,000, 3,000, 6,000, 10,000.
  EXPECT_EQ(total(non, a, jan), 300000);
  EXPECT_EQ(total(non, a, feb), 300000);
  EXPECT_EQ(total(non, a, mar), 600000);
  EXPECT_EQ(total(non, a, apr), 1000000);
}
