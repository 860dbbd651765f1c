#include <gtest/gtest.h>

#include "comp/ExactMoney.h"
#include "comp_test_support.h"

using namespace salesops;
using namespace salesops::comp;
using namespace salesops::testing;

namespace {

Exact dollars(std::int64_t d) { return exactFromMinor(d * 100); }

const std::vector<Tier>& specTiers() {
  static const CompPlan p = plan(std::string(R"([{"id": "c", "kind": "commission", "rates": )") + kSpecTiers + "}]");
  return p.components[0].tiers;
}

}  // namespace

TEST(CompTiersTest, MarginalSumsEachTierOverItsSlice) {
  // Q = 100,000, B = 160,000: 0 × 50,000 + 0.06 × 50,000 + 0.10 × 50,000 + 0.14 × 10,000
  //                           = 0 + 3,000 + 5,000 + 1,400 = 9,400.00
  const TierResult r = tierEarning(specTiers(), true, dollars(160000), 100000 * 100);
  EXPECT_EQ(toMinor(r.earning), 940000);
  EXPECT_EQ(r.tierUsed, 3);
  // Below the 50 % threshold nothing is earned: B = 49,999.99.
  EXPECT_EQ(toMinor(tierEarning(specTiers(), true, exactFromMinor(4999999), 10000000).earning), 0);
  // B = 75,000.01: 0.06 × 25,000.01 = 1,500.0006 -> 1,500.00 (rounded once at the end).
  EXPECT_EQ(toMinor(tierEarning(specTiers(), true, exactFromMinor(7500001), 10000000).earning), 150000);
}

TEST(CompTiersTest, RetroactiveRatesAllOfBookingsAtTheTierReached) {
  // A = 1.6 -> tier from 1.5 at 0.14: 0.14 × 160,000 = 22,400.00
  EXPECT_EQ(toMinor(tierEarning(specTiers(), false, dollars(160000), 10000000).earning), 2240000);
  // Exactly 100 % unlocks the 0.10 tier: 0.10 × 100,000 = 10,000.00; a cent less stays at 0.06.
  EXPECT_EQ(toMinor(tierEarning(specTiers(), false, dollars(100000), 10000000).earning), 1000000);
  // 0.06 × 9,999,999 minor = 599,999.94 minor -> 599,999.94 rounds half away from zero to 600,000 minor.
  EXPECT_EQ(toMinor(tierEarning(specTiers(), false, exactFromMinor(9999999), 10000000).earning), 600000);
}

TEST(CompTiersTest, NoQuotaEarnsNothing) {
  EXPECT_EQ(tierEarning(specTiers(), true, dollars(5000), 0).earning, 0);
  EXPECT_EQ(tierEarning(specTiers(), true, dollars(5000), 0).tierUsed, -1);
  EXPECT_FALSE(attainmentAtLeast(dollars(5000), 0, 0));
}

TEST(CompTiersTest, SplitCreditsStayExactUntilTheLineIsRounded) {
  // A 33.33 % share of 1,000.01 is 333.303333 (credit4 = 100001 × 3333 = 333,303,333 ten-thousandths).
  // At a flat 0.10: 33.3303333 -> 33.33.
  const std::vector<Tier> flat{{0, 100000000}};
  EXPECT_EQ(toMinor(tierEarning(flat, true, exactFromCredit(100001LL * 3333), 1).earning), 3333);
}

TEST(CompTiersTest, PayoutNeverDecreasesWithAttainmentWithoutADecelerator) {
  // Sweep 0..200 % in 0.1 % steps for the spec plan with its cap and bonus, both tier semantics.
  for (const char* semantics : {"marginal", "retroactive"}) {
    const CompPlan p = plan(
        std::string(R"([{"id": "c", "kind": "commission", "cap": "20000.00", "rates": )") + R"({"semantics": ")" +
        semantics +
        R"(", "tiers": [{"from": 0, "rate": "0"}, {"from": 0.5, "rate": "0.06"}, {"from": 1.0, "rate": "0.10"},)"
        R"( {"from": 1.5, "rate": "0.14"}]}}, {"id": "b", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"}])");
    std::int64_t previous = -1;
    for (std::int64_t a = 0; a <= 2000000; a += 1000) {
      const std::int64_t pay = curvePayout(p, 10000000, a);
      EXPECT_GE(pay, previous) << semantics << " at attainment " << a;
      EXPECT_LE(pay, 2000000 + 500000) << "cap + bonus bound the payout";
      previous = pay;
    }
  }
}

TEST(CompTiersTest, ADeceleratorIsTheOnlyWayPayCanDropAndCapsHold) {
  // Retroactive table whose rate falls above 150 % (a decelerator): at 149.9 % 0.12 × 149,900 = 17,988.00,
  // at 150 % 0.08 × 150,000 = 12,000.00: the table says so, the engine follows.
  const CompPlan p =
      plan(R"([{"id": "c", "kind": "commission", "cap": "15000.00", "rates": {"semantics": "retroactive",)"
           R"( "tiers": [{"from": 0, "rate": "0.12"}, {"from": 1.5, "rate": "0.08"}]}}])");
  // 17,988.00 is above the cap of 15,000.00.
  EXPECT_EQ(curvePayout(p, 10000000, 1499000), 1500000);
  EXPECT_EQ(curvePayout(p, 10000000, 1500000), 1200000);
  for (std::int64_t a = 0; a <= 2000000; a += 5000) EXPECT_LE(curvePayout(p, 10000000, a), 1500000);
}

TEST(CompTiersTest, PlanCapBoundsTheSumOfComponents) {
  const CompPlan p = plan(
      R"([{"id": "c", "kind": "commission", "rates": {"semantics": "marginal", "tiers": [{"from": 0, "rate": "0.10"}]}},)"
      R"( {"id": "b", "kind": "bonus", "min_attainment": 1.0, "amount": "5000.00"}])",
      R"(, "plan_cap": "12000.00")");
  // 150 %: 0.10 × 150,000 + 5,000 = 20,000 -> plan cap 12,000.
  EXPECT_EQ(curvePayout(p, 10000000, 1500000), 1200000);
  // 80 %: 0.10 × 80,000 = 8,000, no bonus, under the cap.
  EXPECT_EQ(curvePayout(p, 10000000, 800000), 800000);
}
