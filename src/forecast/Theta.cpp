#include "forecast/Theta.h"

#include <cmath>

#include "forecast/Decomposition.h"
#include "forecast/ExpSmoothing.h"

namespace salesops::forecast {
namespace {

std::vector<double> adjusted(std::span<const double> y, const SeasonalIndex& index) {
  std::vector<double> x(y.size());
  for (std::size_t t = 0; t < y.size(); ++t) x[t] = index.adjust(y[t], t);
  return x;
}

void reseason(ForecastPath& path, const SeasonalIndex& index, std::size_t n) {
  for (std::size_t k = 0; k < path.mean.size(); ++k) {
    path.mean[k] = index.reseason(path.mean[k], n + k);
    path.sd[k] *= index.scale(n + k);
  }
}

double leastSquaresSlope(std::span<const double> x) {
  const std::size_t n = x.size();
  if (n < 2) return 0;
  const double tMean = (static_cast<double>(n) - 1) / 2;
  double xMean = 0;
  for (double v : x) xMean += v;
  xMean /= static_cast<double>(n);
  double sxy = 0, sxx = 0;
  for (std::size_t t = 0; t < n; ++t) {
    sxy += (static_cast<double>(t) - tMean) * (x[t] - xMean);
    sxx += (static_cast<double>(t) - tMean) * (static_cast<double>(t) - tMean);
  }
  return sxy / sxx;
}

SmoothingParams fitOrReuse(std::span<const double> x, const SmoothingSpec& spec, const Params* fixed,
                           std::size_t slot) {
  if (fixed && fixed->size() >= (slot + 1) * kSmoothingParamCount)
    return smoothingFromParams(*fixed, slot * kSmoothingParamCount);
  return fitSmoothing(x, spec);
}

}  // namespace

ForecastPath thetaForecast(std::span<const double> y, int m, int h, const Params* fixed, Params* fitted) {
  const SeasonalIndex index = seasonalAdjustment(y, m);
  const std::vector<double> x = adjusted(y, index);
  const SmoothingSpec spec{};
  const SmoothingParams ses = fitOrReuse(x, spec, fixed, 0);
  if (fitted) *fitted = toParams(ses);
  ForecastPath path = forecastSmoothing(x, spec, ses, h);
  const double drift = leastSquaresSlope(x) / 2;
  const double n = static_cast<double>(x.size());
  const double catchUp = (1 - std::pow(1 - ses.alpha, n)) / ses.alpha;
  for (int k = 1; k <= h; ++k) path.mean[static_cast<std::size_t>(k - 1)] += drift * ((k - 1) + catchUp);
  reseason(path, index, y.size());
  path.used = Method::Theta;
  return path;
}

ForecastPath combForecast(std::span<const double> y, int m, int h, const Params* fixed, Params* fitted) {
  const SeasonalIndex index = seasonalAdjustment(y, m);
  const std::vector<double> x = adjusted(y, index);
  const SmoothingSpec specs[3] = {{Trend::None}, {Trend::Linear}, {Trend::Damped}};
  ForecastPath path;
  path.mean.assign(static_cast<std::size_t>(h), 0.0);
  path.sd.assign(static_cast<std::size_t>(h), 0.0);
  if (fitted) fitted->clear();
  for (std::size_t i = 0; i < 3; ++i) {
    const SmoothingParams params = fitOrReuse(x, specs[i], fixed, i);
    if (fitted) {
      const Params p = toParams(params);
      fitted->insert(fitted->end(), p.begin(), p.end());
    }
    const ForecastPath one = forecastSmoothing(x, specs[i], params, h);
    for (std::size_t k = 0; k < one.mean.size(); ++k) {
      path.mean[k] += one.mean[k] / 3;
      path.sd[k] += one.sd[k] / 3;
    }
  }
  reseason(path, index, y.size());
  path.used = Method::Comb;
  return path;
}

}  // namespace salesops::forecast
