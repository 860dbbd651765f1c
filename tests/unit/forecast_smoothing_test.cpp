// Exponential smoothing, Theta and comb with fixed parameters, one recursion step worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "forecast/Decomposition.h"
#include "forecast/ExpSmoothing.h"
#include "forecast/Methods.h"
#include "forecast/Theta.h"

namespace salesops::forecast {
namespace {

SmoothingParams halves() {
  SmoothingParams p;
  p.alpha = p.beta = p.gamma = 0.5;
  p.phi = 1;
  return p;
}

TEST(ForecastSmoothing, SesByHand) {
  // α = 0.5, ℓ0 = 10. y 12: ŷ 10, e 2, ℓ 11. y 8: ŷ 11, e -3, ℓ 9.5. SSE 4 + 9 = 13; flat forecast 9.5.
  SmoothingParams p;
  p.alpha = 0.5;
  p.level0 = 10;
  const std::vector<double> y{12, 8};
  EXPECT_NEAR(smoothingSse(y, {}, p), 13.0, 1e-12);
  const ForecastPath f = forecastSmoothing(y, {}, p, 3);
  for (double v : f.mean) EXPECT_NEAR(v, 9.5, 1e-12);
}

TEST(ForecastSmoothing, AdditiveHoltWintersOneStepByHand) {
  // m = 2, y = 10 20 12 22 | 16. Initial states from the first two seasons: means 15 and 17, slope
  // (17 - 15) / 2 = 1, level before t=0: 15 - 1·1.5 = 13.5, seasonals (10 - 14.5 + 12 - 16.5) / 2 = -4.5
  // and +4.5. The first four values are exactly trend + season, so their errors are 0 and after t=3:
  // ℓ 17.5, b 1, s = {-4.5, 4.5}. At t=4 with α = β = γ = 0.5:
  //   ŷ = 17.5 + 1 - 4.5 = 14, e = 2
  //   ℓ = 0.5 (16 + 4.5) + 0.5 (18.5) = 19.5
  //   b = 0.5 (19.5 - 17.5) + 0.5 · 1 = 1.5
  //   s0 = 0.5 (16 - 19.5) + 0.5 (-4.5) = -4
  // Forecasts: h=1 (season 1) 19.5 + 1.5 + 4.5 = 25.5; h=2 (season 0) 19.5 + 3 - 4 = 18.5.
  // SSE = 4; 6 parameters and states leave max(1, 5 - 6) = 1 degree of freedom: σ = 2.
  // c_1 = α + αβ·1 = 0.75, so sd_2 = 2 √(1 + 0.75²) = 2.5.
  const std::vector<double> y{10, 20, 12, 22, 16};
  const SmoothingSpec spec{Trend::Linear, Seasonality::Additive, 2};
  EXPECT_NEAR(smoothingSse(y, spec, halves()), 4.0, 1e-12);
  const ForecastPath f = forecastSmoothing(y, spec, halves(), 2);
  EXPECT_NEAR(f.mean[0], 25.5, 1e-12);
  EXPECT_NEAR(f.mean[1], 18.5, 1e-12);
  EXPECT_NEAR(f.sd[0], 2.0, 1e-12);
  EXPECT_NEAR(f.sd[1], 2.5, 1e-12);
}

TEST(ForecastSmoothing, MultiplicativeHoltWintersOneStepByHand) {
  // m = 2, y = 8 12 8 12 | 10. Means 10 and 10: slope 0, level 10, seasonal ratios 0.8 and 1.2; exact
  // until t=3. At t=4 with α = β = γ = 0.5:
  //   ŷ = 10 · 0.8 = 8, e = 2
  //   ℓ = 0.5 · 10 / 0.8 + 0.5 · 10 = 11.25
  //   b = 0.5 (11.25 - 10) + 0.5 · 0 = 0.625
  //   s0 = 0.5 · 10 / 11.25 + 0.5 · 0.8 = 0.84444
  // h=1 (season 1): (11.25 + 0.625) · 1.2 = 14.25; h=2 (season 0): (11.25 + 1.25) · 0.84444 = 10.5556.
  const std::vector<double> y{8, 12, 8, 12, 10};
  const SmoothingSpec spec{Trend::Linear, Seasonality::Multiplicative, 2};
  EXPECT_NEAR(smoothingSse(y, spec, halves()), 4.0, 1e-12);
  const ForecastPath f = forecastSmoothing(y, spec, halves(), 2);
  EXPECT_NEAR(f.mean[0], 14.25, 1e-12);
  EXPECT_NEAR(f.mean[1], 12.5 * (0.5 * 10 / 11.25 + 0.4), 1e-12);
}

TEST(ForecastSmoothing, DampedTrendFlattens) {
  // ℓ 10, b 2, φ 0.5, α irrelevant on an empty history: forecasts 10 + 2(0.5), 10 + 2(0.5 + 0.25), ….
  SmoothingParams p;
  p.phi = 0.5;
  p.level0 = 10;
  p.trend0 = 2;
  const std::vector<double> y{11};  // exactly ℓ0 + φ b0, error 0, so the states carry on unchanged
  const ForecastPath f = forecastSmoothing(y, {Trend::Damped}, p, 3);
  EXPECT_NEAR(f.mean[0], 11 + 0.5, 1e-12);
  EXPECT_NEAR(f.mean[1], 11 + 0.5 + 0.25, 1e-12);
  EXPECT_NEAR(f.mean[2], 11 + 0.5 + 0.25 + 0.125, 1e-12);
}

TEST(ForecastSmoothing, FittingRecoversAnExactSeries) {
  // A straight line is fitted exactly by Holt: the forecast continues it.
  std::vector<double> y;
  for (int t = 0; t < 30; ++t) y.push_back(100 + 3 * t);
  const ForecastPath f = runMethod(Method::Holt, y, 1, 2);
  EXPECT_NEAR(f.mean[0], 190, 0.5);
  EXPECT_NEAR(f.mean[1], 193, 0.5);
}

TEST(ForecastTheta, SesWithHalfTheSlopeByHand) {
  // m = 1 (no adjustment), y = 10 12 11 13, α = 0.5, ℓ0 = 10: ℓ goes 10, 11, 11, 12.
  // Least-squares slope: Σ(t - 1.5)(y - 11.5) / Σ(t - 1.5)² = 4 / 5 = 0.8; drift 0.4.
  // (1 - (1 - α)^4) / α = 0.9375 / 0.5 = 1.875.  h=1: 12 + 0.4 · 1.875 = 12.75;  h=2: 12 + 0.4 · 2.875 = 13.15.
  SmoothingParams p;
  p.alpha = 0.5;
  p.level0 = 10;
  const Params fixed = toParams(p);
  const std::vector<double> y{10, 12, 11, 13};
  const ForecastPath f = thetaForecast(y, 1, 2, &fixed);
  EXPECT_EQ(f.used, Method::Theta);
  EXPECT_NEAR(f.mean[0], 12.75, 1e-12);
  EXPECT_NEAR(f.mean[1], 13.15, 1e-12);
}

TEST(ForecastComb, IsTheMeanOfSesHoltAndDamped) {
  const std::vector<double> y{5, 7, 6, 9, 8, 11, 10, 12, 13, 12, 15, 14};
  Params fitted;
  const ForecastPath comb = combForecast(y, 1, 4, nullptr, &fitted);
  ASSERT_EQ(fitted.size(), 3 * kSmoothingParamCount);
  const SmoothingSpec specs[3] = {{Trend::None}, {Trend::Linear}, {Trend::Damped}};
  for (std::size_t k = 0; k < 4; ++k) {
    double sum = 0;
    for (std::size_t i = 0; i < 3; ++i)
      sum += forecastSmoothing(y, specs[i], smoothingFromParams(fitted, i * kSmoothingParamCount), 4).mean[k];
    EXPECT_NEAR(comb.mean[k], sum / 3, 1e-9);
  }
}

TEST(ForecastDecomposition, SeasonalSeriesIsDetectedAndIndexed) {
  // Ratios 0.5 / 1.5 alternate around a flat level: the index recovers them, the test says seasonal.
  std::vector<double> y;
  for (int t = 0; t < 24; ++t) y.push_back(t % 2 == 0 ? 50 : 150);
  EXPECT_TRUE(seasonalityTest(y, 2));
  const SeasonalIndex index = seasonalAdjustment(y, 2);
  ASSERT_TRUE(index.seasonal);
  EXPECT_NEAR(index.index[0], 0.5, 1e-12);
  EXPECT_NEAR(index.index[1], 1.5, 1e-12);
  std::vector<double> flat(24, 7.0);
  EXPECT_FALSE(seasonalityTest(flat, 2));
}

}  // namespace
}  // namespace salesops::forecast
