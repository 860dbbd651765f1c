#pragma once
// Open pipeline by stage (the pipeline-by-stage report and the dashboard can share it): for the open
// opportunities of everyone with close_date in P, per open stage in pipeline order, the count, the amount and
// the weighted amount (amount × effective probability, summed exactly, rounded once). A pure function of the
// snapshot.
#include <cstdint>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiSnapshot.h"

namespace salesops {

struct ReportStageLine {
  std::int32_t stage = 0;  // KpiSnapshot::stages index
  std::int64_t count = 0;
  std::int64_t amount = 0;    // corporate minor units
  std::int64_t weighted = 0;  // minor units, rounded half away from zero
};

struct ReportStagePipeline {
  std::vector<ReportStageLine> stages;  // every open stage, in sort order, also those with nothing
  ReportStageLine total;                // stage = kNoIndex; weighted rounded from the exact total
};

ReportStagePipeline weightedPipelineByStage(const KpiSnapshot& snapshot, const Period& period);

}  // namespace salesops
