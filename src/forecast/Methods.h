#pragma once
// One entry point for every method: fits it to a series (or reuses fitted parameters) and forecasts.
#include <span>

#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

// Runs `method` (not Auto) on y with season length m for horizons 1..h (h >= 1, y non-empty).
// With `fixed` (parameters a previous call returned through `fitted`), nothing is refitted: the states are
// re-run through y. Falls back on what the data cannot support and says so in ForecastPath::used:
// seasonal methods need two full seasons (else their non-seasonal counterpart), multiplicative ones strictly
// positive values (else the additive one). Never returns non-finite numbers: a method whose arithmetic
// fails falls back to naive.
ForecastPath runMethod(Method method, std::span<const double> y, int m, int h, const Params* fixed = nullptr,
                       Params* fitted = nullptr);

}  // namespace salesops::forecast
