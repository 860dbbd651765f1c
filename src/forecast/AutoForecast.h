#pragma once
// Automatic method choice by rolling-origin backtest.
//
// Origins: up to `origins` (default 4) forecast origins in the last part of the series, the last one h
// periods before the end and the others `step = max(1, h/3)` periods apart, so every origin has h actuals.
// Each candidate is fitted once on the data before the earliest origin and then re-run with those
// parameters from every origin (states updated through the data up to it): no future data reaches a
// forecast, and the cost is one fit per candidate instead of one per origin. Scores are averaged over the
// origins; the candidate with the lowest mean MASE (scaled per origin by the in-sample seasonal naive MAE up
// to that origin) is refitted on the whole series and forecasts.
//
// Candidates: the damped Holt–Winters pair, Theta and comb (autoCandidates()). The other methods can be
// scored beside them for comparison (the CLI's --backtest does) but are never chosen: undamped trends,
// regression trends and the naive benchmarks extrapolate badly when a short backtest happens to favour
// them, and a smaller pool of robust methods makes the choice less noisy (the M3 and M4 competitions'
// lesson: damped trend, Theta and comb are hard to beat). Where the data make a candidate fall back
// (Methods.h), it is scored as what actually ran, once.
#include <span>
#include <vector>

#include "forecast/Accuracy.h"
#include "forecast/ForecastTypes.h"

namespace salesops::forecast {

struct MethodScore {
  Method method = Method::Naive;  // what ran
  Accuracy accuracy;              // each measure averaged over the origins (NaN when undefined at all of them)
  bool eligible = false;          // one of the methods the choice is made from
};

struct Backtest {
  int horizon = 0;  // may be shorter than requested on short series
  int origins = 0;  // 0: the series is too short to backtest
  std::vector<MethodScore> scores;
  Method chosen = Method::Naive;
};

// The methods auto chooses from.
const std::vector<Method>& autoCandidates();

// Scores `candidates` (empty: publicMethods()) on y and chooses, among those that are also in `choosable`
// (empty: autoCandidates()), the lowest mean MASE. Deterministic.
Backtest backtest(std::span<const double> y, int m, int h, std::span<const Method> candidates = {}, int origins = 4,
                  std::span<const Method> choosable = {});

struct AutoResult {
  Forecast forecast;
  Backtest backtest;
};

// Backtest, choose, refit on all of y and forecast 1..h with intervals. `scored`: the methods to score
// (empty: autoCandidates() only, the cheapest); the choice is among autoCandidates() whatever is scored.
// Too short to backtest (fewer than 6 + 1 values): comb from 4 values on, naive below.
AutoResult forecastAuto(std::span<const double> y, int m, int h, std::span<const Method> scored = {});

// `method` may be Auto. y non-empty, h >= 1, m >= 1.
Forecast forecastSeries(Method method, std::span<const double> y, int m, int h);

}  // namespace salesops::forecast
