#pragma once
// The inputs and the result of a KPI evaluation: groups of reps (the scopes) × periods, every KPI of
// kpiCatalog() per cell.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiCatalog.h"
#include "kpi/KpiDefinitions.h"
#include "kpi/KpiValue.h"

namespace salesops {

// A scope: its id and display name for output, and its reps (indexes into KpiSnapshot::reps, no duplicates).
// The opportunities, leads and activities owned by those reps belong to it; credit follows the split reps.
struct KpiGroup {
  std::string id;
  std::string name;
  std::vector<std::int32_t> reps;
};

struct KpiParams {
  Date asOf;  // past-due share compares close dates with this; no hidden clock: the caller decides "today"
  std::optional<Date> forecastCutoff;  // latest submission date counted; empty = each period's start
  KpiDefinitionChoices choices;        // KPIS.md's definitions unless the caller chose otherwise
};

// One consecutive pair of open stages of stage_conversion.
struct StageConversionStep {
  std::int32_t fromStage = 0, toStage = 0;  // KpiSnapshot::stages indexes
  std::int64_t reachedFrom = 0;             // opportunities that reached fromStage or beyond (or won)
  std::int64_t reachedTo = 0;               // ... toStage or beyond (or won)
  KpiValue rate;                            // reachedTo / reachedFrom; undefined when reachedFrom = 0
};

struct KpiGridCell {
  std::array<KpiValue, kKpiCount> values{};
  std::vector<StageConversionStep> stageSteps;  // the pairs behind stage_conversion, in pipeline order
  std::vector<std::int32_t> forecastMissing;    // reps of the scope without a forecast call for the period
  std::int32_t employedReps = 0;                // reps of the scope employed on some day of the period

  const KpiValue& operator[](KpiId id) const noexcept { return values[static_cast<std::size_t>(id)]; }
  KpiValue& operator[](KpiId id) noexcept { return values[static_cast<std::size_t>(id)]; }
};

// Cells group-major: cell(g, p) for group g of the request and period p.
class KpiGrid {
 public:
  KpiGrid(std::size_t groups, std::size_t periods) : periods_(periods), cells_(groups * periods) {}
  std::size_t groupCount() const noexcept { return periods_ == 0 ? 0 : cells_.size() / periods_; }
  std::size_t periodCount() const noexcept { return periods_; }
  const KpiGridCell& cell(std::size_t group, std::size_t period) const { return cells_[group * periods_ + period]; }
  KpiGridCell& cell(std::size_t group, std::size_t period) { return cells_[group * periods_ + period]; }

 private:
  std::size_t periods_;
  std::vector<KpiGridCell> cells_;
};

}  // namespace salesops
