#include "services/WorkbookCheck.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>

#include "common/Currency.h"
#include "common/Error.h"
#include "domain/EntitySchema.h"
#include "storage/TerritoryStore.h"
#include "territory/AssignmentEngine.h"

namespace salesops {
namespace {

// A broken import can violate one rule on a million rows; past this many per rule the list stops helping.
constexpr int kMaxPerCheck = 200;

std::string tableOf(std::string_view entity) { return std::string(findEntity(entity)->table); }

// SQL text of the row's key as the user knows it ("O000123", "USD 2026-01-01", "O1 R7"), computed from
// EntitySchema so every entity is named the way import and export name it. References show the referenced
// row's key, or "#id" when that row is missing.
std::string keyExpression(const EntitySpec& entity, const std::string& alias) {
  std::string expression;
  for (const FieldSpec* field : entity.keyFields()) {
    if (!expression.empty()) expression += " || ' ' || ";
    const std::string column = alias + "." + std::string(field->column);
    const EntitySpec* target = field->references.empty() ? nullptr : findEntity(field->references);
    if (target && !target->keyFields().empty()) {
      expression += "coalesce((SELECT r." + std::string(target->keyFields().front()->column) + " FROM " +
                    std::string(target->table) + " r WHERE r.id = " + column + "), '#' || " + column + ")";
    } else {
      expression += "coalesce(" + column + ", '')";
    }
  }
  return expression.empty() ? "'#' || " + alias + ".id" : expression;
}

std::string keyExpression(std::string_view entity, const std::string& alias) {
  return keyExpression(*findEntity(entity), alias);
}

std::string percentText(std::int64_t hundredths) {
  std::string text = std::to_string(hundredths / 100);
  const auto fraction = hundredths % 100;
  if (fraction != 0) {
    text += '.';
    text += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) text += static_cast<char>('0' + fraction % 10);
  }
  return text;
}

class Checker {
 public:
  explicit Checker(Workbook& workbook) : workbook_(workbook), db_(workbook.db()) {}

  std::vector<CheckFinding> run() {
    if (!sqliteIntegrity()) return std::move(findings_);
    foreignKeys();
    splitsSumTo100();
    managerCycles();
    periodsOrdered("quota");
    periodsOrdered("forecast_submission");
    currenciesHaveRates();
    wonLostProbabilities();
    closeNotBeforeCreated();
    territoryModels();
    assignmentsDoNotOverlap();
    return std::move(findings_);
  }

 private:
  void add(std::string where, std::string message) { findings_.push_back({std::move(where), std::move(message)}); }

  // Runs `sql` with the row limit bound as ?1 (and `extra` bound as ?2 when given), one finding per row.
  void forEachRow(const std::string& sql, const std::function<void(const Statement&)>& onRow,
                  const std::string& extra = {}) {
    auto query = db_.prepare(sql + " LIMIT ?1");
    query.bind(1, kMaxPerCheck + 1);
    if (!extra.empty()) query.bind(2, extra);
    int rows = 0;
    while (query.step()) {
      if (++rows > kMaxPerCheck) {
        add("check", "more rows break the same rule; only the first " + std::to_string(kMaxPerCheck) + " are listed");
        break;
      }
      onRow(query);
    }
  }

  // The row's "entity KEY" for the tables of EntitySchema; other tables are named by table and rowid.
  std::string nameRow(const std::string& table, std::int64_t id) {
    const EntitySpec* entity = findEntity(table);
    if (!entity) return table + " #" + std::to_string(id);
    auto query = db_.prepare("SELECT " + keyExpression(*entity, "t") + " FROM " + std::string(entity->table) +
                             " t WHERE t.id = ?1");
    query.bind(1, id);
    return std::string(entity->name) + " " + (query.step() ? std::string(query.text(0)) : "#" + std::to_string(id));
  }

  bool sqliteIntegrity() {
    try {
      auto query = db_.prepare("PRAGMA integrity_check(100)");
      while (query.step()) {
        if (query.text(0) != "ok") add("sqlite", std::string(query.text(0)));
      }
    } catch (const Error& e) {
      // A file too damaged to read answers with an error instead of rows; that is the finding.
      if (e.kind() != ErrorKind::Workbook) throw;
      add("sqlite", e.message());
      return false;
    }
    return true;
  }

  void foreignKeys() {
    auto query = db_.prepare("PRAGMA foreign_key_check");
    auto column = db_.prepare("SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE id = ?2");
    int rows = 0;
    while (query.step() && ++rows <= kMaxPerCheck) {
      const std::string table(query.text(0));
      const std::string parent(query.text(2));
      column.reset();
      column.bind(1, table).bind(2, query.int64(3));
      const std::string from = column.step() ? std::string(column.text(0)) : std::string("a reference");
      const EntitySpec* target = findEntity(parent);
      add(nameRow(table, query.int64(1)),
          from + " refers to a " + std::string(target ? target->name : parent) + " that does not exist");
    }
  }

  void splitsSumTo100() {
    forEachRow(
        "SELECT o.external_id, sum(s.percent) FROM opportunity_split s JOIN opportunity o ON o.id = s.opportunity_id "
        "GROUP BY s.opportunity_id HAVING sum(s.percent) <> 10000 ORDER BY o.id",
        [&](const Statement& row) {
          add("opportunity " + std::string(row.text(0)), "splits sum to " + percentText(row.int64(1)) + "%, not 100%");
        });
  }

