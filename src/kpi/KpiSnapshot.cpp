#include "kpi/KpiSnapshot.h"

#include <algorithm>
#include <numeric>

namespace salesops {

std::uint16_t KpiSnapshot::effectiveProbability(StageKind kind, int ownHundredths, int stageHundredths) noexcept {
  if (kind == StageKind::Won) return 10000;
  if (kind == StageKind::Lost) return 0;
  const int p = ownHundredths >= 0 ? ownHundredths : stageHundredths;
  return static_cast<std::uint16_t>(std::clamp(p, 0, 10000));
}

void KpiSnapshot::buildIndexes() {
  const std::size_t opps = opportunities.size();

  // Splits by opportunity (stable, so the stored order of one opportunity's rows is kept).
  const std::size_t nSplits = splits.opportunity.size();
  std::vector<std::size_t> order(nSplits);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return splits.opportunity[a] < splits.opportunity[b]; });
  Splits sorted;
  sorted.opportunity.reserve(nSplits);
  sorted.rep.reserve(nSplits);
  sorted.percent.reserve(nSplits);
  for (std::size_t i : order) {
    sorted.opportunity.push_back(splits.opportunity[i]);
    sorted.rep.push_back(splits.rep[i]);
    sorted.percent.push_back(splits.percent[i]);
  }
  splits = std::move(sorted);
  splitBegin.assign(opps + 1, 0);
  for (std::int32_t o : splits.opportunity) ++splitBegin[static_cast<std::size_t>(o) + 1];
  for (std::size_t o = 0; o < opps; ++o) splitBegin[o + 1] += splitBegin[o];

  // Open stages in pipeline order; position + 1 is the "level" an opportunity reaches by entering one.
  openStages.clear();
  for (std::size_t s = 0; s < stages.kind.size(); ++s) {
    if (stages.kind[s] == StageKind::Open) openStages.push_back(static_cast<std::int32_t>(s));
  }
  std::stable_sort(openStages.begin(), openStages.end(),
                   [&](std::int32_t a, std::int32_t b) { return stages.sortOrder[a] < stages.sortOrder[b]; });
  std::vector<std::uint8_t> levelOfStage(stages.kind.size(), 0);
  const auto wonLevel = static_cast<std::uint8_t>(std::min<std::size_t>(openStages.size() + 1, 255));
  for (std::size_t pos = 0; pos < openStages.size(); ++pos) {
    levelOfStage[static_cast<std::size_t>(openStages[pos])] =
        static_cast<std::uint8_t>(std::min<std::size_t>(pos + 1, 254));
  }
  for (std::size_t s = 0; s < stages.kind.size(); ++s) {
    if (stages.kind[s] == StageKind::Won) levelOfStage[s] = wonLevel;
  }

  // Every opportunity entered the pipeline somewhere, so it counts as having reached the first open stage
  // even when its history is empty and it is now lost (see docs/kpis.md).
  reachedLevel.assign(opps, 1);
  for (std::size_t o = 0; o < opps; ++o) {
    reachedLevel[o] = std::max(reachedLevel[o], levelOfStage[opportunities.stage[o]]);
  }
  for (std::size_t h = 0; h < history.opportunity.size(); ++h) {
    auto& level = reachedLevel[static_cast<std::size_t>(history.opportunity[h])];
    // A lost stage in the history says nothing about how far the deal got; a won one that was later reopened
    // still counts as having reached every stage.
    level = std::max(level, levelOfStage[history.stage[h]]);
  }
}

}  // namespace salesops
