#include "services/KpiTerritories.h"

#include <string>
#include <unordered_map>

#include "common/Error.h"
#include "services/TerritoryService.h"

namespace salesops {

std::optional<TerritoryFacts> loadTerritoryFacts(Workbook& workbook, const KpiSnapshot& snapshot) {
  TerritoryService service(workbook);
  std::string active;
  for (const auto& model : service.models()) {
    if (model.status == territory::ModelStatus::Active) active = model.id;
  }
  if (active.empty()) return std::nullopt;
  const territory::Model model = service.loadModel(active);

  std::unordered_map<std::string, std::int32_t> repIndex, territoryIndex;
  for (std::size_t r = 0; r < snapshot.reps.size(); ++r)
    repIndex.emplace(snapshot.reps.id[r], static_cast<std::int32_t>(r));
  TerritoryFacts facts;
  for (std::size_t t = 0; t < model.territories.size(); ++t) {
    territoryIndex.emplace(model.territories[t].id, static_cast<std::int32_t>(t));
  }
  for (const auto& territory : model.territories) {
    facts.id.push_back(territory.id);
    facts.name.push_back(territory.name.empty() ? territory.id : territory.name);
    const auto parent = territoryIndex.find(territory.parentId);
    facts.parent.push_back(parent == territoryIndex.end() ? kNoIndex : parent->second);
    const auto owner = repIndex.find(territory.ownerRepId);
    facts.owner.push_back(owner == repIndex.end() ? kNoIndex : owner->second);
  }
  const auto placed = service.opportunityTerritories();
  if (placed.size() != snapshot.opportunities.size())
    throw Error(ErrorKind::Internal, "the workbook changed while its KPIs loaded (" + std::to_string(placed.size()) +
                                         " opportunities now, " + std::to_string(snapshot.opportunities.size()) +
                                         " before); load it again");
  facts.opportunityTerritory.reserve(placed.size());
  for (const auto& [rowId, territoryId] : placed) {
    // A territory of an earlier model that the active one no longer has counts as none.
    const auto found = territoryIndex.find(territoryId);
    facts.opportunityTerritory.push_back(found == territoryIndex.end() ? kNoIndex : found->second);
  }
  return facts;
}

}  // namespace salesops
