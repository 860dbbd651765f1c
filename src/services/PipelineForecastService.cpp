// The pipeline forecast use case: learned probabilities, the open deals of the period with their chance of
// closing won inside it, the Monte Carlo simulation, and its summary per node of the scope's team.
#include <algorithm>
#include <cmath>

#include "common/Error.h"
#include "services/ForecastService.h"

namespace salesops {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t roundHalfAway(double v) noexcept { return static_cast<std::int64_t>(std::llround(v)); }

// The period form of the request decides what "slipped to a later period" means.
std::function<Date(Date)> periodEndFunction(const FiscalCalendar& calendar, const Period& period) {
  if (period.days() <= 31) return [calendar](Date d) { return calendar.monthContaining(d).end; };
  if (period.days() <= 92) return [calendar](Date d) { return calendar.quarterContaining(d).end; };
  return [calendar](Date d) { return calendar.yearContaining(d).end; };
}

std::int32_t repIndexIn(const KpiSnapshot& s, std::string_view repId) {
  for (std::size_t r = 0; r < s.reps.size(); ++r) {
    if (s.reps.id[r] == repId) return static_cast<std::int32_t>(r);
  }
  throw Error(ErrorKind::Usage, "unknown rep \"" + std::string(repId) + "\"");
}

std::int32_t stagePosition(const KpiSnapshot& s, std::int32_t stage) {
  const auto it = std::find(s.openStages.begin(), s.openStages.end(), stage);
  return it == s.openStages.end() ? -1 : static_cast<std::int32_t>(it - s.openStages.begin());
}

}  // namespace

