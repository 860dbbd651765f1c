#include "services/ForecastService.h"

#include <algorithm>
#include <array>
#include <limits>

#include "common/Currency.h"
#include "common/Error.h"
#include "storage/KpiSnapshotLoader.h"

namespace salesops {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Nodes of the subtree rooted at `node` (the rollup is laid out depth-first).
std::vector<std::int32_t> subtree(const forecast::Rollup& rollup, std::int32_t node) {
  std::vector<std::int32_t> out{node};
  for (auto k = static_cast<std::size_t>(node) + 1;
       k < rollup.nodes.size() && rollup.nodes[k].depth > rollup.nodes[node].depth; ++k) {
    out.push_back(static_cast<std::int32_t>(k));
  }
  return out;
}

Date sundayOnOrAfter(Date d) noexcept {
  const int weekday = ((d.days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; Monday = 0
  return d.addDays(6 - weekday);
}

}  // namespace

std::int32_t ForecastData::repIndex(std::string_view repId) const {
  for (std::size_t r = 0; r < snapshot.reps.size(); ++r) {
    if (snapshot.reps.id[r] == repId) return static_cast<std::int32_t>(r);
  }
  throw Error(ErrorKind::Usage, "unknown rep \"" + std::string(repId) + "\"");
}

ForecastData loadForecastData(Workbook& workbook, bool withHistory, const LongTask& task) {
  ForecastData data{loadKpiSnapshot(workbook, task), {}, {}, workbook.fiscalCalendar(), 2};
  task.report("Loading forecast categories", 0, 0);
  data.categories = loadForecastCategories(workbook);
  data.minorDigits = minorDigits(data.snapshot.currency);
  if (withHistory) {
    task.checkCancelled();
    task.report("Loading opportunity history", 0, 0);
    data.history = loadDealHistory(workbook, data.snapshot);
  }
  return data;
}

forecast::Rollup forecastRollup(Workbook& workbook, const ForecastData& data, const Period& period) {
  return forecast::computeRollup(data.snapshot, data.categories, period,
                                 loadAdjustments(workbook, data.snapshot, period));
}

void adjustForecast(Workbook& workbook, const ForecastData& data, const Period& period, const AdjustRequest& request) {
  forecast::Adjustment a;
  a.rep = data.repIndex(request.rep);
  a.view = request.view;
  a.layer = request.layer;
  a.amount = request.amount;
  a.author = request.author;
  a.note = request.note;
  a.createdAt = request.at;
  appendAdjustment(workbook, data.snapshot, period, a);
}

std::vector<SubmissionRow> submitForecast(Workbook& workbook, const ForecastData& data, const Period& period,
                                          std::string_view rep, std::int64_t at) {
  const forecast::Rollup rollup = forecastRollup(workbook, data, period);
  std::vector<std::int32_t> nodes;
  if (rep.empty()) {
    for (std::size_t n = 0; n < rollup.nodes.size(); ++n) nodes.push_back(static_cast<std::int32_t>(n));
  } else {
    nodes = subtree(rollup, rollup.nodeOfRep[data.repIndex(rep)]);
  }
  std::vector<SubmissionRow> rows;
  for (const auto node : nodes) {
    const auto amounts = forecast::submissionAmounts(rollup, node);
    for (const auto view : {forecast::View::Commit, forecast::View::BestCase, forecast::View::Pipeline}) {
      rows.push_back({rollup.nodes[node].rep, period, at, view, amounts[static_cast<std::size_t>(view)]});
    }
  }
  appendSubmissions(workbook, data.snapshot, rows);
  return rows;
}

ForecastTrend forecastTrend(Workbook& workbook, const ForecastData& data, const forecast::Rollup& rollup,
                            std::int32_t node, Date asOf) {
  ForecastTrend out;
  out.result = rollup.nodes[node].raw[static_cast<std::size_t>(forecast::View::Closed)];
  std::vector<std::uint8_t> inTeam(data.snapshot.reps.size(), 0);
  for (const auto n : subtree(rollup, node)) inTeam[rollup.nodes[n].rep] = 1;
  std::vector<SubmissionRow> rows;
  for (auto& row : loadSubmissions(workbook, data.snapshot, rollup.period)) {
    if (row.period == rollup.period && inTeam[row.rep]) rows.push_back(row);
  }
  if (rows.empty()) return out;
  // Latest call per (rep, category) as the weeks go by; rows arrive oldest first.
  constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::min();
  std::vector<std::array<std::int64_t, forecast::kViewCount>> latest(data.snapshot.reps.size());
  for (auto& l : latest) l.fill(kNone);
  const Date last = std::min(rollup.period.end, asOf);
  std::size_t next = 0;
  for (Date week = sundayOnOrAfter(Timestamp{rows.front().submittedAt}.date()); week <= sundayOnOrAfter(last);
       week = week.addDays(7)) {
    const std::int64_t cutoff = (static_cast<std::int64_t>(week.days) + 1) * kSecondsPerDay;
    for (; next < rows.size() && rows[next].submittedAt < cutoff; ++next) {
      latest[rows[next].rep][static_cast<std::size_t>(rows[next].view)] = rows[next].amount;
    }
    TrendPoint point;
    point.weekEnd = week;
    for (std::size_t r = 0; r < latest.size(); ++r) {
      if (!inTeam[r]) continue;
      const auto& l = latest[r];
      const auto value = [&](forecast::View v) {
        return l[static_cast<std::size_t>(v)] == kNone ? 0 : l[static_cast<std::size_t>(v)];
      };
      if (l[1] != kNone || l[2] != kNone || l[3] != kNone) ++point.callers;
      point.commit += value(forecast::View::Commit);
      point.bestCase += value(forecast::View::BestCase);
      point.pipeline += value(forecast::View::Pipeline);
    }
    out.points.push_back(point);
  }
  return out;
}

}  // namespace salesops
