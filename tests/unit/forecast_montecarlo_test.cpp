// The Monte Carlo engine: its mean against the exact expectation Σ p × amount, reproducibility by seed and
// independence of the thread count, the certain cases, and nearest-rank percentiles.
#include <gtest/gtest.h>

#include <cmath>

#include "common/Error.h"
#include "forecast/MonteCarlo.h"

namespace salesops::forecast {
namespace {

SimulationInput sampleDeals() {
  SimulationInput in;
  in.groups = 2;
  in.booked = {100000, 0};
  const double p[] = {0.1, 0.25, 0.5, 0.8, 0.35, 0.6, 0.05, 0.9};
  const std::int64_t amount[] = {250000, 120000, 80000, 40000, 300000, 55000, 1000000, 20000};
  for (int d = 0; d < 8; ++d) in.addDeal(static_cast<std::uint64_t>(d), p[d], d % 2, amount[d]);
  return in;
}

std::vector<std::int64_t> totals(const SimulationResult& r) {
  std::vector<std::int64_t> out(static_cast<std::size_t>(r.trials), 0);
  for (std::int32_t g = 0; g < r.groups; ++g) {
    for (std::int32_t t = 0; t < r.trials; ++t) out[t] += r.row(g)[t];
  }
  return out;
}

TEST(MonteCarlo, MeanIsWithinSamplingErrorOfTheExpectation) {
  const auto in = sampleDeals();
  double expected = 100000, variance = 0;
  for (std::size_t d = 0; d < in.deals(); ++d) {
    const double a = static_cast<double>(in.creditAmount[d]), p = in.probability[d];
    expected += p * a;
    variance += a * a * p * (1 - p);
  }
  // Σ p·a = 25000 + 30000 + 40000 + 32000 + 105000 + 33000 + 50000 + 18000 = 333000, plus 100000 booked
  ASSERT_DOUBLE_EQ(expected, 433000);
  const auto r = simulate(in, {20000, 7, 2});
  const auto all = totals(r);
  double sum = 0;
  for (const auto v : all) sum += static_cast<double>(v);
  const double mean = sum / static_cast<double>(all.size());
  const double standardError = std::sqrt(variance / static_cast<double>(all.size()));
  EXPECT_LT(std::abs(mean - expected), 4 * standardError) << mean;
}

TEST(MonteCarlo, ASingleDealClosesAsOftenAsItsProbability) {
  SimulationInput in;
  in.groups = 1;
  in.addDeal(42, 0.3, 0, 1);
  const auto r = simulate(in, {50000, 3, 2});
  std::int64_t wins = 0;
  for (std::int32_t t = 0; t < r.trials; ++t) wins += r.row(0)[t];
  const double share = static_cast<double>(wins) / r.trials;
  // sd of the share: sqrt(0.3 × 0.7 / 50000) = 0.00205
  EXPECT_NEAR(share, 0.3, 4 * 0.00205);
}

TEST(MonteCarlo, SameSeedSameFiguresWhateverTheThreads) {
  const auto in = sampleDeals();
  const auto one = simulate(in, {5000, 11, 1});
  const auto two = simulate(in, {5000, 11, 2});
  const auto three = simulate(in, {5000, 11, 3});
  EXPECT_EQ(one.outcomes, two.outcomes);
  EXPECT_EQ(one.outcomes, three.outcomes);
  const auto other = simulate(in, {5000, 12, 2});
  EXPECT_NE(one.outcomes, other.outcomes);
}

TEST(MonteCarlo, CertainDealsAlwaysOrNeverClose) {
  SimulationInput in;
  in.groups = 1;
  in.booked = {7};
  in.addDeal(1, 1.0, 0, 1000);
  in.addDeal(2, 0.0, 0, 50);
  const auto r = simulate(in, {1000, 1, 2});
  for (std::int32_t t = 0; t < r.trials; ++t) ASSERT_EQ(r.row(0)[t], 1007);
}

TEST(MonteCarlo, SplitCreditSharesOneDraw) {
  SimulationInput in;
  in.groups = 2;
  in.key = {5};
  in.probability = {0.5};
  in.creditBegin = {0, 2};
  in.creditGroup = {0, 1};
  in.creditAmount = {600, 400};
  const auto r = simulate(in, {2000, 9, 2});
  for (std::int32_t t = 0; t < r.trials; ++t) {
    ASSERT_EQ(r.row(0)[t] * 400, r.row(1)[t] * 600);  // both credited or neither
  }
}

TEST(MonteCarlo, RejectsNoTrials) { EXPECT_THROW(simulate(sampleDeals(), {0, 1, 2}), Error); }

TEST(MonteCarlo, NearestRankPercentiles) {
  const std::vector<std::int64_t> v{10, 1, 9, 2, 8, 3, 7, 4, 6, 5};
  EXPECT_EQ(percentile(v, 0.10), 1);  // ceil(0.1 × 10) = 1st smallest
  EXPECT_EQ(percentile(v, 0.50), 5);  // 5th
  EXPECT_EQ(percentile(v, 0.90), 9);  // 9th
  EXPECT_DOUBLE_EQ(shareAtLeast(v, 8), 0.3);
}

}  // namespace
}  // namespace salesops::forecast
