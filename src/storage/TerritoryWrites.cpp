// The writes of TerritoryStore.h: each runs inside the caller's transaction.
#include <algorithm>

#include "common/Error.h"
#include "storage/TerritoryStore.h"

namespace salesops {
namespace {

using territory::AssignmentSource;
using territory::ModelStatus;

std::int64_t modelRowId(Database& db, const std::string& modelId) {
  auto q = db.prepare("SELECT id FROM territory_model WHERE external_id = ?1");
  q.bind(1, modelId);
  if (!q.step()) throw Error(ErrorKind::Data, "no territory model \"" + modelId + "\" in the workbook");
  return q.int64(0);
}

}  // namespace

void setTerritoryModelStatus(Database& db, const std::string& modelId, ModelStatus status,
                             std::optional<Date> activeFrom) {
  auto q = db.prepare("UPDATE territory_model SET status = ?1, active_from = ?2 WHERE external_id = ?3");
  q.bind(1, territory::toString(status));
  if (activeFrom) {
    q.bind(2, activeFrom->toString());
  } else {
    q.bindNull(2);
  }
  q.bind(3, modelId).run();
}

AssignmentWriter::AssignmentWriter(Database& db)
    : close_(db, "UPDATE territory_assignment SET effective_to = ?1 WHERE id = ?2"),
      remove_(db, "DELETE FROM territory_assignment WHERE id = ?1"),
      update_(db, "UPDATE territory_assignment SET territory_id = ?1, source = ?2, effective_to = NULL WHERE id = ?3"),
      insert_(db,
              "INSERT INTO territory_assignment(account_id, territory_id, effective_from, effective_to, source) "
              "VALUES (?1, ?2, ?3, NULL, ?4)"),
      account_(db, "UPDATE account SET territory_id = ?1 WHERE id = ?2") {}

void AssignmentWriter::close(std::int64_t assignmentRowId, Date lastDay) {
  close_.bind(1, lastDay.toString()).bind(2, assignmentRowId).run();
}

void AssignmentWriter::remove(std::int64_t assignmentRowId) { remove_.bind(1, assignmentRowId).run(); }

void AssignmentWriter::update(std::int64_t assignmentRowId, const std::string& territoryId, AssignmentSource source) {
  update_.bind(1, territoryId).bind(2, territory::toString(source)).bind(3, assignmentRowId).run();
}

void AssignmentWriter::insert(std::int64_t accountRowId, const std::string& territoryId, Date from,
                              AssignmentSource source) {
  insert_.bind(1, accountRowId)
      .bind(2, territoryId)
      .bind(3, from.toString())
      .bind(4, territory::toString(source))
      .run();
}

void AssignmentWriter::setAccountTerritory(std::int64_t accountRowId, const std::string& territoryId) {
  if (territoryId.empty()) {
    account_.bindNull(1);
  } else {
    account_.bind(1, territoryId);
  }
  account_.bind(2, accountRowId).run();
}

void setAccountTerritoriesFromOpenAssignments(Database& db) {
  db.exec(
      "UPDATE account SET territory_id = (SELECT t.territory_id FROM territory_assignment t "
      "WHERE t.account_id = account.id AND t.effective_to IS NULL)");
}

void copyTerritoryModel(Database& db, const std::string& fromModelId, const std::string& newModelId,
                        const std::string& newName) {
  const std::int64_t from = modelRowId(db, fromModelId);
  db.prepare("INSERT INTO territory_model(external_id, name, status, active_from) VALUES (?1, ?2, 'planning', NULL)")
      .bind(1, newModelId)
      .bind(2, newName)
      .run();
  const std::int64_t to = db.lastInsertRowId();
  const char* copies[] = {
      "INSERT INTO territory(model_id, territory_id, name, parent_id, type, priority, owner_rep_id) "
      "SELECT ?2, territory_id, name, parent_id, type, priority, owner_rep_id FROM territory WHERE model_id = ?1 "
      "ORDER BY id",
      "INSERT INTO territory_overlay(model_id, territory_id, rep_id, role) "
      "SELECT ?2, territory_id, rep_id, role FROM territory_overlay WHERE model_id = ?1 ORDER BY id",
      "INSERT INTO territory_rule(model_id, territory_id, rule_id, field, operator, value) "
      "SELECT ?2, territory_id, rule_id, field, operator, value FROM territory_rule WHERE model_id = ?1 ORDER BY id",
      "INSERT INTO territory_named_account(model_id, territory_id, account_id) "
      "SELECT ?2, territory_id, account_id FROM territory_named_account WHERE model_id = ?1 ORDER BY id"};
  for (const char* sql : copies) db.prepare(sql).bind(1, from).bind(2, to).run();
}

namespace {

// Territories with their overlays, rules and named accounts, into the model whose row id is `modelRow`.
void insertTerritories(Database& db, std::int64_t modelRow, const std::string& modelId,
                       const std::vector<territory::Territory>& territories) {
  auto repRow = db.prepare("SELECT id FROM rep WHERE external_id = ?1");
  auto accountRow = db.prepare("SELECT id FROM account WHERE external_id = ?1");
  const auto lookup = [&](Statement& q, const std::string& key, const char* what) {
    q.reset();
    q.bind(1, key);
    if (!q.step()) throw Error(ErrorKind::Data, "model " + modelId + ": unknown " + what + " \"" + key + "\"");
    return q.int64(0);
  };
  auto territory = db.prepare(
      "INSERT INTO territory(model_id, territory_id, name, parent_id, type, priority, owner_rep_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto overlay =
      db.prepare("INSERT INTO territory_overlay(model_id, territory_id, rep_id, role) VALUES (?1, ?2, ?3, ?4)");
  auto rule = db.prepare(
      "INSERT INTO territory_rule(model_id, territory_id, rule_id, field, operator, value) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6)");
  auto named =
      db.prepare("INSERT INTO territory_named_account(model_id, territory_id, account_id) VALUES (?1, ?2, ?3)");
  const auto textOrNull = [](Statement& q, int index, const std::string& text) {
    if (text.empty()) {
      q.bindNull(index);
    } else {
      q.bind(index, text);
    }
  };
  for (const auto& t : territories) {
    territory.reset();
    territory.bind(1, modelRow).bind(2, t.id);
    textOrNull(territory, 3, t.name);
    textOrNull(territory, 4, t.parentId);
    textOrNull(territory, 5, t.type);
    territory.bind(6, t.priority);
    if (t.ownerRepId.empty()) {
      territory.bindNull(7);
    } else {
      territory.bind(7, lookup(repRow, t.ownerRepId, "rep"));
    }
    territory.run();
    for (const auto& o : t.overlays) {
      overlay.reset();
      overlay.bind(1, modelRow).bind(2, t.id).bind(3, lookup(repRow, o.repId, "rep"));
      textOrNull(overlay, 4, o.role);
      overlay.run();
    }
    for (const auto& r : t.rules) {
      for (const auto& c : r.conditions) {
        rule.reset();
        rule.bind(1, modelRow)
            .bind(2, t.id)
            .bind(3, territory::fileRuleId(r.id, c.negatedGroup))
            .bind(4, territory::toString(c.field));
        rule.bind(5, territory::toString(c.op)).bind(6, c.value);
        rule.run();
      }
    }
    for (const auto& account : t.namedAccounts) {
      named.reset();
      named.bind(1, modelRow).bind(2, t.id).bind(3, lookup(accountRow, account, "account"));
      named.run();
    }
  }
}

}  // namespace

void insertTerritoryModel(Database& db, const territory::Model& model) {
  auto head = db.prepare("INSERT INTO territory_model(external_id, name, status, active_from) VALUES (?1, ?2, ?3, ?4)");
  head.bind(1, model.id).bind(2, model.name).bind(3, territory::toString(model.status));
  if (model.activeFrom) {
    head.bind(4, model.activeFrom->toString());
  } else {
    head.bindNull(4);
  }
  head.run();
  const std::int64_t modelRow = db.lastInsertRowId();
  insertTerritories(db, modelRow, model.id, model.territories);
}

void insertTerritory(Database& db, const std::string& modelId, const territory::Territory& t) {
  insertTerritories(db, modelRowId(db, modelId), modelId, {t});
}

void updateTerritory(Database& db, const std::string& modelId, const std::string& territoryId, const std::string& name,
                     std::int64_t priority) {
  db.prepare("UPDATE territory SET name = ?1, priority = ?2 WHERE model_id = ?3 AND territory_id = ?4")
      .bind(1, name)
      .bind(2, priority)
      .bind(3, modelRowId(db, modelId))
      .bind(4, territoryId)
      .run();
}

void deleteTerritory(Database& db, const std::string& modelId, const std::string& territoryId) {
  const std::int64_t model = modelRowId(db, modelId);
  for (const char* sql : {"DELETE FROM territory_named_account WHERE model_id = ?1 AND territory_id = ?2",
                          "DELETE FROM territory_rule WHERE model_id = ?1 AND territory_id = ?2",
                          "DELETE FROM territory_overlay WHERE model_id = ?1 AND territory_id = ?2",
                          "DELETE FROM territory WHERE model_id = ?1 AND territory_id = ?2"}) {
    db.prepare(sql).bind(1, model).bind(2, territoryId).run();
  }
}

void replaceTerritoryRules(Database& db, const std::string& modelId, const std::string& territoryId,
                           const std::vector<territory::Rule>& rules) {
  const std::int64_t model = modelRowId(db, modelId);
  db.prepare("DELETE FROM territory_rule WHERE model_id = ?1 AND territory_id = ?2")
      .bind(1, model)
      .bind(2, territoryId)
      .run();
  auto insert = db.prepare(
      "INSERT INTO territory_rule(model_id, territory_id, rule_id, field, operator, value) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6)");
  for (const auto& r : rules) {
    for (const auto& c : r.conditions) {
      insert.reset();
      insert.bind(1, model).bind(2, territoryId).bind(3, territory::fileRuleId(r.id, c.negatedGroup));
      insert.bind(4, territory::toString(c.field)).bind(5, territory::toString(c.op)).bind(6, c.value);
      insert.run();
    }
  }
}

void nameAccount(Database& db, const std::string& modelId, const std::string& territoryId, std::int64_t accountRowId) {
  const std::int64_t model = modelRowId(db, modelId);
  db.prepare("DELETE FROM territory_named_account WHERE model_id = ?1 AND account_id = ?2")
      .bind(1, model)
      .bind(2, accountRowId)
      .run();
  db.prepare("INSERT INTO territory_named_account(model_id, territory_id, account_id) VALUES (?1, ?2, ?3)")
      .bind(1, model)
      .bind(2, territoryId)
      .bind(3, accountRowId)
      .run();
}

void unnameAccount(Database& db, const std::string& modelId, std::int64_t accountRowId) {
  db.prepare("DELETE FROM territory_named_account WHERE model_id = ?1 AND account_id = ?2")
      .bind(1, modelRowId(db, modelId))
      .bind(2, accountRowId)
      .run();
}

void deleteTerritoryModel(Database& db, const std::string& modelId) {
  const std::int64_t model = modelRowId(db, modelId);
  for (const char* sql :
       {"DELETE FROM territory_named_account WHERE model_id = ?1", "DELETE FROM territory_rule WHERE model_id = ?1",
        "DELETE FROM territory_overlay WHERE model_id = ?1", "DELETE FROM territory WHERE model_id = ?1",
        "DELETE FROM territory_model WHERE id = ?1"}) {
    db.prepare(sql).bind(1, model).run();
  }
}

}  // namespace salesops
