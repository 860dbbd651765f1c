#pragma once
// Exponential smoothing in the classical Holt–Winters form: simple exponential smoothing, Holt's linear
// trend, damped trend, and Holt–Winters with additive or multiplicative seasonality, each trend optionally
// damped. Parameters (alpha, beta, gamma, phi) are fitted by minimising the in-sample one-step-ahead sum of
// squared errors with a bounded Nelder–Mead. SES also fits its initial level (cheap, and with a small alpha a
// noisy first value would otherwise stick); Holt and damped start from the least-squares line through the
// first ten values; seasonal models take their initial states from the first two seasons (initialStates).
//
// Prediction intervals use the linear state-space result var_h = σ² (1 + Σ_{j<h} c_j²) with
// c_j = α (1 + β Σ_{i=1..j} φ^i) + γ (1 - α) [j mod m = 0] (Hyndman et al. 2008, class 1); for
// multiplicative seasonality the same factor scales the relative one-step error, an approximation.
#include <span>

#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

enum class Trend { None, Linear, Damped };
enum class Seasonality { None, Additive, Multiplicative };

struct SmoothingSpec {
  Trend trend = Trend::None;
  Seasonality season = Seasonality::None;
  int m = 1;  // season length, used only when season != None
};

// beta and gamma are the classical Holt–Winters smoothing weights in [0, 1] (beta weighs the new slope
// l_t - l_{t-1}, gamma the new seasonal y_t - l_t or y_t / l_t). phi is 1 for an undamped trend.
struct SmoothingParams {
  double alpha = 0.3, beta = 0.1, gamma = 0.1, phi = 1.0;
  double level0 = 0, trend0 = 0;  // non-seasonal models only: the states before the first observation
};

// Whether `spec` can run on y: seasonal needs two full seasons, multiplicative strictly positive values.
bool smoothingFeasible(std::span<const double> y, const SmoothingSpec& spec);

// In-sample one-step sum of squared errors; +inf when a multiplicative recursion leaves positive values.
double smoothingSse(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& params);

// Precondition: smoothingFeasible(y, spec) and y non-empty.
SmoothingParams fitSmoothing(std::span<const double> y, const SmoothingSpec& spec);

// Runs the recursion through y with `params` and forecasts horizons 1..h. `used` is left as Ses.
ForecastPath forecastSmoothing(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& params,
                               int h);

Params toParams(const SmoothingParams& p);
SmoothingParams smoothingFromParams(const Params& values, std::size_t offset = 0);
inline constexpr std::size_t kSmoothingParamCount = 6;

}  // namespace salesops::forecast
