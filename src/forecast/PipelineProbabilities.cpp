#include "forecast/PipelineProbabilities.h"

#include <algorithm>

namespace salesops::forecast {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

void count(LearnedRate& rate, bool hit) noexcept {
  ++rate.samples;
  if (hit) ++rate.hits;
}

void finish(LearnedRate& rate, std::int64_t minSamples) noexcept {
  if (rate.samples > 0) rate.rate = static_cast<double>(rate.hits) / static_cast<double>(rate.samples);
  rate.insufficient = rate.samples < minSamples;
}

}  // namespace

const StageProbabilities* LearnedProbabilities::find(std::int32_t stage) const noexcept {
  for (const auto& s : stages) {
    if (s.stage == stage) return &s;
  }
  return nullptr;
}

double LearnedProbabilities::winProbability(std::int32_t stage, std::int32_t ageDays) const noexcept {
  const StageProbabilities* s = find(stage);
  if (!s) return 0;
  for (std::size_t b = kAgeBucketFrom.size(); b-- > 0;) {
    if (ageDays >= kAgeBucketFrom[b]) {
      if (!s->winByAge[b].insufficient) return *s->winByAge[b].rate;
      break;
    }
  }
  return s->win.insufficient ? s->configured : *s->win.rate;
}

double LearnedProbabilities::slipProbability(std::int32_t stage) const noexcept {
  const StageProbabilities* s = find(stage);
  return s && !s->slip.insufficient ? *s->slip.rate : 0.0;
}

LearnedProbabilities learnProbabilities(const KpiSnapshot& snapshot, const DealHistory& history, Date asOf,
                                        const std::function<Date(Date)>& periodEndOf, std::int64_t minSamples) {
  LearnedProbabilities out;
  out.minSamples = minSamples;
  std::vector<std::int32_t> slot(snapshot.stages.name.size(), kNoIndex);
  for (const auto stage : snapshot.openStages) {
    slot[stage] = static_cast<std::int32_t>(out.stages.size());
    StageProbabilities s;
    s.stage = stage;
    s.configured = snapshot.stages.probability[stage] / 10000.0;
    out.stages.push_back(s);
  }
  const auto& opps = snapshot.opportunities;
  const std::int64_t horizon = (static_cast<std::int64_t>(asOf.days) + 1) * kSecondsPerDay;
  const auto begin = history.rowsByOpportunity(opps.size());
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.kind[o] == StageKind::Open || opps.closeDay[o] > asOf.days) continue;
    const bool won = opps.kind[o] == StageKind::Won;
    std::int32_t stage = kNoIndex, expectedClose = kUnchangedDay;
    std::int64_t since = 0;
    const auto episode = [&](std::int64_t until) {
      if (stage == kNoIndex || slot[stage] == kNoIndex) return;
      StageProbabilities& s = out.stages[slot[stage]];
      const auto days = static_cast<std::int32_t>(std::max<std::int64_t>(0, (until - since) / kSecondsPerDay));
      count(s.win, won);
      for (std::size_t b = 0; b < kAgeBucketFrom.size(); ++b) {
        if (days >= kAgeBucketFrom[b]) count(s.winByAge[b], won);
      }
      if (won && expectedClose != kUnchangedDay) {
        count(s.slip, opps.closeDay[o] > periodEndOf(Date{expectedClose}).days);
      }
    };
    for (std::int32_t k = begin[o]; k < begin[o + 1]; ++k) {
      if (history.changedAt[k] >= horizon) break;
      if (history.stage[k] != kNoIndex && history.stage[k] != stage) {
        episode(history.changedAt[k]);
        stage = history.stage[k];
        since = history.changedAt[k];
        if (history.closeDay[k] != kUnchangedDay) expectedClose = history.closeDay[k];
        continue;
      }
      if (history.closeDay[k] != kUnchangedDay) expectedClose = history.closeDay[k];
    }
    // A history that ends in an open stage: the deal left it when it closed.
    if (stage != kNoIndex && snapshot.stages.kind[stage] == StageKind::Open) {
      episode(static_cast<std::int64_t>(opps.closeDay[o]) * kSecondsPerDay);
    }
  }
  for (auto& s : out.stages) {
    finish(s.win, minSamples);
    for (auto& b : s.winByAge) finish(b, minSamples);
    finish(s.slip, minSamples);
  }
  return out;
}

std::vector<DealState> statesAsOf(const KpiSnapshot& snapshot, const DealHistory& history, Date asOf) {
  const auto& opps = snapshot.opportunities;
  std::vector<DealState> out(opps.size());
  const std::int64_t horizon = (static_cast<std::int64_t>(asOf.days) + 1) * kSecondsPerDay;
  const auto begin = history.rowsByOpportunity(opps.size());
  for (std::size_t o = 0; o < opps.size(); ++o) {
    DealState& s = out[o];
    for (std::int32_t k = begin[o]; k < begin[o + 1] && history.changedAt[k] < horizon; ++k) {
      if (history.stage[k] != kNoIndex && history.stage[k] != s.stage) {
        s.stage = history.stage[k];
        s.stageSince = history.changedAt[k];
      }
      if (history.closeDay[k] != kUnchangedDay) s.closeDay = history.closeDay[k];
      if (history.amount[k] != kUnchangedAmount) s.amount = history.amount[k];
      if (history.category[k] != kUnchangedCategory) s.category = history.category[k];
    }
  }
  return out;
}

}  // namespace salesops::forecast
