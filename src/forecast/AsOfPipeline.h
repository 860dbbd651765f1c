#pragma once
// The workbook's opportunities as they stood at the end of a past day, rebuilt from opportunity_history, for
// the backtesting lab: stage (and so kind and probability), close date, amount and forecast category as of
// then. Pure function; the result is an ordinary snapshot that the roll-up and the simulation read.
#include <vector>

#include "common/Date.h"
#include "forecast/DealHistory.h"
#include "forecast/Rollup.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::forecast {

struct AsOfPipeline {
  KpiSnapshot snapshot;              // same rows and indexes as the current one
  std::vector<Category> categories;  // per opportunity, as of the day
};

// Per opportunity: not created yet on asOf -> a lost deal closing never (counted nowhere). Otherwise each
// field is the history's latest value up to the end of asOf, else the current one, except a stage the history
// does not know: the current stage when the deal is still open or closed by asOf, else (closed since) the
// first open stage. The probability is the as-of stage's (won 100 %, lost 0 %).
AsOfPipeline pipelineAsOf(const KpiSnapshot& current, const std::vector<Category>& categories,
                          const DealHistory& history, Date asOf);

}  // namespace salesops::forecast
