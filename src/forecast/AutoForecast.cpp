#include "forecast/AutoForecast.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "forecast/Methods.h"

namespace salesops::forecast {
namespace {

// The shortest training window a backtest origin may have: below it the smoothing fits are guesses.
constexpr std::size_t kMinTraining = 6;

struct Plan {
  int horizon = 0;
  std::vector<std::size_t> origins;  // ascending; each is the length of the training prefix
};

Plan planOrigins(std::size_t n, int m, int h, int wanted) {
  Plan plan;
  // Seasonal candidates need two full seasons before the earliest origin, or they would be scored as
  // their non-seasonal fallbacks and the seasonal models could never be chosen on short series.
  const auto seasons = static_cast<std::size_t>(std::max(m, 1)) * 2;
  const std::size_t minTraining = m > 1 && n > seasons ? seasons : kMinTraining;
  if (n < minTraining + 1) return plan;
  plan.horizon = std::min<int>(h, static_cast<int>(n - minTraining));
  const auto hb = static_cast<std::size_t>(plan.horizon);
  const std::size_t step = std::max<std::size_t>(1, hb / 3);
  for (int k = wanted - 1; k >= 0; --k) {
    const std::size_t back = hb + static_cast<std::size_t>(k) * step;
    if (back + minTraining <= n) plan.origins.push_back(n - back);
  }
  return plan;
}

double meanOfFinite(const std::vector<double>& values) {
  double sum = 0;
  int count = 0;
  for (double v : values) {
    if (std::isfinite(v)) {
      sum += v;
      ++count;
    }
  }
  return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

const std::vector<Method>& autoCandidates() {
  static const std::vector<Method> methods{Method::HwAdditiveDamped, Method::HwMultiplicativeDamped, Method::Theta,
                                           Method::Comb};
  return methods;
}

Backtest backtest(std::span<const double> y, int m, int h, std::span<const Method> candidates, int origins,
                  std::span<const Method> choosable) {
  m = std::max(m, 1);
  if (candidates.empty()) candidates = publicMethods();
  if (choosable.empty()) choosable = autoCandidates();
  const Plan plan = planOrigins(y.size(), m, h, std::max(origins, 1));
  Backtest result;
  result.horizon = plan.horizon;
  result.origins = static_cast<int>(plan.origins.size());
  if (plan.origins.empty()) return result;

  std::vector<double> scales;
  for (std::size_t o : plan.origins) scales.push_back(maseScale(y.first(o), m));
  std::vector<Method> seen;
  double bestMase = std::numeric_limits<double>::infinity();
  for (Method candidate : candidates) {
    Params params;
    const ForecastPath first = runMethod(candidate, y.first(plan.origins.front()), m, plan.horizon, nullptr, &params);
    const bool eligible = std::find(choosable.begin(), choosable.end(), candidate) != choosable.end();
    // Score what actually ran, once: a fallback that duplicates another candidate adds nothing.
    const auto earlier = std::find(seen.begin(), seen.end(), first.used);
    if (earlier != seen.end()) {
      MethodScore& score = result.scores[static_cast<std::size_t>(earlier - seen.begin())];
      if (eligible && !score.eligible) {
        score.eligible = true;
        if (score.accuracy.mase < bestMase) {
          bestMase = score.accuracy.mase;
          result.chosen = score.method;
        }
      }
      continue;
    }
    seen.push_back(first.used);
    std::vector<double> mape, smape, wape, mase, bias;
    for (std::size_t i = 0; i < plan.origins.size(); ++i) {
      const std::size_t o = plan.origins[i];
      const ForecastPath path =
          i == 0 ? first : runMethod(first.used, y.first(o), m, plan.horizon, params.empty() ? nullptr : &params);
      const Accuracy a = accuracy(y.subspan(o, static_cast<std::size_t>(plan.horizon)), path.mean, scales[i]);
      mape.push_back(a.mape);
      smape.push_back(a.smape);
      wape.push_back(a.wape);
      mase.push_back(a.mase);
      bias.push_back(a.bias);
    }
    MethodScore score{
        first.used,
        {meanOfFinite(mape), meanOfFinite(smape), meanOfFinite(wape), meanOfFinite(mase), meanOfFinite(bias)},
        eligible};
    if (eligible && score.accuracy.mase < bestMase) {
      bestMase = score.accuracy.mase;
      result.chosen = score.method;
    }
    result.scores.push_back(score);
  }
  return result;
}

AutoResult forecastAuto(std::span<const double> y, int m, int h, std::span<const Method> scored) {
  m = std::max(m, 1);
  AutoResult result;
  result.backtest = backtest(y, m, h, scored.empty() ? std::span<const Method>(autoCandidates()) : scored);
  Method method = result.backtest.chosen;
  if (result.backtest.origins == 0 || std::none_of(result.backtest.scores.begin(), result.backtest.scores.end(),
                                                   [](const MethodScore& s) { return s.eligible; }))
    method = y.size() >= 4 ? Method::Comb : Method::Naive;
  result.forecast = withIntervals(runMethod(method, y, m, h));
  return result;
}

Forecast forecastSeries(Method method, std::span<const double> y, int m, int h) {
  if (method == Method::Auto) return forecastAuto(y, m, h).forecast;
  return withIntervals(runMethod(method, y, m, h));
}

}  // namespace salesops::forecast
