#pragma once
// The benchmark methods: naive (random walk), seasonal naive and random walk with drift. Their error
// standard deviations follow the usual closed forms (Hyndman & Athanasopoulos, FPP3 §5.5) from the
// in-sample one-step residuals.
#include <span>

#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

// Last value repeated; sd_h = σ √h. Needs y non-empty.
ForecastPath naiveForecast(std::span<const double> y, int h);
// Value of the same season one cycle back; sd_h = σ √(⌊(h-1)/m⌋ + 1). Falls back to naive (used = Naive)
// when the series has fewer than two seasons or m <= 1.
ForecastPath seasonalNaiveForecast(std::span<const double> y, int m, int h);
// Last value plus h × the mean step (y_n - y_1)/(n-1); sd_h = σ √(h (1 + h/(n-1))).
ForecastPath driftForecast(std::span<const double> y, int h);

}  // namespace salesops::forecast
