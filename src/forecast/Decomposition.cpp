#include "forecast/Decomposition.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace salesops::forecast {

double SeasonalIndex::adjust(double value, std::size_t t) const {
  if (!seasonal) return value;
  const double s = index[t % index.size()];
  return multiplicative ? value / s : value - s;
}

double SeasonalIndex::reseason(double value, std::size_t t) const {
  if (!seasonal) return value;
  const double s = index[t % index.size()];
  return multiplicative ? value * s : value + s;
}

double SeasonalIndex::scale(std::size_t t) const { return seasonal && multiplicative ? index[t % index.size()] : 1.0; }

bool seasonalityTest(std::span<const double> y, int m) {
  const std::size_t n = y.size();
  if (m <= 1 || n < 3 * static_cast<std::size_t>(m)) return false;
  const double mean = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
  double variance = 0;
  for (double v : y) variance += (v - mean) * (v - mean);
  if (!(variance > 0)) return false;
  const auto acf = [&](std::size_t lag) {
    double sum = 0;
    for (std::size_t t = lag; t < n; ++t) sum += (y[t] - mean) * (y[t - lag] - mean);
    return sum / variance;
  };
  double sumSquares = 0;
  for (std::size_t k = 1; k < static_cast<std::size_t>(m); ++k) sumSquares += acf(k) * acf(k);
  const double limit = 1.645 * std::sqrt((1 + 2 * sumSquares) / static_cast<double>(n));
  return std::abs(acf(static_cast<std::size_t>(m))) > limit;
}

SeasonalIndex classicalDecomposition(std::span<const double> y, int m, bool multiplicative) {
  SeasonalIndex result;
  result.multiplicative = multiplicative;
  const std::size_t n = y.size();
  const auto len = static_cast<std::size_t>(m);
  if (m <= 1 || n < 2 * len) return result;
  // Centred moving average: a 2×m average for even m so each window is centred on an observation.
  const std::size_t half = len / 2;
  std::vector<double> sums(len, 0.0);
  std::vector<int> counts(len, 0);
  for (std::size_t t = half; t + half < n; ++t) {
    double trend = 0;
    if (len % 2 == 0) {
      trend = 0.5 * (y[t - half] + y[t + half]);
      for (std::size_t i = t - half + 1; i < t + half; ++i) trend += y[i];
    } else {
      for (std::size_t i = t - half; i <= t + half; ++i) trend += y[i];
    }
    trend /= static_cast<double>(m);
    if (multiplicative && !(trend > 0)) continue;
    sums[t % len] += multiplicative ? y[t] / trend : y[t] - trend;
    ++counts[t % len];
  }
  result.index.assign(len, multiplicative ? 1.0 : 0.0);
  for (std::size_t j = 0; j < len; ++j) {
    if (counts[j] > 0) result.index[j] = sums[j] / counts[j];
  }
  const double mean = std::accumulate(result.index.begin(), result.index.end(), 0.0) / static_cast<double>(m);
  for (double& v : result.index) v = multiplicative ? v / mean : v - mean;
  if (multiplicative && std::any_of(result.index.begin(), result.index.end(), [](double v) { return !(v > 0); }))
    return SeasonalIndex{};
  result.seasonal = true;
  return result;
}

SeasonalIndex seasonalAdjustment(std::span<const double> y, int m) {
  if (!seasonalityTest(y, m)) return SeasonalIndex{};
  const bool positive = std::all_of(y.begin(), y.end(), [](double v) { return v > 0; });
  return classicalDecomposition(y, m, positive);
}

}  // namespace salesops::forecast
