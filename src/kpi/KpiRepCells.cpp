#include "kpi/KpiRepCells.h"

#include <algorithm>
#include <future>

namespace salesops {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::size_t kParallelRows = 100000;

std::int32_t dayOfSeconds(std::int64_t seconds) noexcept {
  std::int64_t day = seconds / kSecondsPerDay;
  if (seconds % kSecondsPerDay < 0) --day;  // floor, for instants before 1970
  return static_cast<std::int32_t>(day);
}

}  // namespace

KpiRepCells::KpiRepCells(const KpiSnapshot& snapshot, const std::vector<Period>& periods, const KpiParams& params)
    : periods_(periods.size()),
      levelCount_(snapshot.openStages.size() + 2),
      cells_(snapshot.reps.size() * periods.size()),
      totals_(snapshot.reps.size()),
      levels_(cells_.size() * levelCount_, 0) {
  const PeriodIndex index(periods);
  const auto& reps = snapshot.reps;
  for (std::size_t r = 0; r < reps.size(); ++r) {
    for (std::size_t p = 0; p < periods_; ++p) {
      cells_[r * periods_ + p].employed =
          reps.startDay[r] <= periods[p].end.days && reps.endDay[r] >= periods[p].start.days;
    }
  }
  // Leads and activities fill other members of the cells than opportunities, quotas and forecasts do, so
  // the two halves run on two cores without sharing a written byte. Small snapshots are not worth a thread.
  const std::size_t sideRows = snapshot.leads.owner.size() + snapshot.activities.rep.size();
  if (sideRows >= kParallelRows) {
    auto side = std::async(std::launch::async, [&] { addLeadsAndActivities(snapshot, index); });
    addOpportunities(snapshot, index, params);
    addQuotasAndForecasts(snapshot, periods, params);
    side.get();
  } else {
    addOpportunities(snapshot, index, params);
    addQuotasAndForecasts(snapshot, periods, params);
    addLeadsAndActivities(snapshot, index);
  }
}

void KpiRepCells::addOpportunities(const KpiSnapshot& s, const PeriodIndex& index, const KpiParams& params) {
  using Choices = KpiDefinitionChoices;
  const auto& o = s.opportunities;
  const std::size_t n = o.size();
  const bool cohort = params.choices.closedSet == Choices::ClosedSet::Cohort;
  const bool lostCycles = params.choices.cycleSet == Choices::CycleSet::AllClosed;
  const Date asOf = params.asOf;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t owner = o.owner[i];
    const std::int64_t amount = o.amount[i];
    const StageKind kind = o.kind[i];
    if (kind == StageKind::Open) {
      RepTotals& t = totals_[static_cast<std::size_t>(owner)];
      t.openAmount += amount;
      if (o.closeDay[i] < asOf.days) t.pastDueAmount += amount;
    } else {
      // Win rate, cycle and deal size: the closed set is chosen; bookings always follow the close date.
      const std::int32_t cycle = o.closeDay[i] - o.createdDay[i];
      for (const std::int32_t p : index.at(cohort ? o.createdDay[i] : o.closeDay[i])) {
        RepPeriodCell& c = cell(owner, p);
        if (kind == StageKind::Won) {
          ++c.won;
          c.wonAmount += amount;
          c.dealAmounts.push_back(amount);
        } else {
          ++c.lost;
          c.lostAmount += amount;
          if (!lostCycles) continue;
        }
        ++c.cycleCount;
        c.cycleDaysSum += cycle;
        c.cycleDays.push_back(cycle);
      }
    }
    for (const std::int32_t p : index.at(o.closeDay[i])) {
      if (kind == StageKind::Open) {
        RepPeriodCell& c = cell(owner, p);
        ++c.openCount;
        c.pipeline += amount;
        c.weighted += static_cast<__int128>(amount) * o.probability[i];
      } else if (kind == StageKind::Won) {
        const auto first = s.splitBegin[i], last = s.splitBegin[i + 1];
        if (first == last) {
          cell(owner, p).credit += static_cast<__int128>(amount) * 10000;
        } else {
          for (auto k = static_cast<std::size_t>(first); k < static_cast<std::size_t>(last); ++k) {
            cell(s.splits.rep[k], p).credit += static_cast<__int128>(amount) * s.splits.percent[k];
          }
        }
      }
    }
    for (const std::int32_t p : index.at(o.createdDay[i])) {
      ++levels_[(static_cast<std::size_t>(owner) * periods_ + static_cast<std::size_t>(p)) * levelCount_ +
                s.reachedLevel[i]];
    }
  }
}

void KpiRepCells::addQuotasAndForecasts(const KpiSnapshot& s, const std::vector<Period>& periods,
                                        const KpiParams& params) {
  // Few rows (reps × fiscal periods), so a loop over the requested periods per row is cheap.
  const auto& q = s.quotas;
  for (std::size_t i = 0; i < q.rep.size(); ++i) {
    const std::int64_t rowDays = static_cast<std::int64_t>(q.endDay[i]) - q.startDay[i] + 1;
    for (std::size_t p = 0; p < periods_; ++p) {
      const std::int64_t from = std::max(q.startDay[i], periods[p].start.days);
      const std::int64_t to = std::min(q.endDay[i], periods[p].end.days);
      if (to < from) continue;
      cell(q.rep[i], static_cast<std::int32_t>(p)).quota.add(q.amount[i], to - from + 1, rowDays);
    }
  }
  const auto& f = s.forecasts;
  for (std::size_t i = 0; i < f.rep.size(); ++i) {
    if (!f.commit[i]) continue;
    for (std::size_t p = 0; p < periods_; ++p) {
      // A call is "for P" when it was made for exactly that period (see docs/kpis.md).
      if (f.startDay[i] != periods[p].start.days || f.endDay[i] != periods[p].end.days) continue;
      const Date cutoff = params.forecastCutoff.value_or(periods[p].start);
      if (dayOfSeconds(f.submittedAt[i]) > cutoff.days) continue;
      RepPeriodCell& c = cell(f.rep[i], static_cast<std::int32_t>(p));
      if (!c.hasForecast || f.submittedAt[i] >= c.forecastAt) {
        c.hasForecast = true;
        c.forecastAt = f.submittedAt[i];
        c.forecastAmount = f.amount[i];
      }
    }
  }
}

void KpiRepCells::addLeadsAndActivities(const KpiSnapshot& s, const PeriodIndex& index) {
  const auto& l = s.leads;
  for (std::size_t i = 0; i < l.owner.size(); ++i) {
    if (l.owner[i] == kNoIndex) continue;
    for (const std::int32_t p : index.at(dayOfSeconds(l.createdAt[i]))) {
      RepPeriodCell& c = cell(l.owner[i], p);
      ++c.leads;
      if (l.converted[i]) ++c.leadsConverted;
      if (l.firstResponseAt[i] != kNoTime) {
        const std::int64_t seconds = l.firstResponseAt[i] - l.createdAt[i];
        ++c.leadsAnswered;
        c.responseSecondsSum += seconds;
        c.responseSeconds.push_back(seconds);
      }
    }
  }
  const auto& a = s.activities;
  for (std::size_t i = 0; i < a.rep.size(); ++i) {
    if (a.rep[i] == kNoIndex) continue;
    for (const std::int32_t p : index.at(a.startedDay[i])) {
      RepPeriodCell& c = cell(a.rep[i], p);
      if (a.type[i] == ActivityType::Meeting) ++c.meetings;
      c.activityMinutes += a.minutes[i];
      if (a.selling[i]) c.sellingMinutes += a.minutes[i];
    }
  }
}

}  // namespace salesops
