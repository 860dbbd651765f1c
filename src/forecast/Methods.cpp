#include "forecast/Methods.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "forecast/ExpSmoothing.h"
#include "forecast/LinearSeasonal.h"
#include "forecast/SimpleMethods.h"
#include "forecast/Theta.h"

namespace salesops::forecast {
namespace {

struct Name {
  Method method;
  std::string_view name;
};

constexpr std::array kNames{
    Name{Method::SeasonalNaive, "seasonal_naive"},
    Name{Method::Naive, "naive"},
    Name{Method::Drift, "drift"},
    Name{Method::LinearSeasonal, "linear_seasonal"},
    Name{Method::LinearTrend, "linear_trend"},
    Name{Method::HwAdditive, "hw_additive"},
    Name{Method::HwMultiplicative, "hw_multiplicative"},
    Name{Method::HwAdditiveDamped, "hw_additive_damped"},
    Name{Method::HwMultiplicativeDamped, "hw_multiplicative_damped"},
    Name{Method::Ses, "ses"},
    Name{Method::Holt, "holt"},
    Name{Method::HoltDamped, "holt_damped"},
    Name{Method::Theta, "theta"},
    Name{Method::Comb, "comb"},
    Name{Method::Auto, "auto"},
};

struct SmoothingMethod {
  SmoothingSpec spec;
  Method seasonalUsed;
  Method fallback;  // when the series is too short for the season
};

SmoothingMethod smoothingMethod(Method method, int m) {
  switch (method) {
    case Method::HwAdditive:
      return {{Trend::Linear, Seasonality::Additive, m}, method, Method::Holt};
    case Method::HwMultiplicative:
      return {{Trend::Linear, Seasonality::Multiplicative, m}, method, Method::Holt};
    case Method::HwAdditiveDamped:
      return {{Trend::Damped, Seasonality::Additive, m}, method, Method::HoltDamped};
    case Method::HwMultiplicativeDamped:
      return {{Trend::Damped, Seasonality::Multiplicative, m}, method, Method::HoltDamped};
    case Method::Holt:
      return {{Trend::Linear}, method, method};
    case Method::HoltDamped:
      return {{Trend::Damped}, method, method};
    default:
      return {{Trend::None}, Method::Ses, Method::Ses};
  }
}

bool finite(const ForecastPath& path) {
  for (std::size_t k = 0; k < path.mean.size(); ++k) {
    if (!std::isfinite(path.mean[k]) || !std::isfinite(path.sd[k])) return false;
  }
  return true;
}

ForecastPath runSmoothing(Method method, std::span<const double> y, int m, int h, const Params* fixed, Params* fitted) {
  SmoothingMethod chosen = smoothingMethod(method, m);
  if (chosen.spec.season == Seasonality::Multiplicative && !smoothingFeasible(y, chosen.spec)) {
    // Ratios need positive values; the additive model of the same trend is the honest substitute.
    const Method additive = chosen.spec.trend == Trend::Damped ? Method::HwAdditiveDamped : Method::HwAdditive;
    chosen = smoothingMethod(additive, m);
  }
  if (m <= 1 || !smoothingFeasible(y, chosen.spec)) chosen = smoothingMethod(chosen.fallback, m);
  const SmoothingParams params =
      fixed && fixed->size() == kSmoothingParamCount ? smoothingFromParams(*fixed) : fitSmoothing(y, chosen.spec);
  if (fitted) *fitted = toParams(params);
  ForecastPath path = forecastSmoothing(y, chosen.spec, params, h);
  path.used = chosen.seasonalUsed;
  if (chosen.spec.season == Seasonality::Multiplicative && !finite(path)) {
    // Positive data can still drive a multiplicative recursion non-positive (a steep fall from the start).
    const Method additive = chosen.spec.trend == Trend::Damped ? Method::HwAdditiveDamped : Method::HwAdditive;
    return runSmoothing(additive, y, m, h, nullptr, fitted);
  }
  return path;
}

}  // namespace

std::string_view methodName(Method method) {
  for (const auto& entry : kNames) {
    if (entry.method == method) return entry.name;
  }
  return "unknown";
}

std::optional<Method> parseMethod(std::string_view name) {
  for (const auto& entry : kNames) {
    if (entry.name == name) return entry.method;
  }
  return std::nullopt;
}

const std::vector<Method>& publicMethods() {
  static const std::vector<Method> methods{Method::SeasonalNaive,
                                           Method::Drift,
                                           Method::LinearSeasonal,
                                           Method::HwAdditive,
                                           Method::HwMultiplicative,
                                           Method::HwAdditiveDamped,
                                           Method::HwMultiplicativeDamped,
                                           Method::Theta,
                                           Method::Comb};
  return methods;
}

Forecast withIntervals(const ForecastPath& path) {
  // Two-sided normal quantiles for 80% and 95% coverage.
  constexpr double z80 = 1.2815515655446004, z95 = 1.959963984540054;
  Forecast f;
  f.method = path.used;
  f.mean = path.mean;
  for (std::size_t k = 0; k < path.mean.size(); ++k) {
    f.lo80.push_back(path.mean[k] - z80 * path.sd[k]);
    f.hi80.push_back(path.mean[k] + z80 * path.sd[k]);
    f.lo95.push_back(path.mean[k] - z95 * path.sd[k]);
    f.hi95.push_back(path.mean[k] + z95 * path.sd[k]);
  }
  return f;
}

ForecastPath runMethod(Method method, std::span<const double> y, int m, int h, const Params* fixed, Params* fitted) {
  if (y.empty() || h < 1) throw std::invalid_argument("runMethod needs a non-empty series and h >= 1");
  if (fitted) fitted->clear();
  m = std::max(m, 1);
  ForecastPath path;
  switch (method) {
    case Method::SeasonalNaive:
      path = seasonalNaiveForecast(y, m, h);
      break;
    case Method::Naive:
      path = naiveForecast(y, h);
      break;
    case Method::Drift:
      path = driftForecast(y, h);
      break;
    case Method::LinearSeasonal:
      path = linearSeasonalForecast(y, m, h);
      break;
    case Method::LinearTrend:
      path = linearSeasonalForecast(y, 1, h);
      break;
    case Method::Theta:
      path = thetaForecast(y, m, h, fixed, fitted);
      break;
    case Method::Comb:
      path = combForecast(y, m, h, fixed, fitted);
      break;
    case Method::Auto:
      throw std::invalid_argument("runMethod: Auto is chosen by forecastAuto");
    default:
      path = runSmoothing(method, y, m, h, fixed, fitted);
      break;
  }
  if (!finite(path)) path = naiveForecast(y, h);
  if (!finite(path)) {
    // Only infinities in the input can get here; report a flat zero-width path rather than NaN.
    path.mean.assign(static_cast<std::size_t>(h), 0.0);
    path.sd.assign(static_cast<std::size_t>(h), 0.0);
  }
  return path;
}

}  // namespace salesops::forecast
