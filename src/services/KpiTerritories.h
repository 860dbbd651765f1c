#pragma once
// The territory facts the KPI engine needs (kpi/TerritoryScope.h), read from the workbook: the territories
// of the active model and, per opportunity, the territory its account had on the close date.
#include <optional>

#include "kpi/KpiSnapshot.h"
#include "kpi/TerritoryScope.h"
#include "storage/Workbook.h"

namespace salesops {

// nullopt when the workbook has no active territory model. `snapshot` is the one loaded from the same
// workbook: the opportunities come in the same (id) order. Errors: as TerritoryService.
std::optional<TerritoryFacts> loadTerritoryFacts(Workbook& workbook, const KpiSnapshot& snapshot);

}  // namespace salesops