PipelineReport simulatePipeline(const KpiSnapshot& snap, const forecast::DealHistory& history,
                                const FiscalCalendar& calendar, forecast::Rollup rollupOfPeriod,
                                const PipelineRequest& request, const forecast::LearnedProbabilities* probabilities,
                                const LongTask& task) {
  const auto& opps = snap.opportunities;
  const Period& period = request.period;
  PipelineReport report;
  report.rollup = std::move(rollupOfPeriod);
  const forecast::Rollup& rollup = report.rollup;
  report.probabilities =
      probabilities ? *probabilities
                    : forecast::learnProbabilities(snap, history, request.asOf, periodEndFunction(calendar, period));
  // The scope: one node's team, or every root (node kNoIndex stands for "everyone").
  std::vector<std::uint8_t> inScope(snap.reps.size(), 0);
  std::int32_t scopeNode = kNoIndex;
  std::size_t first = 0, last = rollup.nodes.size();
  if (!request.scope.empty()) {
    scopeNode = rollup.nodeOfRep[repIndexIn(snap, request.scope)];
    first = static_cast<std::size_t>(scopeNode);
    last = first + 1;
    while (last < rollup.nodes.size() && rollup.nodes[last].depth > rollup.nodes[first].depth) ++last;
  }
  for (std::size_t n = first; n < last; ++n) inScope[rollup.nodes[n].rep] = 1;

  std::int32_t slipBefore = -1;
  if (!request.slipBeforeStage.empty()) {
    for (std::size_t s = 0; s < snap.stages.name.size(); ++s) {
      if (snap.stages.name[s] == request.slipBeforeStage)
        slipBefore = stagePosition(snap, static_cast<std::int32_t>(s));
    }
    if (slipBefore < 0)
      throw Error(ErrorKind::Usage, "--slip-before: \"" + request.slipBeforeStage + "\" is not an open stage");
  }

  // The open deals that can still close won inside the period: due in it, or past due while it runs.
  const auto states = forecast::statesAsOf(snap, history, request.asOf);
  struct Deal {
    std::int32_t opp;
    double probability;
  };
  std::vector<Deal> deals;
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.kind[o] != StageKind::Open || opps.closeDay[o] > period.end.days) continue;
    if (request.asOf > period.end) break;  // the period is over: what it booked is all it gets
    if (opps.closeDay[o] < period.start.days && request.asOf < period.start) continue;
    const std::int32_t b = snap.splitBegin[o], e = snap.splitBegin[o + 1];
    bool credited = b == e ? inScope[opps.owner[o]] != 0 : false;
    for (std::int32_t k = b; k < e; ++k) credited = credited || inScope[snap.splits.rep[k]] != 0;
    if (!credited) continue;
    const std::int32_t stage = opps.stage[o];
    const auto& state = states[o];
    const std::int64_t since =
        state.stage == stage ? state.stageSince : static_cast<std::int64_t>(opps.createdDay[o]) * kSecondsPerDay;
    const auto age = static_cast<std::int32_t>(std::max<std::int64_t>(
        0, ((static_cast<std::int64_t>(request.asOf.days) + 1) * kSecondsPerDay - since) / kSecondsPerDay));
    double p = report.probabilities.winProbability(stage, age) * (1.0 - report.probabilities.slipProbability(stage));
    if (slipBefore >= 0 && stagePosition(snap, stage) < slipBefore) p = 0;
    deals.push_back({static_cast<std::int32_t>(o), p});
  }
  if (request.dropLargest > 0) {
    std::stable_sort(deals.begin(), deals.end(),
                     [&](const Deal& a, const Deal& b) { return opps.amount[a.opp] > opps.amount[b.opp]; });
    deals.erase(deals.begin(), deals.begin() + std::min<std::ptrdiff_t>(request.dropLargest,
                                                                        static_cast<std::ptrdiff_t>(deals.size())));
  }

  forecast::SimulationInput input;
  input.groups = static_cast<std::int32_t>(snap.reps.size());
  input.booked.assign(snap.reps.size(), 0);
  for (const auto& node : rollup.nodes)
    input.booked[node.rep] = node.own[static_cast<std::size_t>(forecast::View::Closed)];
  input.creditBegin.push_back(0);
  std::vector<double> expectedOwn(snap.reps.size(), 0.0);
  std::vector<std::int64_t> dealsOwn(snap.reps.size(), 0);
  for (const Deal& d : deals) {
    input.key.push_back(static_cast<std::uint64_t>(d.opp));
    input.probability.push_back(d.probability);
    const std::int32_t b = snap.splitBegin[d.opp], e = snap.splitBegin[d.opp + 1];
    const auto credit = [&](std::int32_t rep, std::int64_t amount) {
      input.creditGroup.push_back(rep);
      input.creditAmount.push_back(amount);
      expectedOwn[rep] += d.probability * static_cast<double>(amount);
      ++dealsOwn[rep];
    };
    if (b == e) credit(opps.owner[d.opp], opps.amount[d.opp]);
    for (std::int32_t k = b; k < e; ++k) {
      credit(snap.splits.rep[k],
             roundHalfAway(static_cast<double>(opps.amount[d.opp]) * snap.splits.percent[k] / 10000.0));
    }
    input.creditBegin.push_back(static_cast<std::int32_t>(input.creditGroup.size()));
  }
  const forecast::SimulationResult sim = forecast::simulate(input, request.simulation, task);
  report.trials = sim.trials;

  // Team outcomes per node, children folded into parents from the bottom of the depth-first layout.
  const auto trials = static_cast<std::size_t>(sim.trials);
  std::vector<std::vector<std::int64_t>> team(last - first);
  std::vector<double> expected(last - first);
  std::vector<std::int64_t> open(last - first);
  for (std::size_t n = last; n-- > first;) {
    const std::int32_t rep = rollup.nodes[n].rep;
    auto& row = team[n - first];
    if (row.empty()) row.assign(trials, 0);  // else its reports already added theirs
    for (std::size_t t = 0; t < trials; ++t) row[t] += sim.row(rep)[t];
    expected[n - first] += static_cast<double>(input.booked[rep]) + expectedOwn[rep];
    open[n - first] += dealsOwn[rep];
    const std::int32_t parent = rollup.nodes[n].parent;
    if (parent != kNoIndex && static_cast<std::size_t>(parent) >= first && n != first) {
      auto& up = team[static_cast<std::size_t>(parent) - first];
      if (up.empty()) up.assign(trials, 0);
      for (std::size_t t = 0; t < trials; ++t) up[t] += row[t];
      expected[static_cast<std::size_t>(parent) - first] += expected[n - first];
      open[static_cast<std::size_t>(parent) - first] += open[n - first];
    }
  }
  const auto summarise = [&](std::int32_t node, const std::vector<std::int64_t>& row, double exp, std::int64_t count,
                             std::int64_t bookedAmount, std::int64_t quota, std::int64_t commit) {
    PipelineNodeResult r;
    r.node = node;
    r.booked = bookedAmount;
    r.openDeals = count;
    r.expected = exp;
    double sum = 0;
    for (const auto v : row) sum += static_cast<double>(v);
    r.simulatedMean = row.empty() ? 0 : sum / static_cast<double>(row.size());
    r.p10 = forecast::percentile(row, 0.10);
    r.p50 = forecast::percentile(row, 0.50);
    r.p90 = forecast::percentile(row, 0.90);
    r.quota = quota;
    r.commitCall = commit;
    r.chanceOfQuota = forecast::shareAtLeast(row, quota);
    r.chanceOfCommit = forecast::shareAtLeast(row, commit);
    return r;
  };
  constexpr auto kClosed = static_cast<std::size_t>(forecast::View::Closed);
  constexpr auto kCommit = static_cast<std::size_t>(forecast::View::Commit);
  std::vector<std::int64_t> scopeRow;
  if (scopeNode == kNoIndex) {  // everyone: the sum of the roots
    scopeRow.assign(trials, 0);
    double exp = 0;
    std::int64_t count = 0, bookedAll = 0, quota = 0, commit = 0;
    for (std::size_t n = first; n < last; ++n) {
      if (rollup.nodes[n].parent != kNoIndex) continue;
      for (std::size_t t = 0; t < trials; ++t) scopeRow[t] += team[n - first][t];
      exp += expected[n - first];
      count += open[n - first];
      bookedAll += rollup.nodes[n].raw[kClosed];
      quota += rollup.nodes[n].quota;
      commit += rollup.nodes[n].adjusted[kCommit];
    }
    report.nodes.push_back(summarise(kNoIndex, scopeRow, exp, count, bookedAll, quota, commit));
  } else {
    scopeRow = team[0];
  }
  for (std::size_t n = first; n < last; ++n) {
    const auto& node = rollup.nodes[n];
    report.nodes.push_back(summarise(static_cast<std::int32_t>(n), team[n - first], expected[n - first],
                                     open[n - first], node.raw[kClosed], node.quota, node.adjusted[kCommit]));
  }

  // Histogram of the scope's outcomes for the chart.
  if (!scopeRow.empty() && request.histogramBins > 0) {
    const auto [lo, hi] = std::minmax_element(scopeRow.begin(), scopeRow.end());
    const std::int64_t width = std::max<std::int64_t>(1, (*hi - *lo) / request.histogramBins + 1);
    for (std::int32_t b = 0; b <= request.histogramBins; ++b) report.histogramEdges.push_back(*lo + b * width);
    report.histogramCounts.assign(static_cast<std::size_t>(request.histogramBins), 0);
    for (const auto v : scopeRow) ++report.histogramCounts[static_cast<std::size_t>((v - *lo) / width)];
  }
  return report;
}

PipelineReport pipelineForecast(Workbook& workbook, const ForecastData& data, const PipelineRequest& request,
                                const LongTask& task) {
  return simulatePipeline(data.snapshot, data.history, data.calendar, forecastRollup(workbook, data, request.period),
                          request, nullptr, task);
}

}  // namespace salesops
