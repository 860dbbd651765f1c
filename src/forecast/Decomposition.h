#pragma once
// Seasonal adjustment for the Theta and combination methods, as in the M3/M4 benchmark recipe: a 90%
// autocorrelation test at lag m decides whether the series is seasonal; if so, a classical decomposition
// (centred moving average of order m, seasonal ratios or differences averaged by position) yields the
// seasonal indices. Multiplicative for strictly positive series, additive otherwise (where ratios are
// meaningless).
#include <cstddef>
#include <span>
#include <vector>

namespace salesops::forecast {

struct SeasonalIndex {
  bool seasonal = false;
  bool multiplicative = true;
  std::vector<double> index;  // index[t mod m]; empty when not seasonal

  double adjust(double value, std::size_t t) const;    // removes the season of time t (0-based)
  double reseason(double value, std::size_t t) const;  // puts it back
  double scale(std::size_t t) const;                   // the factor applied to a standard deviation
};

// |r_m| > 1.645 √((1 + 2 Σ_{k<m} r_k²) / n): the lag-m autocorrelation is significant at 90%. Needs n >= 3m
// (false otherwise, and for m <= 1 or a constant series).
bool seasonalityTest(std::span<const double> y, int m);

// Classical decomposition indices (normalised to mean 1 / sum 0). Needs n >= 2m and m > 1.
SeasonalIndex classicalDecomposition(std::span<const double> y, int m, bool multiplicative);

// The test, then the decomposition when it says seasonal; otherwise a neutral index (seasonal = false).
SeasonalIndex seasonalAdjustment(std::span<const double> y, int m);

}  // namespace salesops::forecast
