// The benchmark methods, the regression method and the accuracy measures against values worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "forecast/Accuracy.h"
#include "forecast/LinearSeasonal.h"
#include "forecast/Methods.h"
#include "forecast/SimpleMethods.h"

namespace salesops::forecast {
namespace {

TEST(ForecastSimple, SeasonalNaiveRepeatsTheLastCycle) {
  // m = 4, two cycles. Every seasonal difference y_t - y_{t-4} is 4, so σ = √(4·4² / 4) = 4.
  // h = 1..4 repeat 5 6 7 8 with sd 4; h = 5, 6 reach one cycle further: sd 4·√2.
  const std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 8};
  const ForecastPath p = seasonalNaiveForecast(y, 4, 6);
  EXPECT_EQ(p.used, Method::SeasonalNaive);
  EXPECT_EQ(p.mean, (std::vector<double>{5, 6, 7, 8, 5, 6}));
  for (int k = 0; k < 4; ++k) EXPECT_NEAR(p.sd[k], 4.0, 1e-12);
  EXPECT_NEAR(p.sd[4], 4 * std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(p.sd[5], 4 * std::sqrt(2.0), 1e-12);
}

TEST(ForecastSimple, SeasonalNaiveNeedsTwoSeasons) {
  const std::vector<double> y{3, 1, 4, 1, 5};
  const ForecastPath p = seasonalNaiveForecast(y, 4, 2);
  EXPECT_EQ(p.used, Method::Naive);
  EXPECT_EQ(p.mean, (std::vector<double>{5, 5}));
}

TEST(ForecastSimple, NaiveByHand) {
  // Steps 2, -1, 4: σ² = (4 + 1 + 16) / 3 = 7; sd_h = √(7h).
  const std::vector<double> y{10, 12, 11, 15};
  const ForecastPath p = naiveForecast(y, 2);
  EXPECT_EQ(p.mean, (std::vector<double>{15, 15}));
  EXPECT_NEAR(p.sd[0], std::sqrt(7.0), 1e-12);
  EXPECT_NEAR(p.sd[1], std::sqrt(14.0), 1e-12);
}

TEST(ForecastSimple, DriftByHand) {
  // Slope (15 - 10) / 3 = 5/3: forecasts 15 + 5/3 = 16.667, 18.333, 20.
  // Residuals 2 - 5/3, -1 - 5/3, 4 - 5/3 = 1/3, -8/3, 7/3; σ² = (1 + 64 + 49) / 9 / (4 - 2) = 19/3.
  // sd_1 = √(19/3 · 1 · (1 + 1/3)) = √(76/9).
  const std::vector<double> y{10, 12, 11, 15};
  const ForecastPath p = driftForecast(y, 3);
  EXPECT_EQ(p.used, Method::Drift);
  EXPECT_NEAR(p.mean[0], 50.0 / 3, 1e-12);
  EXPECT_NEAR(p.mean[1], 55.0 / 3, 1e-12);
  EXPECT_NEAR(p.mean[2], 20.0, 1e-12);
  EXPECT_NEAR(p.sd[0], std::sqrt(76.0 / 9), 1e-12);
  EXPECT_NEAR(p.sd[2], std::sqrt(19.0 / 3 * 3 * 2), 1e-12);
}

TEST(ForecastLinear, ExactTrendPlusSeasonIsReproduced) {
  // y_t = 5 + 2t + s[t mod 4], s = {0, 3, -1, 7}, three cycles. Next cycle:
  // t=12: 5+24+0 = 29, t=13: 5+26+3 = 34, t=14: 5+28-1 = 32, t=15: 5+30+7 = 42; no residual, sd 0.
  const double season[4] = {0, 3, -1, 7};
  std::vector<double> y;
  for (int t = 0; t < 12; ++t) y.push_back(5 + 2 * t + season[t % 4]);
  const ForecastPath p = linearSeasonalForecast(y, 4, 4);
  EXPECT_EQ(p.used, Method::LinearSeasonal);
  const double expected[4] = {29, 34, 32, 42};
  for (int k = 0; k < 4; ++k) {
    EXPECT_NEAR(p.mean[k], expected[k], 1e-9);
    EXPECT_NEAR(p.sd[k], 0.0, 1e-6);
  }
}

TEST(ForecastLinear, ShortSeriesDropsTheDummies) {
  // A straight line 1, 3, 5, 7, 9 (shorter than two seasons of 12) continues as 11, 13.
  const std::vector<double> y{1, 3, 5, 7, 9};
  const ForecastPath p = linearSeasonalForecast(y, 12, 2);
  EXPECT_EQ(p.used, Method::LinearTrend);
  EXPECT_NEAR(p.mean[0], 11, 1e-9);
  EXPECT_NEAR(p.mean[1], 13, 1e-9);
}

TEST(ForecastAccuracy, MeasuresByHand) {
  // actual 100 200 50, forecast 110 180 50: errors (forecast - actual) 10, -20, 0.
  // MAPE  = (10/100 + 20/200 + 0) / 3 · 100 = 6.6667
  // sMAPE = (200·10/210 + 200·20/380 + 0) / 3 = (9.5238 + 10.5263) / 3 = 6.6834
  // WAPE  = 30 / 350 · 100 = 8.5714;  MASE with scale 5 = (30/3) / 5 = 2;  bias = -10/3.
  const std::vector<double> actual{100, 200, 50}, forecast{110, 180, 50};
  const Accuracy a = accuracy(actual, forecast, 5.0);
  EXPECT_NEAR(a.mape, 20.0 / 3, 1e-9);
  EXPECT_NEAR(a.smape, (2000.0 / 210 + 4000.0 / 380) / 3, 1e-9);
  EXPECT_NEAR(a.wape, 3000.0 / 350, 1e-9);
  EXPECT_NEAR(a.mase, 2.0, 1e-12);
  EXPECT_NEAR(a.bias, -10.0 / 3, 1e-12);
}

TEST(ForecastAccuracy, ZerosAreHandled) {
  // MAPE skips the zero actual: only |2 - 4| / 4 counts, 50%. sMAPE's 0/0 term counts as 0: (0 + 200·2/6)/2.
  const std::vector<double> actual{0, 4}, forecast{0, 2};
  const Accuracy a = accuracy(actual, forecast, 1.0);
  EXPECT_NEAR(a.mape, 50.0, 1e-12);
  EXPECT_NEAR(a.smape, 200.0 * 2 / 6 / 2, 1e-12);
  const std::vector<double> zeros{0, 0};
  const Accuracy z = accuracy(zeros, forecast, 1.0);
  EXPECT_TRUE(std::isnan(z.mape));
  EXPECT_TRUE(std::isnan(z.wape));
}

TEST(ForecastAccuracy, MaseScaleIsSeasonalNaiveMae) {
  // Lag-4 differences of 1 2 3 4 6 8 10 12: 5 6 7 8, mean 6.5.
  const std::vector<double> y{1, 2, 3, 4, 6, 8, 10, 12};
  EXPECT_NEAR(maseScale(y, 4), 6.5, 1e-12);
  // Not longer than a season: lag 1, mean step (1+1+1)/3.
  const std::vector<double> shortY{1, 2, 3, 4};
  EXPECT_NEAR(maseScale(shortY, 4), 1.0, 1e-12);
  // Constant: both lags give 0, so the mean absolute value 5 keeps MASE finite.
  const std::vector<double> flat{5, 5, 5, 5, 5};
  EXPECT_NEAR(maseScale(flat, 2), 5.0, 1e-12);
}

TEST(ForecastMethods, NamesRoundTrip) {
  for (const Method m : publicMethods()) EXPECT_EQ(parseMethod(methodName(m)), m);
  EXPECT_EQ(parseMethod("auto"), Method::Auto);
  EXPECT_FALSE(parseMethod("arima").has_value());
}

}  // namespace
}  // namespace salesops::forecast
