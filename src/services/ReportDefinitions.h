#pragma once
// The definition choices that sources disagree on (issue 3, part 2), as named options with KPIS.md's choice as
// the default, and the lines every report states about the definitions it used. The engine implements only
// the defaults today; the other options are named here so they plug in without changing any report.
#include <string>
#include <vector>

#include "io/ReportDocument.h"
#include "kpi/KpiCatalog.h"

namespace salesops {

struct KpiDefinitionChoices {
  enum class WinRateBasis { Count, Value } winRateBasis = WinRateBasis::Count;
  enum class ClosedSet { Snapshot, Cohort } closedSet = ClosedSet::Snapshot;  // closed in P / created in P
  enum class CycleSet { WonOnly, AllClosed } cycleSet = CycleSet::WonOnly;
  enum class CycleStatistic { Mean, Median } cycleStatistic = CycleStatistic::Mean;
  enum class CoverageBase { RemainingQuota, FullQuota } coverageBase = CoverageBase::RemainingQuota;
  enum class AccuracyBase { Actual, Forecast } accuracyBase = AccuracyBase::Actual;

  friend bool operator==(const KpiDefinitionChoices&, const KpiDefinitionChoices&) = default;
};

// One ReportDefinition per choice ("win_rate_basis" = "count": what it means), in the order above.
std::vector<ReportDefinition> describeChoices(const KpiDefinitionChoices& choices);

// One ReportDefinition per KPI (id = display name: one-line definition), in catalog order.
std::vector<ReportDefinition> describeKpis(const std::vector<KpiId>& kpis);

}  // namespace salesops
