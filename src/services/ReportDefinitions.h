#pragma once
// The definition choices that sources disagree on (issue 3, part 2), as named options with KPIS.md's choice as
// the default (kpi/KpiDefinitions.h), and the lines every report states about the definitions it used.
#include <string>
#include <vector>

#include "io/ReportDocument.h"
#include "kpi/KpiCatalog.h"
#include "kpi/KpiDefinitions.h"

namespace salesops {

// One ReportDefinition per choice ("win_rate_basis" = "count": what it means), in the order above.
std::vector<ReportDefinition> describeChoices(const KpiDefinitionChoices& choices);

// One ReportDefinition per KPI (id = display name: one-line definition), in catalog order.
std::vector<ReportDefinition> describeKpis(const std::vector<KpiId>& kpis);

}  // namespace salesops
