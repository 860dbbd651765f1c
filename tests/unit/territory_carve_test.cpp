// Carving N territories out of a set of accounts (territory/Carver.h).
#include <gtest/gtest.h>

#include <random>

#include "common/Error.h"
#include "territory/Carver.h"

namespace salesops::territory {
namespace {

TEST(TerritoryCarve, ContiguousRunsByRegionAndPostalCodeByHand) {
  // Input order a, d, b, e, c, f. Sorted by region then postal code: a(N,100) b(N,200) c(N,300) d(S,100)
  // e(S,200) f(S,300). Total 100, target 50: a 40, a+b 50 reaches it, so the cut falls after b:
  // {a, b} = 50 and {c, d, e, f} = 10 + 20 + 10 + 10 = 50, CV 0.
  const std::vector<CarveAccount> accounts{{"a", "N", "100", 40}, {"d", "S", "100", 20}, {"b", "N", "200", 10},
                                           {"e", "S", "200", 10}, {"c", "N", "300", 10}, {"f", "S", "300", 10}};
  const CarveResult r = carve(accounts, 2);
  EXPECT_EQ(r.part, (std::vector<std::int32_t>{0, 1, 0, 1, 1, 1}));
  EXPECT_EQ(r.totals, (std::vector<std::int64_t>{50, 50}));
  EXPECT_DOUBLE_EQ(*r.imbalance.cv, 0.0);
  EXPECT_EQ(r.refinementMoves, 0);
  EXPECT_TRUE(r.contiguousKept);
  // Naive: the first three in input order {a, d, b} = 70, the rest {e, c, f} = 30; mean 50, sd 20, CV 0.4.
  EXPECT_EQ(r.naiveTotals, (std::vector<std::int64_t>{70, 30}));
  EXPECT_DOUBLE_EQ(*r.naiveImbalance.cv, 0.4);
}

TEST(TerritoryCarve, AGiantAccountKeepsARunOfItsOwn) {
  // 90, 5, 5 into 2: {90} and {5, 5} = 90 vs 10, mean 50, sd 40, CV 0.8 (no single move helps: moving a 5
  // to the 90 widens the gap, moving the 90 empties its territory). Naive {90, 5} vs {5}: CV 45/50 = 0.9.
  const std::vector<CarveAccount> accounts{{"a", "", "", 90}, {"b", "", "", 5}, {"c", "", "", 5}};
  const CarveResult r = carve(accounts, 2);
  EXPECT_EQ(r.totals, (std::vector<std::int64_t>{90, 10}));
  EXPECT_DOUBLE_EQ(*r.imbalance.cv, 0.8);
  EXPECT_DOUBLE_EQ(*r.naiveImbalance.cv, 0.9);
}

TEST(TerritoryCarve, CutsSlideToEvenOutNeighboursBeforeALateGiant) {
  // a..d 10 each, then e 100, into 3 (total 140, targets 46.7 and 93.3). Every later run needs an account, so
  // the first pass cuts {a, b, c} = 30 | {d} = 10 | {e} = 100. Sliding the first cut to the midpoint of
  // a..d (20) gives {a, b} = 20 | {c, d} = 20 | {e} = 100; the second cut cannot do better than e alone.
  const std::vector<CarveAccount> accounts{
      {"a", "", "", 10}, {"b", "", "", 10}, {"c", "", "", 10}, {"d", "", "", 10}, {"e", "", "", 100}};
  const CarveResult r = carve(accounts, 3);
  EXPECT_EQ(r.totals, (std::vector<std::int64_t>{20, 20, 100}));
  EXPECT_EQ(r.part, (std::vector<std::int32_t>{0, 0, 1, 1, 2}));
}

TEST(TerritoryCarve, EveryAccountInExactlyOneNonEmptyTerritoryAndNoWorseThanNaive) {
  std::mt19937 random(7);
  std::lognormal_distribution<double> potential(12.0, 1.5);
  std::uniform_int_distribution<int> region(0, 5), postal(10000, 99999);
  std::vector<CarveAccount> accounts;
  for (int i = 0; i < 2000; ++i)
    accounts.push_back({"A" + std::to_string(i), "R" + std::to_string(region(random)), std::to_string(postal(random)),
                        static_cast<std::int64_t>(potential(random))});
  for (std::int32_t count : {2, 7, 40}) {
    const CarveResult r = carve(accounts, count);
    ASSERT_EQ(r.part.size(), accounts.size());
    std::vector<std::int64_t> members(count, 0), totals(count, 0);
    for (std::size_t i = 0; i < accounts.size(); ++i) {
      ASSERT_GE(r.part[i], 0);
      ASSERT_LT(r.part[i], count);
      ++members[r.part[i]];
      totals[r.part[i]] += accounts[i].value;
    }
    for (auto m : members) EXPECT_GT(m, 0) << count;
    EXPECT_EQ(totals, r.totals);
    EXPECT_LE(*r.imbalance.cv, *r.naiveImbalance.cv) << count;
    EXPECT_LE(r.refinementMoves, static_cast<std::int64_t>(accounts.size() / 10));
  }
}

TEST(TerritoryCarve, CountsOutsideTheSetAreRefused) {
  const std::vector<CarveAccount> two{{"a", "", "", 1}, {"b", "", "", 1}};
  EXPECT_THROW(carve(two, 1), Error);
  EXPECT_THROW(carve(two, 3), Error);
  EXPECT_THROW(carve({{"a", "", "", -1}, {"b", "", "", 1}}, 2), Error);
  // Nothing to balance (all zero): shared out by count, one each.
  const CarveResult zero = carve({{"a", "", "", 0}, {"b", "", "", 0}}, 2);
  EXPECT_NE(zero.part[0], zero.part[1]);
}

TEST(TerritoryCarve, NaiveSplitIsEqualCountRunsInInputOrder) {
  // 7 into 3: i * 3 / 7 = 0 0 0 1 1 2 2.
  EXPECT_EQ(naiveSplit(7, 3), (std::vector<std::int32_t>{0, 0, 0, 1, 1, 2, 2}));
}

}  // namespace
}  // namespace salesops::territory
