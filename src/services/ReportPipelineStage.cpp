#include "services/ReportPipelineStage.h"

#include "services/ReportCells.h"

namespace salesops {

ReportStagePipeline weightedPipelineByStage(const KpiSnapshot& snapshot, const Period& period) {
  const auto& opps = snapshot.opportunities;
  const std::size_t stageCount = snapshot.stages.name.size();
  std::vector<std::int64_t> count(stageCount, 0), amount(stageCount, 0);
  // Σ amount × probability in hundredths of a percent: exact, so each figure is rounded once.
  std::vector<__int128> weighted(stageCount, 0);
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.kind[o] != StageKind::Open || !period.contains(Date{opps.closeDay[o]})) continue;
    const std::size_t s = opps.stage[o];
    ++count[s];
    amount[s] += opps.amount[o];
    weighted[s] += static_cast<__int128>(opps.amount[o]) * opps.probability[o];
  }
  ReportStagePipeline out;
  out.total.stage = kNoIndex;
  __int128 totalWeighted = 0;
  for (const std::int32_t s : snapshot.openStages) {
    const auto i = static_cast<std::size_t>(s);
    out.stages.push_back({s, count[i], amount[i], roundToMinor(weighted[i], 10000)});
    out.total.count += count[i];
    out.total.amount += amount[i];
    totalWeighted += weighted[i];
  }
  out.total.weighted = roundToMinor(totalWeighted, 10000);
  return out;
}

}  // namespace salesops
