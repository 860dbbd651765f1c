#pragma once
// A small bounded Nelder–Mead minimiser for the smoothing parameters (2 to 5 dimensions). Bounds are kept by
// projecting every trial point into the box, which is enough for the well-behaved one-step SSE surfaces of
// exponential smoothing and costs nothing per evaluation.
#include <functional>
#include <vector>

namespace salesops::forecast {

struct NelderMeadOptions {
  int maxEvaluations = 300;
  double relativeTolerance = 1e-7;  // stop when the simplex values agree to this relative spread
};

struct NelderMeadResult {
  std::vector<double> x;
  double value = 0;
  int evaluations = 0;
};

// Minimises f from x0 with initial steps `step` inside [lo, hi] (all the same size). Deterministic.
NelderMeadResult minimizeNelderMead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                                    const std::vector<double>& step, const std::vector<double>& lo,
                                    const std::vector<double>& hi, NelderMeadOptions options = {});

}  // namespace salesops::forecast
