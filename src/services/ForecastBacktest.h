#pragma once
// The backtesting lab (issue 5, part 4): rebuild the pipeline as it stood on a past day, forecast the period
// from there five ways, and score each against what finally closed, per rep and per manager's team; plus
// how managers' adjustments in force that day moved the commit call against the result.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/ForecastService.h"

namespace salesops {

struct BacktestRequest {
  Period period;
  Date asOf;          // the past day the forecasts are made on
  std::string scope;  // "" = everyone, else a rep id (their team)
  forecast::SimulationOptions simulation{2000, 1, 2};
};

struct BacktestRow {
  std::int32_t node = kNoIndex;                    // node of the final roll-up (same layout as the as-of one)
  bool manager = false;                            // the node has reports: its figures are its team's
  std::int64_t actual = 0;                         // closed won in the period, as finally recorded
  double stageWeighted = 0;                        // booked then + Σ configured stage probability × amount
  double pipelineHistory = 0;                      // booked then + Σ learned probability × (1 − slip) × amount
  std::int64_t p10 = 0, p50 = 0, p90 = 0;          // Monte Carlo with the learned probabilities
  double statistical = 0;                          // monthly bookings forecast (history up to the as-of month)
  std::optional<std::int64_t> call;                // Σ over the team of each rep's latest commit call by then
  std::int64_t commitRaw = 0, commitAdjusted = 0;  // the roll-up's commit then, before and after adjustments
  bool managerAdjusted = false;                    // a manager adjustment of commit was in force here
};

struct BacktestScore {
  std::string method;  // stage_weighted, pipeline_history, monte_carlo_p50, statistical, call
  bool managers = false;
  std::int32_t nodes = 0;
  std::optional<double> wape;      // Σ |forecast − actual| / Σ actual; empty when Σ actual = 0
  std::optional<double> bias;      // Σ (forecast − actual) / Σ actual: > 0 over-forecasts
  std::optional<double> coverage;  // monte_carlo only: share of nodes with P10 ≤ actual ≤ P90
};

struct AdjustmentBias {
  std::int32_t adjustments = 0;                           // nodes with a manager adjustment of commit in force
  std::int32_t towardActual = 0;                          // of those, adjusted closer to the actual than the raw call
  std::int64_t adjustedMinusRaw = 0, actualMinusRaw = 0;  // summed over those nodes
};

struct BacktestReport {
  forecast::Rollup rollup;        // the final roll-up (names and tree)
  std::vector<BacktestRow> rows;  // the scope's team, depth-first
  std::vector<BacktestScore> scores;
  AdjustmentBias adjustmentBias;
};

// Needs data loaded with history. Errors: Error(Usage) for an unknown scope or an as-of date after the
// period's end; Error(Cancelled).
BacktestReport backtestForecasts(Workbook& workbook, const ForecastData& data, const BacktestRequest& request,
                                 const LongTask& task = {});

}  // namespace salesops
