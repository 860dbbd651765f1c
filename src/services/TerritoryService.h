#pragma once
// The territory use cases shared by the CLI (`territory`) and the GUI (TERRITORY.md): list models, assign
// accounts with effective-dated history, explain one account, measure balance, propose and apply a
// rebalancing, activate a model from a date, and the territory of every opportunity at its close date (for
// territory-scoped KPIs). Writes run in one transaction each and are audited; a failure changes nothing.
// Not thread-safe: one service per thread, like the Workbook it uses.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Period.h"
#include "common/Progress.h"
#include "storage/TerritoryStore.h"
#include "storage/Workbook.h"
#include "territory/AssignmentEngine.h"
#include "territory/Imbalance.h"

namespace salesops {

struct AssignmentChange {
  std::int64_t accountRowId = 0;
  std::string accountId;
  std::string before;  // territory in force on the plan's date ("" = none)
  std::string after;   // "" = unassigned
  territory::AssignmentSource source = territory::AssignmentSource::Rule;
};

struct AssignmentPlan {
  std::string modelId;
  Date from;
  std::int64_t accounts = 0, assigned = 0, named = 0, unchanged = 0;
  std::vector<std::string> unassigned;  // account ids matching no territory
  std::vector<AssignmentChange> changes;
};

enum class BalanceMetric : std::uint8_t { Accounts, Potential, Pipeline, Bookings, Quota, Reps };
inline constexpr std::size_t kBalanceMetrics = 6;
std::optional<BalanceMetric> parseBalanceMetric(std::string_view text) noexcept;  // accounts, potential, ...
std::string_view toString(BalanceMetric metric) noexcept;
bool isMoneyMetric(BalanceMetric metric) noexcept;

struct BalanceRow {
  std::string territoryId, name, ownerRepId;
  std::array<std::int64_t, kBalanceMetrics> values{};  // money in corporate minor units
};

// Balance of the territories that hold accounts: the leaves of the hierarchy and any territory that wins
// accounts directly. Accounts are placed by the model's rules now (the design under review), not by history.
struct BalanceReport {
  std::string modelId;
  Period period;
  std::string currency;
  int minorDigits = 2;
  std::vector<BalanceRow> rows;
  std::int64_t unassignedAccounts = 0;
  std::array<territory::Imbalance, kBalanceMetrics> imbalance;
};

struct RebalanceRequest {
  std::string modelId;  // "" = the model in force on `on`
  Period period;
  std::vector<BalanceMetric> metrics;  // one or two
  std::array<double, 2> weights{1.0, 1.0};
  std::int64_t maxMoves = 0;
  std::optional<double> targetCv;  // stop once every metric's CV is at most this (Rebalancer.h)
};

struct ProposedMove {
  std::int64_t accountRowId = 0;
  std::string accountId, from, to;
  bool openPipeline = false;
};

struct QuotaRelief {
  std::string repId, territoryId;
  std::int64_t pipelineBefore = 0, pipelineAfter = 0, quota = 0, relief = 0;  // corporate minor units
};

struct RebalanceProposal {
  std::string modelId;
  BalanceReport before, after;
  std::vector<BalanceMetric> metrics;
  std::vector<ProposedMove> moves;
  std::vector<QuotaRelief> relief;
};

// Carving N new territories under `parentId` of a planning model out of the accounts the model places in
// `fromTerritory`'s subtree (default: the parent's), balanced on one metric (territory/Carver.h).
struct CarveRequest {
  std::string modelId;
  std::string parentId;
  std::string fromTerritory;  // "" = parentId
  std::int32_t count = 0;
  BalanceMetric metric = BalanceMetric::Potential;  // accounts, potential, pipeline or bookings
  Period period;                                    // of pipeline and bookings, and of the balance figures
};

struct CarveProposal {
  std::string modelId, parentId;
  BalanceMetric metric = BalanceMetric::Potential;
  std::vector<territory::Territory> territories;  // the new children, each naming the accounts it takes
  std::int64_t accounts = 0;                      // accounts shared out
  std::int64_t namedKept = 0;                     // named accounts of the set, left in their territory
  std::vector<std::int64_t> totals, naiveTotals;  // per new territory, on the metric
  territory::Imbalance carved, naive;             // of the new territories, and of the naive split
  bool contiguous = true;                         // runs by region / postal code were kept
  BalanceReport before, after;                    // the whole model without and with the new territories
};

class TerritoryService {
 public:
  explicit TerritoryService(Workbook& workbook, LongTask task = {});

