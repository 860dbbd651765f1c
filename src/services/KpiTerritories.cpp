#include "services/KpiTerritories.h"

#include <unordered_map>

#include "common/Error.h"
#include "services/TerritoryService.h"
#include "storage/TerritoryStore.h"

namespace salesops {

std::optional<TerritoryFactsText> readTerritoryFacts(Workbook& workbook) {
  TerritoryService service(workbook);
  std::string active;
  for (const auto& model : service.models()) {
    if (model.status == territory::ModelStatus::Active) active = model.id;
  }
  if (active.empty()) return std::nullopt;
  TerritoryFactsText text;
  for (const auto& territory : service.loadModel(active).territories) {
    text.id.push_back(territory.id);
    text.name.push_back(territory.name.empty() ? territory.id : territory.name);
    text.parentId.push_back(territory.parentId);
    text.ownerRepId.push_back(territory.ownerRepId);
  }
  for (const auto& row : readAssignments(workbook.db())) {
    text.assignments.push_back({row.accountRowId, row.from.days, row.to ? row.to->days : kDayMax, row.territoryId});
  }
  return text;
}

TerritoryFacts resolveTerritoryFacts(const TerritoryFactsText& text, const KpiSnapshot& snapshot) {
  std::unordered_map<std::string, std::int32_t> repIndex, territoryIndex;
  for (std::size_t r = 0; r < snapshot.reps.size(); ++r)
    repIndex.emplace(snapshot.reps.id[r], static_cast<std::int32_t>(r));
  for (std::size_t t = 0; t < text.id.size(); ++t) territoryIndex.emplace(text.id[t], static_cast<std::int32_t>(t));
  TerritoryFacts facts;
  facts.id = text.id;
  facts.name = text.name;
  for (std::size_t t = 0; t < text.id.size(); ++t) {
    const auto parent = territoryIndex.find(text.parentId[t]);
    facts.parent.push_back(parent == territoryIndex.end() ? kNoIndex : parent->second);
    const auto owner = repIndex.find(text.ownerRepId[t]);
    facts.owner.push_back(owner == repIndex.end() ? kNoIndex : owner->second);
  }
  // Per account, its spans (ordered by start) with the territory as an index: a territory of an earlier model
  // that the active one no longer has counts as none.
  struct Span {
    std::int32_t fromDay, toDay, territory;
  };
  std::unordered_map<std::int64_t, std::vector<Span>> spans;
  for (const auto& a : text.assignments) {
    const auto found = territoryIndex.find(a.territoryId);
    spans[a.account].push_back({a.fromDay, a.toDay, found == territoryIndex.end() ? kNoIndex : found->second});
  }
  const auto& o = snapshot.opportunities;
  facts.opportunityTerritory.assign(o.size(), kNoIndex);
  if (o.account.size() != o.size()) return facts;
  for (std::size_t i = 0; i < o.size(); ++i) {
    const auto it = spans.find(o.account[i]);
    if (it == spans.end()) continue;
    for (const Span& span : it->second) {
      if (span.fromDay <= o.closeDay[i] && o.closeDay[i] <= span.toDay) facts.opportunityTerritory[i] = span.territory;
    }
  }
  return facts;
}

}  // namespace salesops
