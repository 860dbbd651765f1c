#pragma once
// The KPI use case shared by the CLI (`kpi`), reports and the dashboard: load a workbook's snapshot once,
// then answer scopes × periods from memory. Scopes follow KPIS.md: one rep, a manager's team (the manager and
// everyone below), a `team` value, or everyone. Territory scopes arrive with the territories issue.
// Not thread-safe to construct (it reads the workbook); compute() only reads the snapshot and may run
// concurrently.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Period.h"
#include "common/Progress.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiGrid.h"
#include "kpi/KpiSnapshot.h"
#include "kpi/TerritoryScope.h"
#include "storage/Workbook.h"

namespace salesops {

enum class KpiGrouping { All, Rep, Team, Manager, Territory };

// "all", "rep", "team", "manager", "territory"; nullopt otherwise.
std::optional<KpiGrouping> parseKpiGrouping(std::string_view text) noexcept;

struct KpiRequest {
  std::vector<Period> periods;
  KpiGrouping by = KpiGrouping::All;
  std::string scope;                   // "" = everyone; else a rep id, a manager's rep id or a team value
  std::optional<Date> asOf;            // empty: the workbook's as_of setting, else the caller's today
  std::optional<Date> forecastCutoff;  // empty: each period's start
  KpiDefinitionChoices choices;        // KPIS.md's definitions unless chosen otherwise
};

// Rows are grid cells group-major: for each group, each period in request order.
struct KpiReport {
  std::string currency;
  int minorDigits = 2;
  Date asOf;
  std::vector<KpiGroup> groups;
  std::vector<Period> periods;
  KpiGrid grid{0, 0};
};

class KpiService {
 public:
  // Loads the snapshot (see loadKpiSnapshot for errors) and the workbook's settings.
  explicit KpiService(Workbook& workbook, const LongTask& task = {});
  // For tests and tools that build a snapshot by hand.
  KpiService(KpiSnapshot snapshot, FiscalCalendar calendar, std::optional<Date> asOfSetting);

  const KpiSnapshot& snapshot() const noexcept { return snapshot_; }
  const FiscalCalendar& calendar() const noexcept { return calendar_; }
  const std::optional<Date>& asOfSetting() const noexcept { return asOfSetting_; }

  // The territories of the active model and where each opportunity fell; enables `--by territory` and
  // territory ids as scopes. Without them those are usage errors that say how to get territories.
  void setTerritories(TerritoryFacts facts);
  const TerritoryFacts* territories() const noexcept { return territories_ ? &*territories_ : nullptr; }
  // The snapshot whose rep indexes a request's groups use: the territory snapshot for territory scopes.
  // The territory snapshot is derived on the first territory request (thread-safe): most sessions never ask.
  const KpiSnapshot& snapshotFor(KpiGrouping by, std::string_view scope) const;

  // The groups of a request: its scope narrowed to `scope`, split by `by`. --by rep lists every rep of the
  // scope (also those without records), ordered by rep id; teams by name; managers (reps who manage someone,
  // each with their whole team) by rep id. Errors: Error(Usage) for an unknown scope, or territories asked of a
  // workbook without an active model.
  std::vector<KpiGroup> groups(KpiGrouping by, std::string_view scope) const;

  // `today` is the caller's clock; it is used only when neither the request nor the workbook sets as-of.
  KpiReport compute(const KpiRequest& request, Date today) const;

 private:
  std::vector<std::int32_t> teamOf(std::int32_t manager) const;  // the manager and everyone below
  std::vector<std::int32_t> allReps() const;
  void indexReps();  // reports_ and byId_ from snapshot_

  KpiSnapshot snapshot_;
  FiscalCalendar calendar_;
  std::optional<Date> asOfSetting_;
  std::vector<std::vector<std::int32_t>> reports_;  // direct reports per rep
  std::vector<std::int32_t> byId_;                  // rep indexes ordered by external id
  std::optional<TerritoryFacts> territories_;
  struct TerritorySnapshot {  // territories as the "reps" (kpi/TerritoryScope.h), derived once on demand
    std::once_flag once;
    KpiSnapshot snapshot;
  };
  std::unique_ptr<TerritorySnapshot> territorySnapshot_;

  bool isTerritoryScope(KpiGrouping by, std::string_view scope) const;
  std::vector<KpiGroup> territoryGroupsFor(std::string_view scope) const;
};

}  // namespace salesops
