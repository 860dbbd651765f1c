#include "forecast/SimpleMethods.h"

#include <cmath>

namespace salesops::forecast {

ForecastPath naiveForecast(std::span<const double> y, int h) {
  const std::size_t n = y.size();
  double ss = 0;
  for (std::size_t t = 1; t < n; ++t) ss += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
  const double sigma = n > 1 ? std::sqrt(ss / static_cast<double>(n - 1)) : 0.0;
  ForecastPath path;
  path.used = Method::Naive;
  for (int k = 1; k <= h; ++k) {
    path.mean.push_back(y[n - 1]);
    path.sd.push_back(sigma * std::sqrt(static_cast<double>(k)));
  }
  return path;
}

ForecastPath seasonalNaiveForecast(std::span<const double> y, int m, int h) {
  const std::size_t n = y.size();
  if (m <= 1 || n < 2 * static_cast<std::size_t>(m)) return naiveForecast(y, h);
  const auto lag = static_cast<std::size_t>(m);
  double ss = 0;
  for (std::size_t t = lag; t < n; ++t) ss += (y[t] - y[t - lag]) * (y[t] - y[t - lag]);
  const double sigma = std::sqrt(ss / static_cast<double>(n - lag));
  ForecastPath path;
  path.used = Method::SeasonalNaive;
  for (int k = 1; k <= h; ++k) {
    // Horizon k repeats the observation at the same position of the last observed cycle.
    const std::size_t back = lag - static_cast<std::size_t>((k - 1) % m);
    path.mean.push_back(y[n - back]);
    path.sd.push_back(sigma * std::sqrt(static_cast<double>((k - 1) / m + 1)));
  }
  return path;
}

ForecastPath driftForecast(std::span<const double> y, int h) {
  const std::size_t n = y.size();
  if (n < 2) return naiveForecast(y, h);
  const double steps = static_cast<double>(n - 1);
  const double slope = (y[n - 1] - y[0]) / steps;
  double ss = 0;
  for (std::size_t t = 1; t < n; ++t) {
    const double e = y[t] - y[t - 1] - slope;
    ss += e * e;
  }
  // One degree of freedom goes to the slope.
  const double sigma = n > 2 ? std::sqrt(ss / static_cast<double>(n - 2)) : 0.0;
  ForecastPath path;
  path.used = Method::Drift;
  for (int k = 1; k <= h; ++k) {
    const double hk = static_cast<double>(k);
    path.mean.push_back(y[n - 1] + hk * slope);
    path.sd.push_back(sigma * std::sqrt(hk * (1 + hk / steps)));
  }
  return path;
}

}  // namespace salesops::forecast
