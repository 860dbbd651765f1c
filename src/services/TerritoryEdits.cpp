// Hierarchy edits of TerritoryService: only planning models change, each edit in one audited transaction.
#include <algorithm>

#include "common/Currency.h"
#include "common/Error.h"
#include "services/TerritoryService.h"
#include "territory/RuleMatch.h"

namespace salesops {

territory::Model TerritoryService::planningModel(const std::string& modelId) {
  territory::Model model = loadModel(modelId);
  if (model.status != territory::ModelStatus::Planning)
    throw Error(ErrorKind::Data, "model " + modelId + " is " + std::string(territory::toString(model.status)) +
                                     "; only planning models are edited (copy it into a planning model first)");
  return model;
}

void TerritoryService::addTerritory(const std::string& modelId, const territory::Territory& t) {
  const territory::Model model = planningModel(modelId);
  if (t.id.empty()) throw Error(ErrorKind::Data, "a territory needs an id");
  if (model.find(t.id)) throw Error(ErrorKind::Data, "model " + modelId + " already has a territory " + t.id);
  if (!t.parentId.empty() && !model.find(t.parentId))
    throw Error(ErrorKind::Data, "model " + modelId + " has no territory " + t.parentId + " to put " + t.id + " under");
  if (t.priority < 0) throw Error(ErrorKind::Data, "priority must be 0 or more, not " + std::to_string(t.priority));
  Transaction transaction(workbook_.db());
  insertTerritory(workbook_.db(), modelId, t);
  workbook_.audit("territory add", "territory", "model " + modelId + " territory " + t.id);
  transaction.commit();
}

void TerritoryService::updateTerritory(const std::string& modelId, const std::string& territoryId,
                                       const std::string& name, std::int64_t priority) {
  const territory::Model model = planningModel(modelId);
  if (!model.find(territoryId)) throw Error(ErrorKind::Data, "model " + modelId + " has no territory " + territoryId);
  if (priority < 0) throw Error(ErrorKind::Data, "priority must be 0 or more, not " + std::to_string(priority));
  Transaction transaction(workbook_.db());
  salesops::updateTerritory(workbook_.db(), modelId, territoryId, name, priority);
  workbook_.audit(
      "territory edit", "territory",
      "model " + modelId + " territory " + territoryId + ": \"" + name + "\", priority " + std::to_string(priority));
  transaction.commit();
}

territory::Territory TerritoryService::removeTerritory(const std::string& modelId, const std::string& territoryId) {
  const territory::Model model = planningModel(modelId);
  const territory::Territory* found = model.find(territoryId);
  if (!found) throw Error(ErrorKind::Data, "model " + modelId + " has no territory " + territoryId);
  const bool hasChildren = std::any_of(model.territories.begin(), model.territories.end(),
                                       [&](const auto& t) { return t.parentId == territoryId; });
  if (hasChildren)
    throw Error(ErrorKind::Data, "territory " + territoryId + " has territories under it; remove or move those first");
  Transaction transaction(workbook_.db());
  deleteTerritory(workbook_.db(), modelId, territoryId);
  workbook_.audit("territory remove", "territory", "model " + modelId + " territory " + territoryId);
  transaction.commit();
  return *found;
}

std::vector<territory::Account> TerritoryService::accounts() { return readTerritoryAccounts(workbook_.db()).accounts; }

std::vector<territory::Rule> TerritoryService::replaceRules(const std::string& modelId, const std::string& territoryId,
                                                            const std::vector<territory::Rule>& rules,
                                                            std::optional<std::int64_t> priority) {
  territory::Model model = planningModel(modelId);
  auto found = std::find_if(model.territories.begin(), model.territories.end(),
                            [&](const auto& t) { return t.id == territoryId; });
  if (found == model.territories.end())
    throw Error(ErrorKind::Data, "model " + modelId + " has no territory " + territoryId);
  territory::checkRuleList(rules, "territory " + territoryId);
  if (priority && *priority < 0)
    throw Error(ErrorKind::Data, "priority must be 0 or more, not " + std::to_string(*priority));
  const std::string name = found->name;
  std::vector<territory::Rule> before = std::move(found->rules);
  found->rules = rules;
  // Compiling the whole model reports a bad value, an empty rule or a bad NOT group before anything is written.
  territory::AssignmentEngine(std::move(model), minorDigits(workbook_.settings().currency));
  Transaction transaction(workbook_.db());
  replaceTerritoryRules(workbook_.db(), modelId, territoryId, rules);
  if (priority) salesops::updateTerritory(workbook_.db(), modelId, territoryId, name, *priority);
  workbook_.audit("territory rules", "territory",
                  "model " + modelId + " territory " + territoryId + ": " + std::to_string(rules.size()) + " rules");
  transaction.commit();
  return before;
}

}  // namespace salesops
