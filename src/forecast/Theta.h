#pragma once
// The classic Theta method (Assimakopoulos & Nikolopoulos 2000) in the form shown equivalent to SES with
// drift by Hyndman & Billah (2003): seasonally adjust (Decomposition.h), fit SES, add half the slope b of
// the least-squares line through the adjusted series as drift, reseasonalise:
//   ŷ_{n+h} = ℓ_n + (b / 2) · ((h - 1) + (1 - (1 - α)^n) / α).
// Intervals are those of SES (σ √(1 + α² (h-1))), scaled by the seasonal index.
#include <span>

#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

// `fixed`: parameters from an earlier call (the SES part) to re-run without fitting; `fitted` receives them.
ForecastPath thetaForecast(std::span<const double> y, int m, int h, const Params* fixed = nullptr,
                           Params* fitted = nullptr);

// The "Comb S-H-D" benchmark of the M competitions: the mean of SES, Holt and damped-trend forecasts on the
// seasonally adjusted series, reseasonalised. Its sd is the mean of the three sds (the errors of the three
// are strongly correlated, so averaging the sds is closer to the truth than averaging variances).
ForecastPath combForecast(std::span<const double> y, int m, int h, const Params* fixed = nullptr,
                          Params* fitted = nullptr);

}  // namespace salesops::forecast
