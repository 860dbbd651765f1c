#include "services/KpiService.h"

#include <sqlite3.h>

#include <algorithm>
#include <future>
#include <map>
#include <numeric>

#include "common/Currency.h"
#include "common/Error.h"
#include "kpi/KpiEngine.h"
#include "services/KpiTerritories.h"
#include "storage/KpiSnapshotLoader.h"

namespace salesops {

std::optional<KpiGrouping> parseKpiGrouping(std::string_view text) noexcept {
  if (text == "all") return KpiGrouping::All;
  if (text == "rep") return KpiGrouping::Rep;
  if (text == "team") return KpiGrouping::Team;
  if (text == "manager") return KpiGrouping::Manager;
  if (text == "territory") return KpiGrouping::Territory;
  return std::nullopt;
}

KpiService::KpiService(Workbook& workbook, const LongTask& task)
    : calendar_(workbook.fiscalCalendar()), asOfSetting_(workbook.settings().asOf) {
  // The territory facts need no snapshot: a second read-only connection reads them meanwhile, unless this
  // connection is inside a transaction (the other would not see its rows).
  std::future<std::optional<TerritoryFactsText>> territories;
  const bool parallel = sqlite3_get_autocommit(workbook.db().handle()) != 0 && !workbook.path().empty();
  if (parallel) {
    territories = std::async(std::launch::async, [path = workbook.path()] {
      auto connection = Workbook::open(path, Workbook::Access::ReadOnly);
      return readTerritoryFacts(*connection);
    });
  }
  snapshot_ = loadKpiSnapshot(workbook, task);
  indexReps();
  task.checkCancelled();
  task.report("Loading territories", 0, 0);
  const auto text = parallel ? territories.get() : readTerritoryFacts(workbook);
  if (text) setTerritories(resolveTerritoryFacts(*text, snapshot_));
}

KpiService::KpiService(KpiSnapshot snapshot, FiscalCalendar calendar, std::optional<Date> asOfSetting)
    : snapshot_(std::move(snapshot)), calendar_(calendar), asOfSetting_(asOfSetting) {
  indexReps();
}

void KpiService::indexReps() {
  const auto& reps = snapshot_.reps;
  reports_.assign(reps.size(), {});
  for (std::size_t r = 0; r < reps.size(); ++r) {
    if (reps.manager[r] != kNoIndex)
      reports_[static_cast<std::size_t>(reps.manager[r])].push_back(static_cast<std::int32_t>(r));
  }
  byId_ = allReps();
  std::stable_sort(byId_.begin(), byId_.end(), [&](std::int32_t a, std::int32_t b) { return reps.id[a] < reps.id[b]; });
}

std::vector<std::int32_t> KpiService::allReps() const {
  std::vector<std::int32_t> all(snapshot_.reps.size());
  std::iota(all.begin(), all.end(), 0);
  return all;
}

std::vector<std::int32_t> KpiService::teamOf(std::int32_t manager) const {
  // Iterative, with a visited mark: a manager_id cycle in bad data must not loop forever.
  std::vector<char> seen(snapshot_.reps.size(), 0);
  std::vector<std::int32_t> team{manager}, stack{manager};
  seen[static_cast<std::size_t>(manager)] = 1;
  while (!stack.empty()) {
    const std::int32_t rep = stack.back();
    stack.pop_back();
    for (const std::int32_t report : reports_[static_cast<std::size_t>(rep)]) {
      if (seen[static_cast<std::size_t>(report)]) continue;
      seen[static_cast<std::size_t>(report)] = 1;
      team.push_back(report);
      stack.push_back(report);
    }
  }
  std::sort(team.begin(), team.end());
  return team;
}

void KpiService::setTerritories(TerritoryFacts facts) {
  territories_ = std::move(facts);
  territorySnapshot_ = std::make_unique<TerritorySnapshot>();
}

const KpiSnapshot& KpiService::snapshotFor(KpiGrouping by, std::string_view scope) const {
  if (!isTerritoryScope(by, scope) || !territories_) return snapshot_;  // without a model groups() refuses first
  std::call_once(territorySnapshot_->once,
                 [this] { territorySnapshot_->snapshot = territorySnapshot(snapshot_, *territories_); });
  return territorySnapshot_->snapshot;
}

bool KpiService::isTerritoryScope(KpiGrouping by, std::string_view scope) const {
  if (by == KpiGrouping::Territory) return true;
  if (!territories_ || scope.empty() || scope == "all") return false;
  // Reps and teams win over a territory of the same id, as before territories existed.
  const auto& reps = snapshot_.reps;
  if (std::find(reps.id.begin(), reps.id.end(), scope) != reps.id.end()) return false;
  if (std::find(snapshot_.teams.begin(), snapshot_.teams.end(), scope) != snapshot_.teams.end()) return false;
  return std::find(territories_->id.begin(), territories_->id.end(), scope) != territories_->id.end() ||
         scope == kNoTerritory;
}

std::vector<KpiGroup> KpiService::territoryGroupsFor(std::string_view scope) const {
  if (!territories_) {
    throw Error(ErrorKind::Usage,
                "the workbook has no active territory model; build one and run `salesops-cli territory WORKBOOK "
                "activate MODEL --from DATE` (see docs/territories.md)");
  }
  return territoryGroups(*territories_, scope == "all" ? std::string() : std::string(scope));
}

std::vector<KpiGroup> KpiService::groups(KpiGrouping by, std::string_view scope) const {
  if (isTerritoryScope(by, scope)) return territoryGroupsFor(scope);
  const auto& reps = snapshot_.reps;
  KpiGroup population{"all", "Everyone", allReps()};
  if (!scope.empty() && scope != "all") {
    const auto rep = std::find(reps.id.begin(), reps.id.end(), scope);
    const auto team = std::find(snapshot_.teams.begin(), snapshot_.teams.end(), scope);
    if (rep != reps.id.end()) {
      const auto index = static_cast<std::int32_t>(rep - reps.id.begin());
      population = {std::string(scope), reps.name[static_cast<std::size_t>(index)], teamOf(index)};
    } else if (team != snapshot_.teams.end()) {
      const auto teamIndex = static_cast<std::int32_t>(team - snapshot_.teams.begin());
      population = {std::string(scope), *team, {}};
      for (std::size_t r = 0; r < reps.size(); ++r) {
        if (reps.team[r] == teamIndex) population.reps.push_back(static_cast<std::int32_t>(r));
      }
    } else {
      throw Error(ErrorKind::Usage, "--scope \"" + std::string(scope) + "\" is neither a rep id, a team" +
                                        (territories_ ? " nor a territory" : "") + " of the workbook");
    }
  }
  std::vector<char> inScope(reps.size(), 0);
  for (const std::int32_t r : population.reps) inScope[static_cast<std::size_t>(r)] = 1;

  std::vector<KpiGroup> out;
  switch (by) {
    case KpiGrouping::All:
    case KpiGrouping::Territory:  // handled above
      out.push_back(std::move(population));
      break;
    case KpiGrouping::Rep:
      for (const std::int32_t r : byId_) {
        if (inScope[static_cast<std::size_t>(r)]) out.push_back({reps.id[r], reps.name[r], {r}});
      }
      break;
    case KpiGrouping::Team: {
      std::map<std::string, KpiGroup> teams;  // ordered by name; reps without a team under ""
      for (const std::int32_t r : population.reps) {
        const std::int32_t t = reps.team[static_cast<std::size_t>(r)];
        const std::string name = t == kNoIndex ? std::string() : snapshot_.teams[static_cast<std::size_t>(t)];
        auto& group = teams[name];
        if (group.reps.empty()) group = {name, t == kNoIndex ? "(no team)" : name, {}};
        group.reps.push_back(r);
      }
      for (auto& [name, group] : teams) out.push_back(std::move(group));
      break;
    }
    case KpiGrouping::Manager:
      for (const std::int32_t r : byId_) {
        if (!inScope[static_cast<std::size_t>(r)] || reports_[static_cast<std::size_t>(r)].empty()) continue;
        KpiGroup group{reps.id[r], reps.name[r], {}};
        for (const std::int32_t member : teamOf(r)) {
          if (inScope[static_cast<std::size_t>(member)]) group.reps.push_back(member);
        }
        out.push_back(std::move(group));
      }
      break;
  }
  return out;
}

KpiReport KpiService::compute(const KpiRequest& request, Date today) const {
  KpiReport report;
  report.currency = snapshot_.currency;
  report.minorDigits = isCurrencyCode(snapshot_.currency) ? minorDigits(snapshot_.currency) : 2;
  report.asOf = request.asOf.value_or(asOfSetting_.value_or(today));
  report.groups = groups(request.by, request.scope);
  report.periods = request.periods;
  report.grid = computeKpis(snapshotFor(request.by, request.scope), report.groups, report.periods,
                            KpiParams{report.asOf, request.forecastCutoff, request.choices});
  return report;
}

}  // namespace salesops
