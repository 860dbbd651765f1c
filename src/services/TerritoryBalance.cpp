// Balance and rebalancing of TerritoryService (TERRITORY.md "Balance").
#include <algorithm>
#include <array>
#include <map>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "services/TerritoryService.h"
#include "territory/Rebalancer.h"

namespace salesops {
namespace {

using territory::AssignmentSource;
using territory::kUnassigned;

constexpr std::array<std::string_view, kBalanceMetrics> kMetricNames{"accounts", "potential", "pipeline",
                                                                     "bookings", "quota",     "reps"};

// Balanced territories: leaves, and any territory that holds accounts itself.
std::vector<std::int32_t> balancedTerritories(const territory::Model& model,
                                              const std::vector<territory::Placement>& placements) {
  const auto n = model.territories.size();
  std::vector<std::uint8_t> hasChild(n, 0), hasAccounts(n, 0);
  for (const auto& t : model.territories) {
    const auto parent = std::find_if(model.territories.begin(), model.territories.end(),
                                     [&](const auto& p) { return p.id == t.parentId; });
    if (!t.parentId.empty() && parent != model.territories.end()) hasChild[parent - model.territories.begin()] = 1;
  }
  for (const auto& p : placements) {
    if (p.territory != kUnassigned) hasAccounts[p.territory] = 1;
  }
  std::vector<std::int32_t> out;
  for (std::size_t t = 0; t < n; ++t) {
    if (!hasChild[t] || hasAccounts[t]) out.push_back(static_cast<std::int32_t>(t));
  }
  return out;
}

// The share of the owner's quota that follows the pipeline a territory loses: quota * lost / before,
// rounded half away from zero, in exact integer arithmetic.
std::int64_t reliefFor(std::int64_t quota, std::int64_t before, std::int64_t after) {
  if (quota <= 0 || before <= 0 || after >= before) return 0;
  return divideRounded(static_cast<__int128>(quota) * (before - after), before);
}

}  // namespace

std::optional<BalanceMetric> parseBalanceMetric(std::string_view text) noexcept {
  for (std::size_t i = 0; i < kMetricNames.size(); ++i) {
    if (kMetricNames[i] == text) return static_cast<BalanceMetric>(i);
  }
  return std::nullopt;
}

std::string_view toString(BalanceMetric metric) noexcept { return kMetricNames[static_cast<std::size_t>(metric)]; }

bool isMoneyMetric(BalanceMetric metric) noexcept {
  return metric == BalanceMetric::Potential || metric == BalanceMetric::Pipeline || metric == BalanceMetric::Bookings ||
         metric == BalanceMetric::Quota;
}

BalanceReport TerritoryService::balanceOf(const territory::AssignmentEngine& engine, const AccountTable& accounts,
                                          const std::vector<territory::Placement>& placements,
                                          const BalanceFacts& facts, const Period& period) {
  const territory::Model& model = engine.model();
  BalanceReport report;
  report.modelId = model.id;
  report.period = period;
  report.currency = workbook_.settings().currency;
  report.minorDigits = minorDigits(report.currency);
  const auto balanced = balancedTerritories(model, placements);
  std::vector<std::int32_t> rowOf(model.territories.size(), -1);
  const std::map<std::string, std::int64_t> quotas(facts.quotaByRep.begin(), facts.quotaByRep.end());
  for (std::int32_t t : balanced) {
    const territory::Territory& territory = model.territories[t];
    BalanceRow row{territory.id, territory.name, territory.ownerRepId, {}};
    const auto quota = quotas.find(territory.ownerRepId);
    row.values[static_cast<std::size_t>(BalanceMetric::Quota)] = quota == quotas.end() ? 0 : quota->second;
    std::vector<std::string> reps;
    if (!territory.ownerRepId.empty()) reps.push_back(territory.ownerRepId);
    for (const auto& o : territory.overlays) {
      if (std::find(reps.begin(), reps.end(), o.repId) == reps.end()) reps.push_back(o.repId);
    }
    row.values[static_cast<std::size_t>(BalanceMetric::Reps)] = static_cast<std::int64_t>(reps.size());
    rowOf[t] = static_cast<std::int32_t>(report.rows.size());
    report.rows.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < placements.size(); ++i) {
    if (placements[i].territory == kUnassigned) {
      ++report.unassignedAccounts;
      continue;
    }
    auto& v = report.rows[rowOf[placements[i].territory]].values;
    v[static_cast<std::size_t>(BalanceMetric::Accounts)] += 1;
    v[static_cast<std::size_t>(BalanceMetric::Potential)] += accounts.accounts[i].annualRevenue.value_or(0);
    v[static_cast<std::size_t>(BalanceMetric::Pipeline)] += facts.openPipeline[i];
    v[static_cast<std::size_t>(BalanceMetric::Bookings)] += facts.bookings[i];
  }
  for (std::size_t m = 0; m < kBalanceMetrics; ++m) {
    std::vector<std::int64_t> values;
    for (const auto& row : report.rows) values.push_back(row.values[m]);
    report.imbalance[m] = territory::imbalanceOf(values);
  }
  return report;
}

BalanceReport TerritoryService::balance(const std::string& modelId, const Period& period, Date on) {
  const auto engine = engineFor(modelId.empty() ? modelInForce(on) : modelId);
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  const auto placements = engine.assignAll(accounts.accounts, task_);
  const BalanceFacts facts = readBalanceFacts(workbook_.db(), accounts, period, workbook_.settings().currency);
  return balanceOf(engine, accounts, placements, facts, period);
}

RebalanceProposal TerritoryService::proposeRebalance(const RebalanceRequest& request, Date on) {
  if (request.metrics.empty() || request.metrics.size() > 2)
    throw Error(ErrorKind::Usage, "rebalance takes one or two metrics");
  for (BalanceMetric m : request.metrics) {
    if (m == BalanceMetric::Quota || m == BalanceMetric::Reps)
      throw Error(ErrorKind::Usage,
                  "rebalance moves accounts, so it balances accounts, potential, pipeline or "
                  "bookings, not " +
                      std::string(toString(m)));
  }
  if (request.maxMoves < 0) throw Error(ErrorKind::Usage, "--max-moves must be 0 or more");
  const auto engine = engineFor(request.modelId.empty() ? modelInForce(on) : request.modelId);
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  auto placements = engine.assignAll(accounts.accounts, task_);
  const BalanceFacts facts = readBalanceFacts(workbook_.db(), accounts, request.period, workbook_.settings().currency);

  RebalanceProposal proposal;
  proposal.modelId = engine.model().id;
  proposal.metrics = request.metrics;
  proposal.before = balanceOf(engine, accounts, placements, facts, request.period);

  const auto balanced = balancedTerritories(engine.model(), placements);
  std::vector<std::int32_t> local(engine.model().territories.size(), -1);
  for (std::size_t i = 0; i < balanced.size(); ++i) local[balanced[i]] = static_cast<std::int32_t>(i);
  territory::RebalanceInput input;
  input.territoryCount = static_cast<std::int32_t>(balanced.size());
  input.metricCount = static_cast<int>(request.metrics.size());
  input.weights = request.weights;
  input.maxMoves = request.maxMoves;
  input.targetCv = request.targetCv;
  const std::size_t n = accounts.accounts.size();
  input.territory.resize(n);
  input.values.resize(n);
  input.locked.resize(n);
  input.openPipeline.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = placements[i];
    input.territory[i] = p.territory == kUnassigned ? -1 : local[p.territory];
    for (std::size_t m = 0; m < request.metrics.size(); ++m) {
      switch (request.metrics[m]) {
        case BalanceMetric::Accounts:
          input.values[i][m] = 1;
          break;
        case BalanceMetric::Potential:
          input.values[i][m] = accounts.accounts[i].annualRevenue.value_or(0);
          break;
        case BalanceMetric::Pipeline:
          input.values[i][m] = facts.openPipeline[i];
          break;
        case BalanceMetric::Bookings:
          input.values[i][m] = facts.bookings[i];
          break;
        case BalanceMetric::Quota:
        case BalanceMetric::Reps:
          break;
      }
    }
    input.locked[i] = p.source == AssignmentSource::Named ? 1 : 0;
    input.openPipeline[i] = facts.openPipeline[i] > 0 ? 1 : 0;
  }
  const auto result = territory::rebalance(input, task_);
  const auto& territories = engine.model().territories;
  for (const auto& move : result.moves) {
    const std::int32_t to = balanced[move.to];
    proposal.moves.push_back({accounts.rowIds[move.account], accounts.accounts[move.account].id,
                              territories[balanced[move.from]].id, territories[to].id,
                              input.openPipeline[move.account] != 0});
    placements[move.account] = {to, AssignmentSource::Manual, -1};
  }
  proposal.after = balanceOf(engine, accounts, placements, facts, request.period);

