#pragma once
// Forecast accuracy measures. Percentages are in percent (12.5 means 12.5%). A measure that is undefined
// for the data (MAPE over all-zero actuals, MASE with a zero scale) is NaN; callers print it as empty.
#include <span>

namespace salesops::forecast {

struct Accuracy {
  double mape = 0;   // mean |actual - forecast| / |actual| × 100 over the non-zero actuals
  double smape = 0;  // mean 200 |actual - forecast| / (|actual| + |forecast|); 0 for a 0/0 term
  double wape = 0;   // Σ |actual - forecast| / Σ |actual| × 100
  double mase = 0;   // mean |actual - forecast| / scale (see maseScale)
  double bias = 0;   // mean (forecast - actual): positive means the method over-forecasts
};

// The MASE denominator: the in-sample mean absolute error of the seasonal naive method (lag m) on
// `history`; lag 1 when the history is not longer than one season or m <= 1. When that is zero (a constant
// or exactly periodic history) the lag-1 MAE is tried, then the mean absolute value, then 1, so MASE stays
// finite and still ranks methods on such series.
double maseScale(std::span<const double> history, int m);

// Measures of `forecast` against `actual` (same length, at least 1).
Accuracy accuracy(std::span<const double> actual, std::span<const double> forecast, double scale);

}  // namespace salesops::forecast
