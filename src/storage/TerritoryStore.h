#pragma once
// The SQL of territories (TERRITORY.md): reading models, accounts and assignment history, and the writes of
// assign, activate and rebalance. Callers hold the transaction: every write function here expects one open
// (Transaction in storage/Database.h) so that a whole use case commits or rolls back at once.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Date.h"
#include "common/Period.h"
#include "storage/Database.h"
#include "territory/TerritoryModel.h"

namespace salesops {

struct TerritoryModelRow {
  std::int64_t rowId = 0;
  std::string id;
  std::string name;
  territory::ModelStatus status = territory::ModelStatus::Planning;
  std::optional<Date> activeFrom;
  std::int64_t territories = 0, rules = 0, namedAccounts = 0;
};

struct AssignmentRow {
  std::int64_t rowId = 0;
  std::int64_t accountRowId = 0;
  std::string territoryId;
  Date from;
  std::optional<Date> to;  // last day in force; empty = open
  territory::AssignmentSource source = territory::AssignmentSource::Rule;
};

// Accounts in row order with their surrogate ids beside them.
struct AccountTable {
  std::vector<territory::Account> accounts;
  std::vector<std::int64_t> rowIds;
};

// Per account of an AccountTable (same order): open pipeline and bookings with close_date in the period,
// in corporate minor units converted at close_date; and per rep external id, the quota of quota rows that
// lie within the period, converted at period_start.
struct BalanceFacts {
  std::vector<std::int64_t> openPipeline, bookings;
  std::vector<std::pair<std::string, std::int64_t>> quotaByRep;
};

std::vector<TerritoryModelRow> readTerritoryModels(Database& db);
// Error(Data) naming the model when it does not exist.
territory::Model readTerritoryModel(Database& db, const std::string& modelId);
AccountTable readTerritoryAccounts(Database& db);
// Every assignment row, ordered by account then effective_from.
std::vector<AssignmentRow> readAssignments(Database& db);
BalanceFacts readBalanceFacts(Database& db, const AccountTable& accounts, const Period& period,
                              const std::string& corporateCurrency);
// Per opportunity: surrogate id, account surrogate id (0 when none) and close date.
struct OpportunityAccount {
  std::int64_t rowId = 0;
  std::int64_t accountRowId = 0;
  Date closeDate;
};
std::vector<OpportunityAccount> readOpportunityAccounts(Database& db);

// Writes (inside the caller's transaction).
void setTerritoryModelStatus(Database& db, const std::string& modelId, territory::ModelStatus status,
                             std::optional<Date> activeFrom);
// The writes of assignment history, each a prepared statement reused for every row (an assignment may change
// a million accounts).
class AssignmentWriter {
 public:
  explicit AssignmentWriter(Database& db);
  void close(std::int64_t assignmentRowId, Date lastDay);
  void remove(std::int64_t assignmentRowId);
  // Replaces the territory and source of a row and reopens it.
  void update(std::int64_t assignmentRowId, const std::string& territoryId, territory::AssignmentSource source);
  void insert(std::int64_t accountRowId, const std::string& territoryId, Date from, territory::AssignmentSource source);
  void setAccountTerritory(std::int64_t accountRowId, const std::string& territoryId);  // "" = NULL

 private:
  Statement close_, remove_, update_, insert_, account_;
};
// Every account's territory_id from its open assignment row (NULL without one), in one statement: for bulk
// loads such as the demo's.
void setAccountTerritoriesFromOpenAssignments(Database& db);
// Copies the model's territories, overlays, rules and named accounts into a new planning model.
void copyTerritoryModel(Database& db, const std::string& fromModelId, const std::string& newModelId,
                        const std::string& newName);
// Inserts a whole model: its row, territories (owners and overlays by rep external id), rules and named
// accounts (by account external id). Error(Data) when a rep or account id is unknown.
void insertTerritoryModel(Database& db, const territory::Model& model);
// Edits of one territory of a model: add (with its rules, overlays and named accounts), rename and
// re-prioritise, delete (with its rules, overlays and named accounts).
void insertTerritory(Database& db, const std::string& modelId, const territory::Territory& territory);
void updateTerritory(Database& db, const std::string& modelId, const std::string& territoryId, const std::string& name,
                     std::int64_t priority);
void deleteTerritory(Database& db, const std::string& modelId, const std::string& territoryId);
// Replaces every rule condition of one territory of a model by `rules` (negated groups as RULE!GROUP ids).
void replaceTerritoryRules(Database& db, const std::string& modelId, const std::string& territoryId,
                           const std::vector<territory::Rule>& rules);
// Names the account in `territoryId` of the model, replacing any naming of it in that model.
void nameAccount(Database& db, const std::string& modelId, const std::string& territoryId, std::int64_t accountRowId);
void unnameAccount(Database& db, const std::string& modelId, std::int64_t accountRowId);
// Deletes a model and everything in it (territories, overlays, rules, named accounts).
void deleteTerritoryModel(Database& db, const std::string& modelId);

}  // namespace salesops