  constexpr auto kPipeline = static_cast<std::size_t>(BalanceMetric::Pipeline);
  constexpr auto kQuota = static_cast<std::size_t>(BalanceMetric::Quota);
  for (std::size_t r = 0; r < proposal.before.rows.size(); ++r) {
    const auto& before = proposal.before.rows[r];
    const auto& after = proposal.after.rows[r];
    const std::int64_t relief = reliefFor(before.values[kQuota], before.values[kPipeline], after.values[kPipeline]);
    if (relief > 0 && !before.ownerRepId.empty()) {
      proposal.relief.push_back({before.ownerRepId, before.territoryId, before.values[kPipeline],
                                 after.values[kPipeline], before.values[kQuota], relief});
    }
  }
  return proposal;
}

void TerritoryService::applyRebalance(const RebalanceProposal& proposal, const std::string& intoModel) {
  const auto all = models();
  const auto existing = std::find_if(all.begin(), all.end(), [&](const auto& m) { return m.id == intoModel; });
  Database& db = workbook_.db();
  if (existing != all.end()) {
    if (existing->id != proposal.modelId)
      throw Error(ErrorKind::Data, "model " + intoModel + " already exists; apply into the proposal's model (" +
                                       proposal.modelId + ", if it is a planning model) or into a new model id");
    if (existing->status != territory::ModelStatus::Planning)
      throw Error(ErrorKind::Data, "model " + intoModel + " is " + std::string(territory::toString(existing->status)) +
                                       "; rebalancing writes only into a planning model (give --into a new id)");
  }
  Transaction transaction(db);
  if (existing == all.end()) copyTerritoryModel(db, proposal.modelId, intoModel, "Rebalanced " + proposal.modelId);
  for (const auto& move : proposal.moves) nameAccount(db, intoModel, move.to, move.accountRowId);
  workbook_.audit(
      "territory rebalance", "territory_model",
      "model " + intoModel + ": " + std::to_string(proposal.moves.size()) + " accounts moved from " + proposal.modelId);
  transaction.commit();
}

void TerritoryService::undoRebalance(const RebalanceProposal& proposal, const std::string& intoModel, bool created) {
  Database& db = workbook_.db();
  Transaction transaction(db);
  if (created) {
    deleteTerritoryModel(db, intoModel);
  } else {
    for (const auto& move : proposal.moves) unnameAccount(db, intoModel, move.accountRowId);
  }
  workbook_.audit("territory rebalance undone", "territory_model", "model " + intoModel);
  transaction.commit();
}

}  // namespace salesops
