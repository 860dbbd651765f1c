#pragma once
// The territory facts the KPI engine needs (kpi/TerritoryScope.h), read from the workbook: the territories
// of the active model and, per opportunity, the territory its account had on the close date. Reading needs
// no snapshot, so it can run on its own connection while the snapshot loads; resolving maps the text ids
// onto the snapshot's indexes.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kpi/KpiSnapshot.h"
#include "kpi/TerritoryScope.h"
#include "storage/Workbook.h"

namespace salesops {

struct TerritoryFactsText {
  std::vector<std::string> id, name, parentId, ownerRepId;  // the active model's territories
  struct Span {
    std::int64_t account = 0;             // account row id
    std::int32_t fromDay = 0, toDay = 0;  // inclusive; toDay = kDayMax while open
    std::string territoryId;
  };
  std::vector<Span> assignments;  // the assignment history, by account then start
};

// nullopt when the workbook has no active territory model. Errors: as TerritoryService.
std::optional<TerritoryFactsText> readTerritoryFacts(Workbook& workbook);

// Each opportunity of `snapshot` falls in the territory its account had on its close date (DOMAIN.md has no
// pinned territory). A snapshot without account ids (built by hand) has every opportunity in none.
TerritoryFacts resolveTerritoryFacts(const TerritoryFactsText& text, const KpiSnapshot& snapshot);

}  // namespace salesops
