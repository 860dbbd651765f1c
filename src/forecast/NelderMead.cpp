#include "forecast/NelderMead.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace salesops::forecast {
namespace {

void project(std::vector<double>& x, const std::vector<double>& lo, const std::vector<double>& hi) {
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = std::clamp(x[i], lo[i], hi[i]);
}

// Non-finite objective values (a diverging recursion) must lose every comparison, never poison the simplex.
double sane(double v) { return std::isfinite(v) ? v : 1e300; }

}  // namespace

NelderMeadResult minimizeNelderMead(const std::function<double(const std::vector<double>&)>& f, std::vector<double> x0,
                                    const std::vector<double>& step, const std::vector<double>& lo,
                                    const std::vector<double>& hi, NelderMeadOptions options) {
  const std::size_t n = x0.size();
  NelderMeadResult result;
  project(x0, lo, hi);
  std::vector<std::vector<double>> simplex(n + 1, x0);
  std::vector<double> values(n + 1);
  int evaluations = 0;
  const auto eval = [&](std::vector<double>& x) {
    project(x, lo, hi);
    ++evaluations;
    return sane(f(x));
  };
  for (std::size_t i = 0; i < n; ++i) {
    // Step away from the nearer bound so the vertex does not collapse onto x0 after projection.
    double s = step[i];
    if (x0[i] + s > hi[i]) s = -s;
    simplex[i + 1][i] += s;
  }
  for (std::size_t i = 0; i <= n; ++i) values[i] = eval(simplex[i]);

  std::vector<std::size_t> order(n + 1);
  std::vector<double> centroid(n), trial(n), trial2(n);
  while (evaluations < options.maxEvaluations) {
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    const std::size_t best = order.front(), worst = order.back(), second = order[n - 1];
    const double spread = values[worst] - values[best];
    if (spread <= options.relativeTolerance * (std::abs(values[best]) + 1e-12)) break;

    std::fill(centroid.begin(), centroid.end(), 0.0);
    for (std::size_t i = 0; i <= n; ++i) {
      if (i == worst) continue;
      for (std::size_t d = 0; d < n; ++d) centroid[d] += simplex[i][d] / static_cast<double>(n);
    }
    const auto along = [&](double t, std::vector<double>& out) {
      for (std::size_t d = 0; d < n; ++d) out[d] = centroid[d] + t * (simplex[worst][d] - centroid[d]);
      return eval(out);
    };
    const double fr = along(-1.0, trial);
    if (fr < values[best]) {
      const double fe = along(-2.0, trial2);
      if (fe < fr) {
        simplex[worst] = trial2;
        values[worst] = fe;
      } else {
        simplex[worst] = trial;
        values[worst] = fr;
      }
    } else if (fr < values[second]) {
      simplex[worst] = trial;
      values[worst] = fr;
    } else {
      const bool outside = fr < values[worst];
      const double fc = along(outside ? -0.5 : 0.5, trial2);
      if (fc < (outside ? fr : values[worst])) {
        simplex[worst] = trial2;
        values[worst] = fc;
      } else {
        for (std::size_t i = 0; i <= n; ++i) {
          if (i == best) continue;
          for (std::size_t d = 0; d < n; ++d)
            simplex[i][d] = simplex[best][d] + 0.5 * (simplex[i][d] - simplex[best][d]);
          values[i] = eval(simplex[i]);
        }
      }
    }
  }
  const auto best = static_cast<std::size_t>(std::min_element(values.begin(), values.end()) - values.begin());
  result.x = simplex[best];
  result.value = values[best];
  result.evaluations = evaluations;
  return result;
}

}  // namespace salesops::forecast
