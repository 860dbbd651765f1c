#pragma once
// The definition choices that sources disagree on (issue 3, part 2), as named options whose defaults are
// KPIS.md's definitions. They change how the engine computes the affected KPIs; every report states them.
//
// Names and values are the ones the CLI (`--definition NAME=VALUE`), the reports and the GUI use:
//   win_rate_basis   count | value            which win rate feeds velocity (both are always reported)
//   closed_set       snapshot | cohort        win rate, cycle and deal size over closed-in-P or created-in-P
//   cycle_set        won_only | all_closed    sales cycle over won, or won and lost, opportunities
//   cycle_statistic  mean | median            cycle_days and deal_size as means or as medians
//   coverage_base    remaining_quota | full_quota
//   accuracy_base    actual | forecast        forecast error, accuracy and WAPE divided by which
#include <string>
#include <string_view>
#include <vector>

namespace salesops {

struct KpiDefinitionChoices {
  enum class WinRateBasis { Count, Value } winRateBasis = WinRateBasis::Count;
  enum class ClosedSet { Snapshot, Cohort } closedSet = ClosedSet::Snapshot;
  enum class CycleSet { WonOnly, AllClosed } cycleSet = CycleSet::WonOnly;
  enum class CycleStatistic { Mean, Median } cycleStatistic = CycleStatistic::Mean;
  enum class CoverageBase { RemainingQuota, FullQuota } coverageBase = CoverageBase::RemainingQuota;
  enum class AccuracyBase { Actual, Forecast } accuracyBase = AccuracyBase::Actual;

  friend bool operator==(const KpiDefinitionChoices&, const KpiDefinitionChoices&) = default;
};

// One choice as the interface shows it: its name, the allowed values (the first is KPIS.md's default) and
// the index of the current one.
struct KpiDefinitionOption {
  std::string_view name;
  std::vector<std::string_view> values;
  std::size_t current = 0;
};

// The six options in the order above, with the values of `choices` selected.
std::vector<KpiDefinitionOption> definitionOptions(const KpiDefinitionChoices& choices);

// Sets one option from "NAME=VALUE"; throws Error(Usage) naming the allowed names or values otherwise.
void applyDefinition(KpiDefinitionChoices& choices, std::string_view assignment);

// Sets option `name` to its value number `valueIndex` (as listed by definitionOptions); throws Error(Usage).
void setDefinition(KpiDefinitionChoices& choices, std::string_view name, std::size_t valueIndex);

// "win_rate_basis=value, cycle_statistic=median" for the options that differ from the defaults; "" if none.
std::string describeNonDefault(const KpiDefinitionChoices& choices);

}  // namespace salesops