  void managerCycles() {
    std::map<std::int64_t, std::pair<std::string, std::optional<std::int64_t>>> reps;  // id -> key, manager
    auto query = db_.prepare("SELECT id, external_id, manager_id FROM rep ORDER BY id");
    while (query.step()) reps[query.int64(0)] = {std::string(query.text(1)), query.optionalInt64(2)};

    enum class State { Unseen, OnPath, Done };
    std::map<std::int64_t, State> state;
    int reported = 0;
    for (const auto& [start, ignored] : reps) {
      std::vector<std::int64_t> path;
      std::optional<std::int64_t> node = start;
      while (node && reps.count(*node) && state[*node] == State::Unseen) {
        state[*node] = State::OnPath;
        path.push_back(*node);
        node = reps[*node].second;
      }
      if (node && reps.count(*node) && state[*node] == State::OnPath && reported++ < kMaxPerCheck) {
        const auto first = std::find(path.begin(), path.end(), *node);
        std::string chain;
        for (auto it = first; it != path.end(); ++it) chain += reps[*it].first + " -> ";
        chain += reps[*node].first;
        add("rep " + reps[*node].first, "the manager chain loops: " + chain);
      }
      for (auto id : path) state[id] = State::Done;
    }
  }

  void periodsOrdered(std::string_view entity) {
    forEachRow("SELECT " + keyExpression(entity, "t") + ", t.period_start, t.period_end FROM " + tableOf(entity) +
                   " t WHERE t.period_end < t.period_start ORDER BY t.id",
               [&](const Statement& row) {
                 add(std::string(entity) + " " + std::string(row.text(0)),
                     "period_end " + std::string(row.text(2)) + " is before period_start " + std::string(row.text(1)));
               });
  }

  void currenciesHaveRates() {
    const std::string corporate = workbook_.settings().currency;
    for (std::string_view entity : {"opportunity", "quota", "forecast_submission"}) {
      const std::string table = tableOf(entity);
      forEachRow(
          "SELECT t.currency, count(*), min(t.id) FROM " + table +
              " t WHERE t.currency IS NOT NULL AND t.currency <> '' AND t.currency <> ?2 "
              "AND NOT EXISTS (SELECT 1 FROM fx_rate f WHERE f.currency = t.currency) "
              "GROUP BY t.currency ORDER BY t.currency",
          [&](const Statement& row) {
            const auto count = row.int64(1);
            add(nameRow(table, row.int64(2)), "currency " + std::string(row.text(0)) + " has no fx_rate (used by " +
                                                  std::to_string(count) + " " + std::string(entity) +
                                                  (count == 1 ? " row)" : " rows)"));
          },
          corporate);
    }
  }

  void wonLostProbabilities() {
    forEachRow(
        "SELECT o.external_id, o.probability, s.name, s.kind FROM opportunity o JOIN stage s ON s.id = o.stage_id "
        "WHERE o.probability IS NOT NULL AND ((s.kind = 'won' AND o.probability <> 10000) "
        "OR (s.kind = 'lost' AND o.probability <> 0)) ORDER BY o.id",
        [&](const Statement& row) {
          const bool won = row.text(3) == "won";
          add("opportunity " + std::string(row.text(0)),
              "probability " + percentText(row.int64(1)) + " in " + (won ? "won" : "lost") + " stage \"" +
                  std::string(row.text(2)) + "\" (must be " + (won ? "100" : "0") + " or empty)");
        });
  }

  void closeNotBeforeCreated() {
    forEachRow(
        "SELECT external_id, close_date, created_date FROM opportunity WHERE close_date < created_date ORDER BY id",
        [&](const Statement& row) {
          add("opportunity " + std::string(row.text(0)),
              "close_date " + std::string(row.text(1)) + " is before created_date " + std::string(row.text(2)));
        });
  }

  // Each model must compile (parents, loops, rule values, accounts named twice), and one model at most is active.
  void territoryModels() {
    int active = 0;
    for (const auto& model : readTerritoryModels(db_)) {
      active += model.status == territory::ModelStatus::Active ? 1 : 0;
      try {
        territory::AssignmentEngine(readTerritoryModel(db_, model.id), minorDigits(workbook_.settings().currency));
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::Data) throw;
        add("territory_model " + model.id, e.message());
      }
    }
    if (active > 1) add("territory_model", std::to_string(active) + " models are active; one at most may be");
  }

  void assignmentsDoNotOverlap() {
    forEachRow(
        "SELECT a.external_id, x.effective_from, y.effective_from FROM territory_assignment x "
        "JOIN territory_assignment y ON y.account_id = x.account_id AND y.id <> x.id "
        "AND x.effective_from < y.effective_from AND coalesce(x.effective_to, '9999-12-31') >= y.effective_from "
        "JOIN account a ON a.id = x.account_id ORDER BY x.id",
        [&](const Statement& row) {
          add("territory_assignment " + std::string(row.text(0)) + " " + std::string(row.text(1)),
              "is still in force when the row from " + std::string(row.text(2)) + " begins");
        });
  }

  Workbook& workbook_;
  Database& db_;
  std::vector<CheckFinding> findings_;
};

}  // namespace

std::vector<CheckFinding> checkWorkbook(Workbook& workbook) { return Checker(workbook).run(); }

}  // namespace salesops
