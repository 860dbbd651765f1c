// Properties of every method and of the automatic choice: intervals that widen, fallbacks on awkward
// data, NaN-free output, determinism and the backtest bookkeeping.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>
#include <vector>

#include "forecast/AutoForecast.h"
#include "forecast/Methods.h"

namespace salesops::forecast {
namespace {

std::vector<double> seasonalSeries(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, 4);
  std::vector<double> y;
  for (std::size_t t = 0; t < n; ++t)
    y.push_back(200 + 1.5 * static_cast<double>(t) + 30 * std::sin(6.283185307179586 * static_cast<double>(t) / 12) +
                noise(rng));
  return y;
}

void expectFinite(const Forecast& f) {
  for (std::size_t k = 0; k < f.mean.size(); ++k) {
    ASSERT_TRUE(std::isfinite(f.mean[k]) && std::isfinite(f.lo95[k]) && std::isfinite(f.hi95[k]) &&
                std::isfinite(f.lo80[k]) && std::isfinite(f.hi80[k]))
        << methodName(f.method) << " h=" << k + 1;
  }
}

TEST(ForecastIntervals, NestAndWidenWithHorizon) {
  const auto y = seasonalSeries(72, 7);
  std::vector<Method> methods = publicMethods();
  methods.push_back(Method::Auto);
  for (const Method method : methods) {
    const Forecast f = forecastSeries(method, y, 12, 36);
    ASSERT_EQ(f.mean.size(), 36u);
    expectFinite(f);
    for (std::size_t k = 0; k < 36; ++k) {
      EXPECT_LE(f.lo95[k], f.lo80[k]);
      EXPECT_LE(f.lo80[k], f.mean[k]);
      EXPECT_LE(f.mean[k], f.hi80[k]);
      EXPECT_LE(f.hi80[k], f.hi95[k]);
    }
    // Same season one cycle later is never narrower (seasonal naive and the dummies make widths repeat
    // within a cycle), and three cycles out is strictly wider than one step.
    const auto width = [&](std::size_t k) { return f.hi95[k] - f.lo95[k]; };
    for (std::size_t k = 0; k + 12 < 36; ++k) EXPECT_GE(width(k + 12), width(k) - 1e-9) << methodName(method);
    EXPECT_GT(width(35), width(0)) << methodName(method);
  }
}

TEST(ForecastFallbacks, ShortSeriesUseNonSeasonalMethods) {
  const std::vector<double> y{12, 15, 11, 17, 14, 18, 16, 19, 18, 21};  // under two seasons of 12
  EXPECT_EQ(forecastSeries(Method::SeasonalNaive, y, 12, 3).method, Method::Naive);
  EXPECT_EQ(forecastSeries(Method::LinearSeasonal, y, 12, 3).method, Method::LinearTrend);
  EXPECT_EQ(forecastSeries(Method::HwAdditive, y, 12, 3).method, Method::Holt);
  EXPECT_EQ(forecastSeries(Method::HwMultiplicativeDamped, y, 12, 3).method, Method::HoltDamped);
  for (const Method m : publicMethods()) expectFinite(forecastSeries(m, y, 12, 3));
  expectFinite(forecastSeries(Method::Auto, y, 12, 3));
}

TEST(ForecastFallbacks, MultiplicativeNeedsPositiveValues) {
  auto y = seasonalSeries(48, 3);
  y[10] = 0;
  EXPECT_EQ(forecastSeries(Method::HwMultiplicative, y, 12, 3).method, Method::HwAdditive);
  EXPECT_EQ(forecastSeries(Method::HwMultiplicativeDamped, y, 12, 3).method, Method::HwAdditiveDamped);
  for (double& v : y) v -= 400;  // all negative
  for (const Method m : publicMethods()) expectFinite(forecastSeries(m, y, 12, 6));
  expectFinite(forecastSeries(Method::Auto, y, 12, 6));
}

TEST(ForecastFallbacks, SteepPositiveDeclineStaysFinite) {
  // Positive, but the trend line through the first seasons crosses zero: ratios to it go negative.
  std::vector<double> y;
  for (int t = 0; t < 48; ++t) y.push_back(std::max(0.5, 1000.0 * std::exp(-0.15 * t)) * (t % 12 == 0 ? 3 : 1));
  std::vector<Method> methods = publicMethods();
  methods.push_back(Method::Auto);
  for (const Method m : methods) expectFinite(forecastSeries(m, y, 12, 12));
}

TEST(ForecastFallbacks, ConstantSeriesForecastsTheConstant) {
  const std::vector<double> y(40, 250.0);
  std::vector<Method> methods = publicMethods();
  methods.push_back(Method::Auto);
  for (const Method m : methods) {
    const Forecast f = forecastSeries(m, y, 12, 5);
    expectFinite(f);
    for (double v : f.mean) EXPECT_NEAR(v, 250.0, 1e-6) << methodName(m);
  }
}

TEST(ForecastFallbacks, TinySeries) {
  for (std::size_t n = 1; n <= 4; ++n) {
    const std::vector<double> y(n, 3.0);
    const Forecast f = forecastSeries(Method::Auto, y, 12, 4);
    expectFinite(f);
    EXPECT_NEAR(f.mean[3], 3.0, 1e-6);
  }
}

TEST(ForecastAuto, IsDeterministicAcrossRunsAndThreads) {
  const auto y = seasonalSeries(96, 11);
  const AutoResult first = forecastAuto(y, 12, 12);
  AutoResult second;
  std::thread worker([&] { second = forecastAuto(y, 12, 12); });
  worker.join();
  EXPECT_EQ(first.forecast.method, second.forecast.method);
  EXPECT_EQ(first.forecast.mean, second.forecast.mean);
  EXPECT_EQ(first.forecast.hi95, second.forecast.hi95);
}

TEST(ForecastAuto, ChoosesTheLowestBacktestMaseAmongTheCandidates) {
  const auto y = seasonalSeries(96, 5);
  const AutoResult r = forecastAuto(y, 12, 12, publicMethods());
  ASSERT_EQ(r.backtest.origins, 4);
  EXPECT_EQ(r.backtest.horizon, 12);
  EXPECT_EQ(r.backtest.scores.size(), publicMethods().size());
  double best = INFINITY, naive = INFINITY;
  Method bestMethod = Method::Naive;
  for (const auto& s : r.backtest.scores) {
    const bool candidate =
        std::find(autoCandidates().begin(), autoCandidates().end(), s.method) != autoCandidates().end();
    EXPECT_EQ(s.eligible, candidate) << methodName(s.method);
    if (s.eligible && s.accuracy.mase < best) {
      best = s.accuracy.mase;
      bestMethod = s.method;
    }
    if (s.method == Method::SeasonalNaive) naive = s.accuracy.mase;
  }
  EXPECT_EQ(r.backtest.chosen, bestMethod);
  EXPECT_EQ(r.forecast.method, bestMethod);
  // A clean seasonal series: the choice must beat seasonal naive in its own backtest.
  EXPECT_LT(best, naive);
  // Scoring only the candidates (the default) makes the same choice.
  EXPECT_EQ(forecastAuto(y, 12, 12).forecast.method, bestMethod);
}

TEST(ForecastAuto, ShortSeriesShrinksTheBacktest) {
  const std::vector<double> y{5, 6, 7, 6, 8, 9, 8, 10, 11};
  const Backtest b = backtest(y, 12, 6);
  EXPECT_EQ(b.horizon, 3);  // 9 values leave 3 after the minimum training of 6
  EXPECT_EQ(b.origins, 1);
}

}  // namespace
}  // namespace salesops::forecast
