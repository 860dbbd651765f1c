#pragma once
// The forecasting use cases shared by the CLI (`forecast rollup|adjust|submit|trend|pipeline`) and the
// Forecast screen: load a workbook's data once, then roll up, adjust, submit and simulate. The workbook is
// used only by the calling thread; the loaded data is immutable and may be read by several threads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Period.h"
#include "common/Progress.h"
#include "forecast/AutoForecast.h"
#include "forecast/DealHistory.h"
#include "forecast/MonteCarlo.h"
#include "forecast/PipelineProbabilities.h"
#include "forecast/Rollup.h"
#include "kpi/KpiSnapshot.h"
#include "storage/ForecastStore.h"
#include "storage/Workbook.h"

namespace salesops {

struct ForecastData {
  KpiSnapshot snapshot;
  std::vector<forecast::Category> categories;  // per opportunity
  forecast::DealHistory history;               // loaded only when asked for
  FiscalCalendar calendar;
  int minorDigits = 2;

  // The rep index of an external rep id; Error(Usage) naming it when unknown.
  std::int32_t repIndex(std::string_view repId) const;
};

// Errors as loadKpiSnapshot and the store's loaders. withHistory: also read opportunity_history.
ForecastData loadForecastData(Workbook& workbook, bool withHistory, const LongTask& task = {});

// The roll-up of a period with the adjustments stored for it.
forecast::Rollup forecastRollup(Workbook& workbook, const ForecastData& data, const Period& period);

struct AdjustRequest {
  std::string rep;  // the node's rep id
  forecast::View view = forecast::View::Commit;
  forecast::Layer layer = forecast::Layer::Manager;
  std::optional<std::int64_t> amount;  // minor units; empty withdraws
  std::string author, note;
  std::int64_t at = 0;  // UTC seconds
};
void adjustForecast(Workbook& workbook, const ForecastData& data, const Period& period, const AdjustRequest& request);

// Submits the call of `rep`'s node and every node below it ("" = every root) at `at`: per node the
// commit, best case and pipeline submissionAmounts(). Returns the rows written.
std::vector<SubmissionRow> submitForecast(Workbook& workbook, const ForecastData& data, const Period& period,
                                          std::string_view rep, std::int64_t at);

// The weekly trend of a node's calls: at the end of each Sunday from the week of the first call up to
// min(period end, asOf), the sum over the node's team of each rep's latest call per category.
struct TrendPoint {
  Date weekEnd;
  std::int64_t commit = 0, bestCase = 0, pipeline = 0;
  std::int32_t callers = 0;  // reps of the team with a call by then
};
struct ForecastTrend {
  std::vector<TrendPoint> points;
  std::int64_t result = 0;  // the team's bookings in the period (the closed view) so far
};
ForecastTrend forecastTrend(Workbook& workbook, const ForecastData& data, const forecast::Rollup& rollup,
                            std::int32_t node, Date asOf);

// ---- Pipeline forecast -------------------------------------------------------------------------------
struct PipelineRequest {
  Period period;
  Date asOf;
  std::string scope;  // "" = everyone, else a rep id (their team)
  forecast::SimulationOptions simulation;
  std::int32_t dropLargest = 0;  // what-if: leave out the N largest open deals of the scope
  std::string slipBeforeStage;   // what-if: deals in an open stage before this one close after the period
  std::int32_t histogramBins = 40;
};

struct PipelineNodeResult {
  std::int32_t node = kNoIndex;  // rollup node
  std::int64_t booked = 0;       // closed won in the period so far
  std::int64_t openDeals = 0;
  double expected = 0;  // booked + Σ credited amount × probability (exact expectation, minor units)
  double simulatedMean = 0;
  std::int64_t p10 = 0, p50 = 0, p90 = 0;
  std::int64_t quota = 0, commitCall = 0;  // commitCall: the node's adjusted commit view
  double chanceOfQuota = 0, chanceOfCommit = 0;
};

struct PipelineReport {
  forecast::Rollup rollup;
  forecast::LearnedProbabilities probabilities;
  std::vector<PipelineNodeResult> nodes;     // the scope's node first, then its team depth-first
  std::vector<std::int64_t> histogramEdges;  // bins + 1 edges of the scope's outcomes
  std::vector<std::int64_t> histogramCounts;
  std::int32_t trials = 0;
};

// Needs data loaded withHistory. Errors: Error(Usage) for an unknown scope or stage; Error(Cancelled).
PipelineReport pipelineForecast(Workbook& workbook, const ForecastData& data, const PipelineRequest& request,
                                const LongTask& task = {});
// The same over any snapshot (the backtest's as-of pipeline) and a given roll-up of request.period;
// probabilities null: learned from `history` as of request.asOf.
PipelineReport simulatePipeline(const KpiSnapshot& snapshot, const forecast::DealHistory& history,
                                const FiscalCalendar& calendar, forecast::Rollup rollupOfPeriod,
                                const PipelineRequest& request, const forecast::LearnedProbabilities* probabilities,
                                const LongTask& task = {});

// ---- Statistical forecast of bookings -----------------------------------------------------------------
// Monthly credited bookings of a team (fiscal months, corporate minor units as doubles) from the first
// month with a booking through the last month completed before asOf, forecast by the automatic method
// through the end of `period`, with every public method's backtest scores for the table.
struct StatisticalBookings {
  std::vector<Date> months;     // first day of each history month, then of each forecast month
  std::vector<double> history;  // per history month (the first history.size() entries of months)
  forecast::AutoResult result;  // forecast over the remaining months
  double periodForecast = 0;    // booked in the period's completed months + forecast of its other months
};
// scope: a rep id (their team) or "" for everyone. Errors: Error(Usage) for an unknown rep.
StatisticalBookings statisticalBookings(const ForecastData& data, const forecast::Rollup& rollup,
                                        std::string_view scope, const Period& period, Date asOf);

}  // namespace salesops
