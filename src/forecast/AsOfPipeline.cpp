#include "forecast/AsOfPipeline.h"

#include "forecast/PipelineProbabilities.h"

namespace salesops::forecast {

AsOfPipeline pipelineAsOf(const KpiSnapshot& current, const std::vector<Category>& categories,
                          const DealHistory& history, Date asOf) {
  AsOfPipeline out{current, categories};
  out.categories.resize(current.opportunities.size(), Category::Pipeline);
  const auto states = statesAsOf(current, history, asOf);
  auto& o = out.snapshot.opportunities;
  const auto& stages = current.stages;
  std::int32_t lostStage = kNoIndex;
  for (std::size_t s = 0; s < stages.kind.size(); ++s) {
    if (stages.kind[s] == StageKind::Lost && lostStage == kNoIndex) lostStage = static_cast<std::int32_t>(s);
  }
  const std::int32_t firstOpen = current.openStages.empty() ? kNoIndex : current.openStages.front();
  for (std::size_t k = 0; k < o.size(); ++k) {
    if (o.createdDay[k] > asOf.days) {
      o.kind[k] = StageKind::Lost;
      if (lostStage != kNoIndex) o.stage[k] = static_cast<std::uint16_t>(lostStage);
      o.closeDay[k] = kDayMax;
      o.probability[k] = 0;
      continue;
    }
    const DealState& s = states[k];
    std::int32_t stage = s.stage;
    if (stage == kNoIndex) {
      const bool closedSince = o.kind[k] != StageKind::Open && o.closeDay[k] > asOf.days;
      stage = closedSince && firstOpen != kNoIndex ? firstOpen : o.stage[k];
    }
    const StageKind finalKind = o.kind[k];
    const std::int32_t finalClose = o.closeDay[k];
    o.stage[k] = static_cast<std::uint16_t>(stage);
    o.kind[k] = stages.kind[stage];
    o.probability[k] = KpiSnapshot::effectiveProbability(o.kind[k], -1, stages.probability[stage]);
    // A deal already closed then as it is now keeps its real close date even if no history row moved it.
    const bool closedThenAsNow = o.kind[k] != StageKind::Open && o.kind[k] == finalKind && finalClose <= asOf.days;
    if (s.closeDay != kUnchangedDay && !closedThenAsNow) o.closeDay[k] = s.closeDay;
    if (s.amount != kUnchangedAmount) o.amount[k] = s.amount;
    if (s.category != kUnchangedCategory) out.categories[k] = static_cast<Category>(s.category);
  }
  out.snapshot.buildIndexes();
  return out;
}

}  // namespace salesops::forecast
