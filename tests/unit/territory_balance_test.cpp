#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "territory/Imbalance.h"
#include "territory/Rebalancer.h"

namespace salesops::territory {
namespace {

TEST(TerritoryImbalance, FiguresByHand) {
  // 10, 20, 30, 40: mean 25, squared deviations 225+25+25+225 = 500, variance 125, sd 11.1803, CV 0.447214.
  // Gini, sorted: (-3*10 - 1*20 + 1*30 + 3*40) / (4 * 100) = 100 / 400 = 0.25. max/min = 40/10 = 4.
  const auto im = imbalanceOf({30, 10, 40, 20});
  ASSERT_TRUE(im.cv && im.gini && im.maxMin);
  EXPECT_NEAR(*im.cv, 0.447214, 1e-6);
  EXPECT_NEAR(*im.gini, 0.25, 1e-12);
  EXPECT_DOUBLE_EQ(*im.maxMin, 4.0);
  // All in one of three: Gini = (n-1)/n = 2/3; CV = sqrt(((2/3)^2*... ) = sqrt(2) for 0,0,9 (mean 3, sd sqrt(18)).
  const auto one = imbalanceOf({0, 0, 9});
  EXPECT_NEAR(*one.gini, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(*one.cv, std::sqrt(2.0), 1e-12);
  EXPECT_FALSE(one.maxMin);  // smallest is 0
  const auto equal = imbalanceOf({5, 5});
  EXPECT_DOUBLE_EQ(*equal.cv, 0.0);
  EXPECT_DOUBLE_EQ(*equal.gini, 0.0);
  EXPECT_DOUBLE_EQ(*equal.maxMin, 1.0);
  const auto zero = imbalanceOf({0, 0});
  EXPECT_FALSE(zero.cv);
  EXPECT_FALSE(zero.gini);
  EXPECT_FALSE(imbalanceOf({}).cv);
}

RebalanceInput twoTerritories(std::vector<std::pair<int, std::int64_t>> accounts) {
  RebalanceInput in;
  in.territoryCount = 2;
  for (auto [t, v] : accounts) {
    in.territory.push_back(t);
    in.values.push_back({v, 0});
  }
  in.locked.assign(accounts.size(), 0);
  in.openPipeline.assign(accounts.size(), 0);
  in.maxMoves = 5;
  return in;
}

TEST(TerritoryRebalancer, OneMoveByHand) {
  // T0 holds 10, 6, 4 (load 20), T1 holds 2: mean 11. Moving v changes the squared deviations by
  // 2v(d1 - d0) + 2v^2 = 2v(-18) + 2v^2: v=10 -> -160, v=6 -> -144, v=4 -> -112; so 10 moves, loads 10 and 12.
  // Then only 2 (in T1) may move: 2*2*(-1 - 1) + 8 = 0, no gain, so it stops after one move.
  const auto r = rebalance(twoTerritories({{0, 10}, {0, 6}, {0, 4}, {1, 2}}));
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.moves[0].account, 0);
  EXPECT_EQ(r.moves[0].from, 0);
  EXPECT_EQ(r.moves[0].to, 1);
  EXPECT_EQ(r.loadsAfter[0][0], 10);
  EXPECT_EQ(r.loadsAfter[1][0], 12);
}

TEST(TerritoryRebalancer, PrefersAccountsWithoutOpenPipelineAndNeverMovesLocked) {
  // T0: 10 (open pipeline), 6; T1 empty. 10 would gain more (-160 against -144) but 6 has no pipeline.
  auto in = twoTerritories({{0, 10}, {0, 6}});
  in.openPipeline[0] = 1;
  auto r = rebalance(in);
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.moves[0].account, 1);
  // Locking 6 leaves only the pipeline account, which moves since it still helps.
  in.locked[1] = 1;
  r = rebalance(in);
  ASSERT_EQ(r.moves.size(), 1u);
  EXPECT_EQ(r.moves[0].account, 0);
  in.locked[0] = 1;
  EXPECT_TRUE(rebalance(in).moves.empty());
}

TEST(TerritoryRebalancer, StopsOnceTheTargetCvIsReached) {
  // T0 holds 5, 5, 5, 5 and T1 nothing: mean 10, CV 1. One move gives 15/5 (CV 0.5), a second 10/10 (CV 0).
  auto in = twoTerritories({{0, 5}, {0, 5}, {0, 5}, {0, 5}});
  EXPECT_EQ(rebalance(in).moves.size(), 2u);
  in.targetCv = 0.6;
  EXPECT_EQ(rebalance(in).moves.size(), 1u);
  in.targetCv = 1.0;  // already there
  EXPECT_TRUE(rebalance(in).moves.empty());
}

double cvOf(const std::vector<std::array<std::int64_t, 2>>& loads, int m) {
  std::vector<std::int64_t> v;
  for (const auto& l : loads) v.push_back(l[m]);
  return imbalanceOf(v).cv.value_or(0);
}

TEST(TerritoryRebalancer, InvariantsOnRandomDesigns) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 20; ++round) {
    RebalanceInput in;
    in.territoryCount = 3 + static_cast<int>(rng() % 20);
    const int accounts = 50 + static_cast<int>(rng() % 2000);
    in.metricCount = 1 + static_cast<int>(rng() % 2);
    in.weights = {1.0, 0.5};
    std::lognormal_distribution<double> revenue(12, 1.5);
    for (int a = 0; a < accounts; ++a) {
      // Skewed on purpose: low territory numbers get more accounts.
      const auto t =
          static_cast<std::int32_t>(std::min<std::uint64_t>(rng() % in.territoryCount, rng() % in.territoryCount));
      in.territory.push_back(rng() % 50 == 0 ? -1 : t);
      in.values.push_back({static_cast<std::int64_t>(revenue(rng)), 1});
      in.locked.push_back(rng() % 10 == 0);
      in.openPipeline.push_back(rng() % 3 == 0);
    }
    in.maxMoves = static_cast<std::int64_t>(rng() % 200);
    const auto r = rebalance(in);
    ASSERT_LE(static_cast<std::int64_t>(r.moves.size()), in.maxMoves);
    std::vector<int> moved(accounts, 0);
    auto loads = r.loadsBefore;
    for (const auto& m : r.moves) {
      EXPECT_FALSE(in.locked[m.account]) << "a named account moved";
      EXPECT_EQ(++moved[m.account], 1) << "an account moved twice";
      EXPECT_NE(in.territory[m.account], -1);
      for (int k = 0; k < in.metricCount; ++k) {
        loads[m.from][k] -= in.values[m.account][k];
        loads[m.to][k] += in.values[m.account][k];
      }
    }
    EXPECT_EQ(loads, r.loadsAfter);
    // The weighted objective never rises; with one metric, so its CV never rises.
    const double before = cvOf(r.loadsBefore, 0) * cvOf(r.loadsBefore, 0) +
                          (in.metricCount == 2 ? 0.5 * cvOf(r.loadsBefore, 1) * cvOf(r.loadsBefore, 1) : 0.0);
    const double after = cvOf(r.loadsAfter, 0) * cvOf(r.loadsAfter, 0) +
                         (in.metricCount == 2 ? 0.5 * cvOf(r.loadsAfter, 1) * cvOf(r.loadsAfter, 1) : 0.0);
    EXPECT_LE(after, before + 1e-12) << "round " << round;
  }
}

}  // namespace
}  // namespace salesops::territory
