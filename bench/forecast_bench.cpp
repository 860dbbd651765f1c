// The statistical forecast at scale (issue 5, "Quality and speed"): 1,000 synthetic monthly series of 120
// months (seeded trend + seasonality + noise, half of them multiplicative), each forecast 12 months ahead by
// the automatic choice with its rolling-origin backtest of every method. Target: at most 2 s in total,
// spread over 2 worker threads (the engine is pure, so series are simply split between threads).
// Usage: forecast_bench [SERIES=1000] [MONTHS=120] [HORIZON=12] [THREADS=2]
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "BenchSupport.h"
#include "forecast/AutoForecast.h"

namespace {

using namespace salesops;

std::vector<std::vector<double>> makeSeries(int count, int months, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::normal_distribution<double> normal(0, 1);
  std::vector<std::vector<double>> all;
  for (int s = 0; s < count; ++s) {
    const double level = 100 + 900 * uniform(rng);
    const double slope = level * (uniform(rng) - 0.3) * 0.01;
    const double amplitude = 0.3 * uniform(rng);
    const double noise = 0.02 + 0.1 * uniform(rng);
    const double phase = 6.283185307179586 * uniform(rng);
    const bool multiplicative = s % 2 == 0;
    std::vector<double> y;
    for (int t = 0; t < months; ++t) {
      const double trend = std::max(1.0, level + slope * t);
      const double season = std::sin(6.283185307179586 * t / 12 + phase);
      const double value = multiplicative ? trend * (1 + amplitude * season) * (1 + noise * normal(rng))
                                          : trend + level * (amplitude * season + noise * normal(rng));
      y.push_back(value);
    }
    all.push_back(std::move(y));
  }
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::atoi(argv[1]) : 1000;
  const int months = argc > 2 ? std::atoi(argv[2]) : 120;
  const int horizon = argc > 3 ? std::atoi(argv[3]) : 12;
  const int threads = argc > 4 ? std::atoi(argv[4]) : 2;
  const auto series = makeSeries(count, months, 20260705);

  // Runs auto over every series on `threads` workers; `scored` as in forecastAuto (empty: the candidates).
  const auto run = [&](std::span<const forecast::Method> scored, std::vector<forecast::Method>& chosen) {
    chosen.assign(series.size(), forecast::Method::Naive);
    const bench::Stopwatch watch;
    std::vector<std::thread> workers;
    for (int w = 0; w < threads; ++w) {
      workers.emplace_back([&, w] {
        for (std::size_t i = static_cast<std::size_t>(w); i < series.size(); i += static_cast<std::size_t>(threads))
          chosen[i] = forecast::forecastAuto(series[i], 12, horizon, scored).forecast.method;
      });
    }
    for (auto& worker : workers) worker.join();
    return watch.seconds();
  };

  std::vector<forecast::Method> chosen;
  const double seconds = run({}, chosen);
  std::map<std::string, int> counts;
  for (const auto m : chosen) ++counts[std::string(forecast::methodName(m))];
  std::printf("forecast stat auto: %d series x %d months, h=%d, %d threads: %.3f s (%.2f ms per series)\n", count,
              months, horizon, threads, seconds, 1000 * seconds / count);
  for (const auto& [name, n] : counts) std::printf("  chosen %-26s %d\n", name.c_str(), n);
  bench::printRatio("1,000 series x 120 months, auto + backtest", seconds, 2.0, 1.0);

  // The CLI's --backtest scores all nine methods for the report: the heavier variant, same target.
  std::vector<forecast::Method> chosenAll;
  const double secondsAll = run(forecast::publicMethods(), chosenAll);
  bench::printRatio("same, backtest of all 9 methods", secondsAll, 2.0, 1.0);
  if (chosenAll != chosen) std::printf("  MISMATCH: scoring more methods changed a choice\n");
  return 0;
}