  std::vector<TerritoryModelRow> models();
  // The model in force on `on`: the active or archived model with the latest active_from <= on. Error(Data)
  // when none is.
  std::string modelInForce(Date on);
  territory::Model loadModel(const std::string& modelId);

  // What assigning `modelId` ("" = the model in force on `from`) from `from` would change. Reads only.
  AssignmentPlan planAssignment(const std::string& modelId, Date from);
  // Writes a plan: closes each changed account's row on the day before plan.from and opens a new one.
  // Error(Data) when the model is not the one in force on plan.from, or the history has rows starting after
  // it. account.territory_id follows when plan.from <= today.
  void applyAssignment(const AssignmentPlan& plan, Date today);

  territory::Explanation explain(const std::string& modelId, const std::string& accountId, Date on,
                                 territory::Model* modelOut = nullptr);

  // The account fields rules read, in row order (what a rule editor counts its live matches on).
  std::vector<territory::Account> accounts();
  // AssignmentEngine::ruleMatchCounts over the workbook's accounts.
  std::vector<std::vector<std::int64_t>> ruleMatchCounts(const std::string& modelId);

  BalanceReport balance(const std::string& modelId, const Period& period, Date on);

  RebalanceProposal proposeRebalance(const RebalanceRequest& request, Date on);
  // Writes the moves as named accounts of `intoModel`: the proposal's own model when it is a planning model,
  // or a new planning copy of it. Error(Data) for an existing model that is not the proposal's planning model.
  void applyRebalance(const RebalanceProposal& proposal, const std::string& intoModel);
  // Reverses applyRebalance: deletes `intoModel` when the apply created it, else removes the named accounts
  // the moves added (their earlier naming in that model, if any, is not restored: moved accounts were never
  // named, since named accounts do not move).
  void undoRebalance(const RebalanceProposal& proposal, const std::string& intoModel, bool created);

  // Edits of a planning model's hierarchy (Error(Data) for an active or archived model, an empty, duplicate
  // or unknown territory id, an unknown parent, a negative priority, or removing a territory with children).
  void addTerritory(const std::string& modelId, const territory::Territory& territory);
  void updateTerritory(const std::string& modelId, const std::string& territoryId, const std::string& name,
                       std::int64_t priority);
  // Returns what was removed, rules, overlays and named accounts included, so an undo can add it back.
  territory::Territory removeTerritory(const std::string& modelId, const std::string& territoryId);

  // Replaces the rules of one territory of a planning model and returns the rules it had (so an undo can put
  // them back). Error(Data), nothing written, for an empty or duplicate rule id, a field and operator used
  // twice in one rule or NOT group, or anything that stops the model compiling (a bad value, an empty rule).
  // With `priority`, the territory's priority changes in the same transaction.
  std::vector<territory::Rule> replaceRules(const std::string& modelId, const std::string& territoryId,
                                            const std::vector<territory::Rule>& rules,
                                            std::optional<std::int64_t> priority = std::nullopt);

  // Reads only. Error(Data) for a model that is not planning, an unknown parent or source territory, or new
  // ids (PARENT-1 .. PARENT-N) already taken; Error(Usage) for a count or metric carving cannot use.
  CarveProposal proposeCarve(const CarveRequest& request);
  // Adds the proposal's territories (and their named accounts) in one transaction; undoCarve removes them.
  void applyCarve(const CarveProposal& proposal);
  void undoCarve(const CarveProposal& proposal);

  // Makes `modelId` active from `from`, archives the model active before, and assigns its accounts from
  // `from`, all in one transaction.
  AssignmentPlan activate(const std::string& modelId, Date from, Date today);

  // Per opportunity (surrogate id order): the territory its account had on its close date, "" for none.
  // DOMAIN.md has no pinned-territory field on opportunities, so history alone decides.
  std::vector<std::pair<std::int64_t, std::string>> opportunityTerritories();

 private:
  territory::AssignmentEngine engineFor(const std::string& modelId);
  territory::Model planningModel(const std::string& modelId);
  AssignmentPlan plan(const territory::AssignmentEngine& engine, const AccountTable& accounts, Date from);
  void writePlan(const AssignmentPlan& plan, Date today);
  BalanceReport balanceOf(const territory::AssignmentEngine& engine, const AccountTable& accounts,
                          const std::vector<territory::Placement>& placements, const BalanceFacts& facts,
                          const Period& period);

  Workbook& workbook_;
  LongTask task_;
};

}  // namespace salesops
