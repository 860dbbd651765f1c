#pragma once
// Shared types of the statistical forecasting engine (src/forecast). Everything here is a pure function of
// its inputs: series come in as plain doubles in time order, one value per period, with a season length m
// (12 for months, 4 for quarters, 1 for none). No database, no clock, no logging in the hot paths; safe to
// call from several threads at once on different series.
#include <optional>
#include <string_view>
#include <vector>

namespace salesops::forecast {

enum class Method {
  SeasonalNaive,
  Naive,
  Drift,
  LinearSeasonal,
  LinearTrend,  // the fallback of LinearSeasonal on series shorter than two seasons
  HwAdditive,
  HwMultiplicative,
  HwAdditiveDamped,
  HwMultiplicativeDamped,
  Ses,
  Holt,
  HoltDamped,
  Theta,
  Comb,
  Auto,
};

// The CLI and CSV name, e.g. "hw_additive_damped".
std::string_view methodName(Method method);
// Parses every name methodName() produces; nullopt for anything else.
std::optional<Method> parseMethod(std::string_view name);
// The methods the CLI accepts for --method besides auto, in documentation order.
const std::vector<Method>& publicMethods();

// Fitted parameters of a method, opaque to callers: passing them back to runMethod() re-runs the method on a
// longer (or the same) prefix of the same series without refitting; the rolling-origin backtest relies on it.
using Params = std::vector<double>;

// Point forecasts and the standard deviation of the forecast error for horizons 1..h.
struct ForecastPath {
  std::vector<double> mean;
  std::vector<double> sd;
  Method used = Method::Naive;  // the method actually run (a fallback on short or non-positive series)
};

// A forecast with its 80% and 95% prediction intervals (mean ± z·sd, normal errors assumed).
struct Forecast {
  Method method = Method::Naive;
  std::vector<double> mean, lo80, hi80, lo95, hi95;
};

Forecast withIntervals(const ForecastPath& path);

}  // namespace salesops::forecast
