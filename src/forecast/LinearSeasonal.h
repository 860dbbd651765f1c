#pragma once
// Linear trend plus seasonal dummies by least squares: y_t = a + b·t + Σ_j d_j [t mod m = j] + e_t (the
// first season position is the baseline). The intervals are the regression prediction intervals
// sd_h = σ √(1 + x_hᵀ (XᵀX)⁻¹ x_h), σ² = RSS / (n - p).
#include <span>

#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

// With fewer than two seasons (or m <= 1) the dummies are dropped: a straight line (used = LinearTrend).
ForecastPath linearSeasonalForecast(std::span<const double> y, int m, int h);

}  // namespace salesops::forecast
