#include "forecast/Accuracy.h"

#include <cmath>
#include <limits>

namespace salesops::forecast {
namespace {

double laggedMae(std::span<const double> y, std::size_t lag) {
  if (lag == 0 || y.size() <= lag) return 0;
  double sum = 0;
  for (std::size_t t = lag; t < y.size(); ++t) sum += std::abs(y[t] - y[t - lag]);
  return sum / static_cast<double>(y.size() - lag);
}

}  // namespace

double maseScale(std::span<const double> history, int m) {
  const std::size_t lag = m > 1 && history.size() > static_cast<std::size_t>(m) ? static_cast<std::size_t>(m) : 1;
  double scale = laggedMae(history, lag);
  if (scale > 0) return scale;
  scale = laggedMae(history, 1);
  if (scale > 0) return scale;
  double sum = 0;
  for (double v : history) sum += std::abs(v);
  scale = history.empty() ? 0 : sum / static_cast<double>(history.size());
  return scale > 0 ? scale : 1.0;
}

Accuracy accuracy(std::span<const double> actual, std::span<const double> forecast, double scale) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Accuracy a;
  double ape = 0, sape = 0, absError = 0, absActual = 0, error = 0;
  std::size_t nonZero = 0;
  const std::size_t n = actual.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double e = forecast[i] - actual[i];
    absError += std::abs(e);
    absActual += std::abs(actual[i]);
    error += e;
    if (actual[i] != 0) {
      ape += std::abs(e) / std::abs(actual[i]);
      ++nonZero;
    }
    const double denominator = std::abs(actual[i]) + std::abs(forecast[i]);
    if (denominator > 0) sape += 2 * std::abs(e) / denominator;
  }
  const double count = static_cast<double>(n);
  a.mape = nonZero > 0 ? 100 * ape / static_cast<double>(nonZero) : nan;
  a.smape = n > 0 ? 100 * sape / count : nan;
  a.wape = absActual > 0 ? 100 * absError / absActual : nan;
  a.mase = n > 0 && scale > 0 ? absError / count / scale : nan;
  a.bias = n > 0 ? error / count : nan;
  return a;
}

}  // namespace salesops::forecast
