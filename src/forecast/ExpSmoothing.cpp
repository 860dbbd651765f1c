#include "forecast/ExpSmoothing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "forecast/NelderMead.h"

namespace salesops::forecast {
namespace {

struct States {
  double level = 0, trend = 0;
  std::vector<double> season;  // season[t mod m]: the latest estimate for that position
};

bool seasonal(const SmoothingSpec& spec) { return spec.season != Seasonality::None && spec.m > 1; }
bool trended(const SmoothingSpec& spec) { return spec.trend != Trend::None; }

// Seasonal models start from the first two seasons: their means give level and slope, the detrended first
// cycles average into the seasonal states. Tying the start to the data (not to fitted values) keeps a
// prefix re-run with fixed parameters identical to the original fit, which the backtest relies on.
States initialStates(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& params) {
  States s;
  if (!seasonal(spec)) {
    s.level = params.level0;
    s.trend = trended(spec) ? params.trend0 : 0.0;
    return s;
  }
  const auto m = static_cast<std::size_t>(spec.m);
  const double mean1 = std::accumulate(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(m), 0.0) / spec.m;
  const double mean2 =
      std::accumulate(y.begin() + static_cast<std::ptrdiff_t>(m), y.begin() + static_cast<std::ptrdiff_t>(2 * m), 0.0) /
      spec.m;
  const double slope = trended(spec) ? (mean2 - mean1) / spec.m : 0.0;
  const double centre = (spec.m - 1) / 2.0;
  s.trend = slope;
  s.level = mean1 - slope * (centre + 1);  // the level one step before the first observation
  s.season.assign(m, spec.season == Seasonality::Multiplicative ? 1.0 : 0.0);
  for (std::size_t j = 0; j < m; ++j) {
    double sum = 0;
    for (std::size_t cycle = 0; cycle < 2; ++cycle) {
      const std::size_t t = j + cycle * m;
      const double line = mean1 + slope * (static_cast<double>(t) - centre);
      sum += spec.season == Seasonality::Multiplicative ? y[t] / line : y[t] - line;
    }
    s.season[j] = sum / 2;
  }
  const double mean = std::accumulate(s.season.begin(), s.season.end(), 0.0) / spec.m;
  for (double& v : s.season) v = spec.season == Seasonality::Multiplicative ? v / mean : v - mean;
  return s;
}

struct Run {
  double sse = 0;
  double relativeSse = 0;  // Σ (e / ŷ)², for the multiplicative intervals
  States end;
  bool ok = true;
};

// Runs from the states `s`, which hold the final states on return. Split from initialStates so the fit
// computes the data-derived seasonal start once, not at every evaluation.
Run runFrom(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& p, States& s) {
  Run run;
  const double phi = spec.trend == Trend::Damped ? p.phi : 1.0;
  const bool hasSeason = seasonal(spec);
  const bool multiplicative = hasSeason && spec.season == Seasonality::Multiplicative;
  const bool hasTrend = trended(spec);
  const auto m = static_cast<std::size_t>(std::max(spec.m, 1));
  std::size_t position = 0;  // t mod m, without a division per step
  for (std::size_t t = 0; t < y.size(); ++t, position = position + 1 == m ? 0 : position + 1) {
    const double base = s.level + phi * s.trend;
    const double seasonPrev = hasSeason ? s.season[position] : (multiplicative ? 1.0 : 0.0);
    const double fitted = multiplicative ? base * seasonPrev : base + seasonPrev;
    const double e = y[t] - fitted;
    run.sse += e * e;
    if (multiplicative) {
      if (!(fitted > 0) || !(seasonPrev > 0)) {
        run.ok = false;
        run.sse = std::numeric_limits<double>::infinity();
        return run;
      }
      run.relativeSse += (e / fitted) * (e / fitted);
    }
    const double deseasoned = !hasSeason ? y[t] : multiplicative ? y[t] / seasonPrev : y[t] - seasonPrev;
    const double level = p.alpha * deseasoned + (1 - p.alpha) * base;
    if (hasTrend) s.trend = p.beta * (level - s.level) + (1 - p.beta) * phi * s.trend;
    if (hasSeason) {
      if (multiplicative && !(level > 0)) {
        run.ok = false;
        run.sse = std::numeric_limits<double>::infinity();
        return run;
      }
      const double fresh = multiplicative ? y[t] / level : y[t] - level;
      s.season[position] = p.gamma * fresh + (1 - p.gamma) * seasonPrev;
    }
    s.level = level;
  }
  if (!std::isfinite(run.sse)) run.ok = false;
  return run;
}

Run runRecursion(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& p) {
  States s = initialStates(y, spec, p);
  Run run = runFrom(y, spec, p, s);
  run.end = std::move(s);
  return run;
}

std::size_t parameterCount(const SmoothingSpec& spec) {
  std::size_t k = 1 + (trended(spec) ? 1 : 0) + (spec.trend == Trend::Damped ? 1 : 0);
  if (seasonal(spec)) return k + 1 + static_cast<std::size_t>(spec.m) + 1;  // gamma, seasonal and level states
  return k + 1 + (trended(spec) ? 1 : 0);                                   // initial level and trend
}

}  // namespace

bool smoothingFeasible(std::span<const double> y, const SmoothingSpec& spec) {
  if (y.empty()) return false;
  if (!seasonal(spec)) return true;
  if (y.size() < 2 * static_cast<std::size_t>(spec.m)) return false;
  if (spec.season == Seasonality::Multiplicative)
    return std::all_of(y.begin(), y.end(), [](double v) { return v > 0; });
  return true;
}

double smoothingSse(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& params) {
  return runRecursion(y, spec, params).sse;
}

SmoothingParams fitSmoothing(std::span<const double> y, const SmoothingSpec& spec) {
  const auto [lo, hi] = std::minmax_element(y.begin(), y.end());
  const double range = std::max(*hi - *lo, 1e-9 * (std::abs(*hi) + 1));
  // Which entries of the vector below are free depends on the spec; the rest stay at their defaults.
  SmoothingParams start;
  start.phi = spec.trend == Trend::Damped ? 0.95 : 1.0;
  const std::size_t head = std::min<std::size_t>(y.size(), 3);
  start.level0 =
      std::accumulate(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(head), 0.0) / static_cast<double>(head);
  if (trended(spec) && !seasonal(spec)) {
    // Trended models start from the least-squares line through the first (up to) ten values, as ets() in
    // R's forecast package does; fitting both states as well would double the cost of the search.
    const std::size_t k = std::min<std::size_t>(y.size(), 10);
    const double tMean = (static_cast<double>(k) - 1) / 2;
    double yMean = 0, sxy = 0, sxx = 0;
    for (std::size_t t = 0; t < k; ++t) yMean += y[t] / static_cast<double>(k);
    for (std::size_t t = 0; t < k; ++t) {
      sxy += (static_cast<double>(t) - tMean) * (y[t] - yMean);
      sxx += (static_cast<double>(t) - tMean) * (static_cast<double>(t) - tMean);
    }
    start.trend0 = sxx > 0 ? sxy / sxx : 0.0;
    start.level0 = yMean - start.trend0 * (tMean + 1);  // the line one step before the first value
  }
  std::vector<double> x{start.alpha}, step{0.2}, lower{1e-4}, upper{0.9999};
  const auto add = [&](double value, double s, double l, double u) {
    x.push_back(value);
    step.push_back(s);
    lower.push_back(l);
    upper.push_back(u);
  };
  if (trended(spec)) add(start.beta, 0.1, 1e-4, 0.9999);
  if (seasonal(spec)) add(start.gamma, 0.1, 1e-4, 0.9999);
  if (spec.trend == Trend::Damped) add(start.phi, 0.05, 0.8, 0.98);
  if (!seasonal(spec) && !trended(spec)) add(start.level0, 0.1 * range, *lo - range, *hi + range);
  const auto unpack = [&](const std::vector<double>& v) {
    SmoothingParams p = start;
    std::size_t i = 0;
    p.alpha = v[i++];
    if (trended(spec)) p.beta = v[i++];
    if (seasonal(spec)) p.gamma = v[i++];
    if (spec.trend == Trend::Damped) p.phi = v[i++];
    if (!seasonal(spec) && !trended(spec)) p.level0 = v[i++];
    return p;
  };
  NelderMeadOptions options;
  options.maxEvaluations = 80 + 40 * static_cast<int>(x.size());
  options.relativeTolerance = 1e-4;
  const States init = initialStates(y, spec, start);
  States scratch = init;
  const auto objective = [&](const std::vector<double>& v) {
    const SmoothingParams p = unpack(v);
    scratch.season = init.season;  // same size: no allocation
    scratch.level = seasonal(spec) ? init.level : p.level0;
    scratch.trend = init.trend;
    return runFrom(y, spec, p, scratch).sse;
  };
  const auto best = minimizeNelderMead(objective, x, step, lower, upper, options);
  return unpack(best.x);
}

ForecastPath forecastSmoothing(std::span<const double> y, const SmoothingSpec& spec, const SmoothingParams& p, int h) {
  const Run run = runRecursion(y, spec, p);
  const double n = static_cast<double>(y.size());
  const double dof = std::max(1.0, n - static_cast<double>(parameterCount(spec)));
  const bool multiplicative = seasonal(spec) && spec.season == Seasonality::Multiplicative;
  const double sigma = std::sqrt((multiplicative ? run.relativeSse : run.sse) / dof);
  const double phi = spec.trend == Trend::Damped ? p.phi : 1.0;
  const auto m = static_cast<std::size_t>(std::max(spec.m, 1));

  ForecastPath path;
  path.used = Method::Ses;
  if (!run.ok) {
    // A multiplicative recursion that left positive values has no meaningful states: report NaN so the
    // caller falls back instead of extrapolating from where the recursion stopped.
    path.mean.assign(static_cast<std::size_t>(h), std::numeric_limits<double>::quiet_NaN());
    path.sd = path.mean;
    return path;
  }
  double trendSum = 0, phiPower = 1, varianceFactor = 1;
  for (int k = 1; k <= h; ++k) {
    phiPower *= phi;
    trendSum += phiPower;  // φ + φ² + … + φ^k
    const double base = run.end.level + (trended(spec) ? trendSum * run.end.trend : 0.0);
    double mean = base;
    if (seasonal(spec)) {
      const double s = run.end.season[(y.size() + static_cast<std::size_t>(k) - 1) % m];
      mean = multiplicative ? base * s : base + s;
    }
    path.mean.push_back(mean);
    const double scale = multiplicative ? std::abs(mean) : 1.0;
    path.sd.push_back(sigma * scale * std::sqrt(varianceFactor));
    // c_k feeds the variance of horizon k + 1.
    double c = p.alpha;
    if (trended(spec)) c += p.alpha * p.beta * trendSum;
    if (seasonal(spec) && static_cast<std::size_t>(k) % m == 0) c += p.gamma * (1 - p.alpha);
    varianceFactor += c * c;
  }
  return path;
}

Params toParams(const SmoothingParams& p) { return {p.alpha, p.beta, p.gamma, p.phi, p.level0, p.trend0}; }

SmoothingParams smoothingFromParams(const Params& v, std::size_t offset) {
  SmoothingParams p;
  p.alpha = v.at(offset);
  p.beta = v.at(offset + 1);
  p.gamma = v.at(offset + 2);
  p.phi = v.at(offset + 3);
  p.level0 = v.at(offset + 4);
  p.trend0 = v.at(offset + 5);
  return p;
}

}  // namespace salesops::forecast
