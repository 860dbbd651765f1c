#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "common/Error.h"
#include "forecast/AsOfPipeline.h"
#include "services/ForecastBacktest.h"

namespace salesops {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr auto kClosed = static_cast<std::size_t>(forecast::View::Closed);
constexpr auto kCommit = static_cast<std::size_t>(forecast::View::Commit);

// The learned probabilities with every rate marked insufficient: the configured stage probabilities, no slip.
forecast::LearnedProbabilities configuredOnly(forecast::LearnedProbabilities p) {
  for (auto& s : p.stages) {
    s.win.insufficient = true;
    for (auto& b : s.winByAge) b.insufficient = true;
    s.slip.insufficient = true;
  }
  return p;
}

// Latest commit call per rep made by the end of asOf for exactly this period.
std::vector<std::optional<std::int64_t>> callsAsOf(Workbook& workbook, const ForecastData& data, const Period& period,
                                                   Date asOf) {
  std::vector<std::optional<std::int64_t>> out(data.snapshot.reps.size());
  const std::int64_t cutoff = (static_cast<std::int64_t>(asOf.days) + 1) * kSecondsPerDay;
  for (const auto& row : loadSubmissions(workbook, data.snapshot, period)) {  // oldest first
    if (row.period == period && row.view == forecast::View::Commit && row.submittedAt < cutoff) {
      out[row.rep] = row.amount;
    }
  }
  return out;
}

void score(std::vector<BacktestScore>& out, const std::string& method, bool managers,
           const std::vector<BacktestRow>& rows, const std::function<std::optional<double>(const BacktestRow&)>& f) {
  BacktestScore s{method, managers, 0, std::nullopt, std::nullopt, std::nullopt};
  double absolute = 0, signedSum = 0, actual = 0, covered = 0;
  for (const auto& r : rows) {
    if (r.manager != managers) continue;
    const auto forecast = f(r);
    if (!forecast) continue;
    ++s.nodes;
    absolute += std::abs(*forecast - static_cast<double>(r.actual));
    signedSum += *forecast - static_cast<double>(r.actual);
    actual += static_cast<double>(r.actual);
    covered += r.p10 <= r.actual && r.actual <= r.p90 ? 1 : 0;
  }
  if (actual > 0) {
    s.wape = absolute / actual;
    s.bias = signedSum / actual;
  }
  if (method == "monte_carlo_p50" && s.nodes > 0) s.coverage = covered / s.nodes;
  out.push_back(std::move(s));
}

}  // namespace

BacktestReport backtestForecasts(Workbook& workbook, const ForecastData& data, const BacktestRequest& request,
                                 const LongTask& task) {
  const Period& period = request.period;
  if (request.asOf > period.end) {
    throw Error(ErrorKind::Usage, "--as-of " + request.asOf.toString() + " is after the period's end " +
                                      period.end.toString() + ": nothing is left to forecast");
  }
  BacktestReport report;
  report.rollup = forecastRollup(workbook, data, period);
  const forecast::Rollup& finalRollup = report.rollup;

  // The pipeline and the adjustments as they stood at the end of the as-of day.
  const auto asOf = forecast::pipelineAsOf(data.snapshot, data.categories, data.history, request.asOf);
  const std::int64_t cutoff = (static_cast<std::int64_t>(request.asOf.days) + 1) * kSecondsPerDay;
  std::vector<forecast::Adjustment> adjustments;
  for (auto& a : loadAdjustments(workbook, data.snapshot, period)) {
    if (a.createdAt < cutoff) adjustments.push_back(std::move(a));
  }
  const auto thenRollup = forecast::computeRollup(asOf.snapshot, asOf.categories, period, adjustments);

  PipelineRequest pipeline;
  pipeline.period = period;
  pipeline.asOf = request.asOf;
  pipeline.scope = request.scope;
  pipeline.simulation = request.simulation;
  const PipelineReport learned =
      simulatePipeline(asOf.snapshot, data.history, data.calendar, thenRollup, pipeline, nullptr, task);
  const auto configured = configuredOnly(learned.probabilities);
  PipelineRequest single = pipeline;
  single.simulation.trials = 1;
  const PipelineReport weighted =
      simulatePipeline(asOf.snapshot, data.history, data.calendar, thenRollup, single, &configured, task);
  const auto calls = callsAsOf(workbook, data, period, request.asOf);

  for (std::size_t k = 0; k < learned.nodes.size(); ++k) {
    const auto& l = learned.nodes[k];
    if (l.node == kNoIndex) continue;  // "everyone" repeats the roots
    task.checkCancelled();
    BacktestRow row;
    row.node = l.node;
    const auto& node = finalRollup.nodes[l.node];
    row.manager = static_cast<std::size_t>(l.node) + 1 < finalRollup.nodes.size() &&
                  finalRollup.nodes[l.node + 1].depth > node.depth;
    row.actual = node.raw[kClosed];
    row.pipelineHistory = l.expected;
    row.p10 = l.p10;
    row.p50 = l.p50;
    row.p90 = l.p90;
    row.stageWeighted = weighted.nodes[k].expected;
    const std::string& rep = data.snapshot.reps.id[node.rep];
    row.statistical = statisticalBookings(data, finalRollup, rep, period, request.asOf).periodForecast;
    std::int64_t call = 0;
    bool any = false;
    for (std::size_t n = static_cast<std::size_t>(l.node); n < finalRollup.nodes.size(); ++n) {
      if (n > static_cast<std::size_t>(l.node) && finalRollup.nodes[n].depth <= node.depth) break;
      if (const auto& c = calls[finalRollup.nodes[n].rep]) {
        call += *c;
        any = true;
      }
    }
    if (any) row.call = call;
    const auto& then = thenRollup.nodes[thenRollup.nodeOfRep[node.rep]];
    row.commitRaw = then.raw[kCommit];
    row.commitAdjusted = then.adjusted[kCommit];
    row.managerAdjusted = then.adjustment[kCommit] && then.adjustment[kCommit]->layer == forecast::Layer::Manager;
    if (row.managerAdjusted) {
      auto& b = report.adjustmentBias;
      ++b.adjustments;
      b.adjustedMinusRaw += row.commitAdjusted - row.commitRaw;
      b.actualMinusRaw += row.actual - row.commitRaw;
      if (std::llabs(row.commitAdjusted - row.actual) < std::llabs(row.commitRaw - row.actual)) ++b.towardActual;
    }
    report.rows.push_back(row);
  }
  for (const bool managers : {false, true}) {
    score(report.scores, "stage_weighted", managers, report.rows, [](const BacktestRow& r) { return r.stageWeighted; });
    score(report.scores, "pipeline_history", managers, report.rows,
          [](const BacktestRow& r) { return r.pipelineHistory; });
    score(report.scores, "monte_carlo_p50", managers, report.rows,
          [](const BacktestRow& r) { return static_cast<double>(r.p50); });
    score(report.scores, "statistical", managers, report.rows, [](const BacktestRow& r) { return r.statistical; });
    score(report.scores, "call", managers, report.rows, [](const BacktestRow& r) {
      return r.call ? std::optional<double>(static_cast<double>(*r.call)) : std::nullopt;
    });
  }
  return report;
}

}  // namespace salesops
