#pragma once
// Hand-built KPI snapshots for the engine's unit tests: no database, dates as text for readability, money in
// minor units of USD.
#include <optional>
#include <string>
#include <vector>

#include "common/Date.h"
#include "common/Period.h"
#include "kpi/KpiEngine.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::testing {

inline Date day(const std::string& iso) { return *parseDate(iso); }
inline std::int64_t at(const std::string& iso) { return parseTimestamp(iso)->value.seconds; }
inline Period period(const std::string& from, const std::string& to) { return Period{day(from), day(to)}; }

// The quarters and the year of 2026, in which the hand-built snapshots of the KPI and comp tests live.
inline const Period kQ1 = period("2026-01-01", "2026-03-31");
inline const Period kQ2 = period("2026-04-01", "2026-06-30");
inline const Period kQ3 = period("2026-07-01", "2026-09-30");
inline const Period kQ4 = period("2026-10-01", "2026-12-31");
inline const Period kFY = period("2026-01-01", "2026-12-31");

// Stage indexes of the default pipeline (CLI.md).
enum Stage : std::uint16_t { kProspecting, kQualification, kNeedsAnalysis, kProposal, kNegotiation, kWon, kLost };

class SnapshotBuilder {
 public:
  SnapshotBuilder() {
    const char* names[] = {"Prospecting", "Qualification", "Needs Analysis", "Proposal",
                           "Negotiation", "Closed Won",    "Closed Lost"};
    const std::uint16_t probabilities[] = {1000, 2000, 3000, 6000, 8000, 10000, 0};
    for (int i = 0; i < 7; ++i) {
      s_.stages.name.emplace_back(names[i]);
      s_.stages.kind.push_back(i < 5 ? StageKind::Open : (i == 5 ? StageKind::Won : StageKind::Lost));
      s_.stages.sortOrder.push_back(i + 1);
      s_.stages.probability.push_back(probabilities[i]);
    }
  }

  std::int32_t rep(const std::string& id, std::int32_t manager = kNoIndex, const std::string& start = "",
                   const std::string& end = "", std::int32_t team = kNoIndex) {
    auto& r = s_.reps;
    r.id.push_back(id);
    r.name.push_back("Rep " + id);
    r.team.push_back(team);
    r.manager.push_back(manager);
    r.startDay.push_back(start.empty() ? kDayMin : day(start).days);
    r.endDay.push_back(end.empty() ? kDayMax : day(end).days);
    return static_cast<std::int32_t>(r.id.size() - 1);
  }

  std::int32_t opp(std::int32_t owner, Stage stage, std::int64_t amount, const std::string& created,
                   const std::string& close, int probability = -1) {
    auto& o = s_.opportunities;
    o.owner.push_back(owner);
    o.stage.push_back(stage);
    o.kind.push_back(s_.stages.kind[stage]);
    o.amount.push_back(amount);
    o.probability.push_back(
        KpiSnapshot::effectiveProbability(s_.stages.kind[stage], probability, s_.stages.probability[stage]));
    o.createdDay.push_back(day(created).days);
    o.closeDay.push_back(day(close).days);
    return static_cast<std::int32_t>(o.owner.size() - 1);
  }

  void split(std::int32_t opp, std::int32_t rep, std::uint16_t percentHundredths) {
    s_.splits.opportunity.push_back(opp);
    s_.splits.rep.push_back(rep);
    s_.splits.percent.push_back(percentHundredths);
  }

  void history(std::int32_t opp, Stage stage) {
    s_.history.opportunity.push_back(opp);
    s_.history.stage.push_back(stage);
  }

  void quota(std::int32_t rep, const std::string& from, const std::string& to, std::int64_t amount) {
    s_.quotas.rep.push_back(rep);
    s_.quotas.startDay.push_back(day(from).days);
    s_.quotas.endDay.push_back(day(to).days);
    s_.quotas.amount.push_back(amount);
  }

  void forecast(std::int32_t rep, const std::string& from, const std::string& to, const std::string& submitted,
                std::int64_t amount, bool commit = true) {
    auto& f = s_.forecasts;
    f.rep.push_back(rep);
    f.startDay.push_back(day(from).days);
    f.endDay.push_back(day(to).days);
    f.submittedAt.push_back(at(submitted));
    f.commit.push_back(commit ? 1 : 0);
    f.amount.push_back(amount);
  }

  void lead(std::int32_t owner, const std::string& created, const std::string& response, bool converted) {
    auto& l = s_.leads;
    l.owner.push_back(owner);
    l.createdAt.push_back(at(created));
    l.firstResponseAt.push_back(response.empty() ? kNoTime : at(response));
    l.converted.push_back(converted ? 1 : 0);
  }

  void activity(std::int32_t rep, ActivityType type, const std::string& started, std::int32_t minutes,
                std::optional<bool> selling = std::nullopt) {
    auto& a = s_.activities;
    a.rep.push_back(rep);
    a.type.push_back(type);
    a.startedDay.push_back(day(started).days);
    a.minutes.push_back(minutes);
    a.selling.push_back(selling.value_or(KpiSnapshot::defaultSelling(type)) ? 1 : 0);
  }

  KpiSnapshot build() const {
    KpiSnapshot copy = s_;
    copy.buildIndexes();
    return copy;
  }

 private:
  KpiSnapshot s_;
};

inline KpiGroup group(const std::string& id, std::vector<std::int32_t> reps) {
  return KpiGroup{id, id, std::move(reps)};
}

// One group, one period.
inline KpiGridCell evaluate(const KpiSnapshot& snapshot, const KpiGroup& g, const Period& p,
                            const std::string& asOf = "2026-06-30", std::optional<Date> cutoff = std::nullopt) {
  return computeKpis(snapshot, {g}, {p}, KpiParams{day(asOf), cutoff}).cell(0, 0);
}

// One group, one period, under definition choices given as "NAME=VALUE" (see kpi/KpiDefinitions.h).
inline KpiGridCell evaluateWith(const KpiSnapshot& snapshot, const KpiGroup& g, const Period& p,
                                std::initializer_list<std::string_view> definitions) {
  KpiParams params{day("2026-06-30"), std::nullopt};
  for (const auto definition : definitions) applyDefinition(params.choices, definition);
  return computeKpis(snapshot, {g}, {p}, params).cell(0, 0);
}

}  // namespace salesops::testing
