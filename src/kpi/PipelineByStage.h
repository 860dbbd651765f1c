#pragma once
// Open pipeline split by stage, for the dashboard's chart and the reports: the open opportunities owned by a
// set of reps whose close date falls in a period, summed per open stage. The totals add up to the `pipeline`
// KPI of the same scope and period (KPIS.md: owner-based, not split-credited).
#include <cstdint>
#include <string>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiSnapshot.h"

namespace salesops {

struct StagePipeline {
  std::int32_t stage = 0;  // KpiSnapshot::stages index
  std::string name;
  std::int64_t amount = 0;  // corporate minor units
  std::int64_t count = 0;
};

// One entry per open stage in pipeline order (KpiSnapshot::openStages), also stages with nothing in them, so
// charts keep a stable axis. `reps` are indexes into snapshot.reps; duplicates and out-of-range indexes are
// ignored. Needs snapshot.buildIndexes() to have run.
std::vector<StagePipeline> pipelineByStage(const KpiSnapshot& snapshot, const std::vector<std::int32_t>& reps,
                                           const Period& period);

}  // namespace salesops
