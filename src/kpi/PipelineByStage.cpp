#include "kpi/PipelineByStage.h"

namespace salesops {

std::vector<StagePipeline> pipelineByStage(const KpiSnapshot& snapshot, const std::vector<std::int32_t>& reps,
                                           const Period& period) {
  std::vector<char> inScope(snapshot.reps.size(), 0);
  for (const std::int32_t r : reps) {
    if (r >= 0 && static_cast<std::size_t>(r) < inScope.size()) inScope[static_cast<std::size_t>(r)] = 1;
  }
  std::vector<std::int32_t> slot(snapshot.stages.name.size(), -1);
  std::vector<StagePipeline> out;
  for (const std::int32_t stage : snapshot.openStages) {
    slot[static_cast<std::size_t>(stage)] = static_cast<std::int32_t>(out.size());
    out.push_back({stage, snapshot.stages.name[static_cast<std::size_t>(stage)], 0, 0});
  }
  const auto& o = snapshot.opportunities;
  for (std::size_t i = 0; i < o.size(); ++i) {
    if (o.kind[i] != StageKind::Open || !inScope[static_cast<std::size_t>(o.owner[i])]) continue;
    if (o.closeDay[i] < period.start.days || o.closeDay[i] > period.end.days) continue;
    const std::int32_t at = o.stage[i] < slot.size() ? slot[o.stage[i]] : -1;
    if (at < 0) continue;
    out[static_cast<std::size_t>(at)].amount += o.amount[i];
    ++out[static_cast<std::size_t>(at)].count;
  }
  return out;
}

}  // namespace salesops
