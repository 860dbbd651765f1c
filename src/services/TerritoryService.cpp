#include "services/TerritoryService.h"

#include <algorithm>
#include <unordered_map>

#include "common/Currency.h"
#include "common/Error.h"

namespace salesops {

using territory::AssignmentSource;
using territory::ModelStatus;

TerritoryService::TerritoryService(Workbook& workbook, LongTask task) : workbook_(workbook), task_(std::move(task)) {}

std::vector<TerritoryModelRow> TerritoryService::models() { return readTerritoryModels(workbook_.db()); }

std::string TerritoryService::modelInForce(Date on) {
  const TerritoryModelRow* best = nullptr;
  const auto all = models();
  for (const auto& m : all) {
    if (m.status == ModelStatus::Planning || !m.activeFrom || *m.activeFrom > on) continue;
    if (!best || *m.activeFrom > *best->activeFrom) best = &m;
  }
  if (!best)
    throw Error(ErrorKind::Data, "no territory model is active on " + on.toString() + " (see `territory models`)");
  return best->id;
}

territory::Model TerritoryService::loadModel(const std::string& modelId) {
  return readTerritoryModel(workbook_.db(), modelId);
}

territory::AssignmentEngine TerritoryService::engineFor(const std::string& modelId) {
  return territory::AssignmentEngine(loadModel(modelId), minorDigits(workbook_.settings().currency));
}

AssignmentPlan TerritoryService::planAssignment(const std::string& modelId, Date from) {
  const std::string id = modelId.empty() ? modelInForce(from) : modelId;
  const auto engine = engineFor(id);  // validates the whole model before anything else
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  return plan(engine, accounts, from);
}

AssignmentPlan TerritoryService::plan(const territory::AssignmentEngine& engine, const AccountTable& accounts,
                                      Date from) {
  AssignmentPlan plan;
  plan.modelId = engine.model().id;
  plan.from = from;
  plan.accounts = static_cast<std::int64_t>(accounts.accounts.size());
  const auto placements = engine.assignAll(accounts.accounts, task_);
  // The territory in force on `from` per history, by account row id.
  std::unordered_map<std::int64_t, std::string> before;
  for (const auto& row : readAssignments(workbook_.db())) {
    if (row.from <= from && (!row.to || *row.to >= from)) before[row.accountRowId] = row.territoryId;
  }
  for (std::size_t i = 0; i < placements.size(); ++i) {
    const auto& p = placements[i];
    std::string after;
    if (p.territory == territory::kUnassigned) {
      plan.unassigned.push_back(accounts.accounts[i].id);
    } else {
      after = engine.model().territories[p.territory].id;
      ++plan.assigned;
      if (p.source == AssignmentSource::Named) ++plan.named;
    }
    const auto found = before.find(accounts.rowIds[i]);
    std::string previous = found == before.end() ? std::string() : found->second;
    if (previous == after) {
      ++plan.unchanged;
      continue;
    }
    plan.changes.push_back(
        {accounts.rowIds[i], accounts.accounts[i].id, std::move(previous), std::move(after), p.source});
  }
  return plan;
}

void TerritoryService::writePlan(const AssignmentPlan& plan, Date today) {
  Database& db = workbook_.db();
  const auto history = readAssignments(db);
  for (const auto& row : history) {
    if (row.from > plan.from)
      throw Error(ErrorKind::Data, "the assignment history already has rows from " + row.from.toString() +
                                       "; assign from that date or later");
  }
  std::unordered_map<std::int64_t, const AssignmentRow*> current;
  for (const auto& row : history) {
    if (!row.to || *row.to >= plan.from) current[row.accountRowId] = &row;
  }
  AssignmentWriter writer(db);
  for (const auto& change : plan.changes) {
    const auto found = current.find(change.accountRowId);
    const AssignmentRow* row = found == current.end() ? nullptr : found->second;
    if (row && row->from == plan.from) {
      // Assigned again on the same day: the day's row is replaced, not closed before it began.
      if (change.after.empty()) {
        writer.remove(row->rowId);
      } else {
        writer.update(row->rowId, change.after, change.source);
      }
    } else {
      if (row) writer.close(row->rowId, plan.from.addDays(-1));
      if (!change.after.empty()) writer.insert(change.accountRowId, change.after, plan.from, change.source);
    }
    if (plan.from <= today) writer.setAccountTerritory(change.accountRowId, change.after);
  }
  workbook_.audit("territory assign", "territory_assignment",
                  "model " + plan.modelId + " from " + plan.from.toString() + ": " +
                      std::to_string(plan.changes.size()) + " accounts changed territory");
}

void TerritoryService::applyAssignment(const AssignmentPlan& plan, Date today) {
  const std::string inForce = modelInForce(plan.from);
  if (inForce != plan.modelId)
    throw Error(ErrorKind::Data, "model " + plan.modelId + " is not in force on " + plan.from.toString() + " (" +
                                     inForce +
                                     " is): preview it with --dry-run, or make it active with "
                                     "`territory activate " +
                                     plan.modelId + " --from DATE`");
  Transaction transaction(workbook_.db());
  writePlan(plan, today);
  transaction.commit();
}

territory::Explanation TerritoryService::explain(const std::string& modelId, const std::string& accountId, Date on,
                                                 territory::Model* modelOut) {
  const std::string id = modelId.empty() ? modelInForce(on) : modelId;
  const auto engine = engineFor(id);
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  const auto found = std::find_if(accounts.accounts.begin(), accounts.accounts.end(),
                                  [&](const auto& a) { return a.id == accountId; });
  if (found == accounts.accounts.end())
    throw Error(ErrorKind::Data, "no account \"" + accountId + "\" in the workbook");
  if (modelOut) *modelOut = engine.model();
  return engine.explain(*found);
}

std::vector<std::vector<std::int64_t>> TerritoryService::ruleMatchCounts(const std::string& modelId) {
  const auto engine = engineFor(modelId);
  return engine.ruleMatchCounts(readTerritoryAccounts(workbook_.db()).accounts, task_);
}

AssignmentPlan TerritoryService::activate(const std::string& modelId, Date from, Date today) {
  const auto all = models();
  const auto target = std::find_if(all.begin(), all.end(), [&](const auto& m) { return m.id == modelId; });
  if (target == all.end()) throw Error(ErrorKind::Data, "no territory model \"" + modelId + "\" in the workbook");
  if (target->status == ModelStatus::Active)
    throw Error(ErrorKind::Data, "model " + modelId + " is already active (from " +
                                     (target->activeFrom ? target->activeFrom->toString() : std::string("?")) + ")");
  for (const auto& m : all) {
    if (m.id != modelId && m.status != ModelStatus::Planning && m.activeFrom && *m.activeFrom >= from)
      throw Error(ErrorKind::Data, "model " + m.id + " has been in force since " + m.activeFrom->toString() +
                                       "; activate " + modelId + " from a later date");
  }
  const auto engine = engineFor(modelId);
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  AssignmentPlan plan = this->plan(engine, accounts, from);
  Transaction transaction(workbook_.db());
  for (const auto& m : all) {
    if (m.status == ModelStatus::Active)
      setTerritoryModelStatus(workbook_.db(), m.id, ModelStatus::Archived, m.activeFrom);
  }
  setTerritoryModelStatus(workbook_.db(), modelId, ModelStatus::Active, from);
  writePlan(plan, today);
  workbook_.audit("territory activate", "territory_model", "model " + modelId + " active from " + from.toString());
  transaction.commit();
  return plan;
}

std::vector<std::pair<std::int64_t, std::string>> TerritoryService::opportunityTerritories() {
  Database& db = workbook_.db();
  const auto history = readAssignments(db);                                      // by account, then effective_from
  std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> rowsOf;  // account -> [begin, end)
  for (std::size_t i = 0; i < history.size(); ++i) {
    auto [it, inserted] = rowsOf.try_emplace(history[i].accountRowId, i, i + 1);
    if (!inserted) it->second.second = i + 1;
  }
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& o : readOpportunityAccounts(db)) {
    std::string territoryId;
    const auto found = rowsOf.find(o.accountRowId);
    if (found != rowsOf.end()) {
      for (std::size_t i = found->second.first; i < found->second.second; ++i) {
        const auto& row = history[i];
        if (row.from <= o.closeDate && (!row.to || o.closeDate <= *row.to)) territoryId = row.territoryId;
      }
    }
    out.emplace_back(o.rowId, std::move(territoryId));
  }
  return out;
}

}  // namespace salesops
