// Carving of TerritoryService: N new territories under a parent of a planning model, balanced on one metric.
#include <algorithm>

#include "common/Currency.h"
#include "common/Error.h"
#include "services/TerritoryService.h"
#include "territory/Carver.h"

namespace salesops {
namespace {

using territory::AssignmentSource;
using territory::kUnassigned;

std::int64_t metricValue(BalanceMetric metric, const AccountTable& accounts, const BalanceFacts& facts, std::size_t i) {
  switch (metric) {
    case BalanceMetric::Accounts:
      return 1;
    case BalanceMetric::Potential:
      return accounts.accounts[i].annualRevenue.value_or(0);
    case BalanceMetric::Pipeline:
      return facts.openPipeline[i];
    case BalanceMetric::Bookings:
      return facts.bookings[i];
    case BalanceMetric::Quota:
    case BalanceMetric::Reps:
      break;
  }
  return 0;
}

}  // namespace

CarveProposal TerritoryService::proposeCarve(const CarveRequest& request) {
  if (request.metric == BalanceMetric::Quota || request.metric == BalanceMetric::Reps)
    throw Error(ErrorKind::Usage,
                "carving shares out accounts, so it balances accounts, potential, pipeline or "
                "bookings, not " +
                    std::string(toString(request.metric)));
  territory::Model model = planningModel(request.modelId);
  const std::string from = request.fromTerritory.empty() ? request.parentId : request.fromTerritory;
  if (!model.find(request.parentId))
    throw Error(ErrorKind::Data,
                "model " + request.modelId + " has no territory " + request.parentId + " to carve under");
  if (!model.find(from))
    throw Error(ErrorKind::Data, "model " + request.modelId + " has no territory " + from + " to carve accounts from");
  if (request.count < 2) throw Error(ErrorKind::Usage, "--count must be 2 or more");

  // The new ids are checked before anything is read or computed.
  std::vector<territory::Territory> newTerritories;
  const territory::Territory& parent = *model.find(request.parentId);
  for (std::int32_t k = 0; k < request.count; ++k) {
    territory::Territory t;
    t.id = request.parentId + "-" + std::to_string(k + 1);
    if (model.find(t.id))
      throw Error(ErrorKind::Data, "model " + request.modelId + " already has a territory " + t.id +
                                       "; remove it or carve under another parent");
    t.name = (parent.name.empty() ? parent.id : parent.name) + " " + std::to_string(k + 1);
    t.parentId = request.parentId;
    t.type = "territory";
    t.priority = parent.priority;
    newTerritories.push_back(std::move(t));
  }
  const AccountTable accounts = readTerritoryAccounts(workbook_.db());
  const BalanceFacts facts = readBalanceFacts(workbook_.db(), accounts, request.period, workbook_.settings().currency);
  const territory::AssignmentEngine engine(model, minorDigits(workbook_.settings().currency));
  const auto placements = engine.assignAll(accounts.accounts, task_);
  const std::int32_t source = engine.indexOf(from);

  CarveProposal proposal;
  proposal.modelId = request.modelId;
  proposal.parentId = request.parentId;
  proposal.metric = request.metric;
  proposal.territories = std::move(newTerritories);
  proposal.before = balanceOf(engine, accounts, placements, facts, request.period);

  std::vector<territory::CarveAccount> set;
  for (std::size_t i = 0; i < placements.size(); ++i) {
    const auto& p = placements[i];
    if (p.territory == kUnassigned) continue;
    const auto path = engine.pathOf(p.territory);
    if (std::find(path.begin(), path.end(), source) == path.end()) continue;
    if (p.source == AssignmentSource::Named) {
      ++proposal.namedKept;
      continue;
    }
    const auto& a = accounts.accounts[i];
    set.push_back({a.id, a.region, a.postalCode, metricValue(request.metric, accounts, facts, i)});
  }
  const territory::CarveResult result = territory::carve(set, request.count, task_);

  for (std::size_t s = 0; s < set.size(); ++s) proposal.territories[result.part[s]].namedAccounts.push_back(set[s].id);
  proposal.accounts = static_cast<std::int64_t>(set.size());
  proposal.totals = result.totals;
  proposal.naiveTotals = result.naiveTotals;
  proposal.carved = result.imbalance;
  proposal.naive = result.naiveImbalance;
  proposal.contiguous = result.contiguousKept;

  model.territories.insert(model.territories.end(), proposal.territories.begin(), proposal.territories.end());
  const territory::AssignmentEngine after(std::move(model), minorDigits(workbook_.settings().currency));
  proposal.after = balanceOf(after, accounts, after.assignAll(accounts.accounts, task_), facts, request.period);
  return proposal;
}

void TerritoryService::applyCarve(const CarveProposal& proposal) {
  const territory::Model model = planningModel(proposal.modelId);
  for (const auto& t : proposal.territories) {
    if (model.find(t.id))
      throw Error(ErrorKind::Data, "model " + proposal.modelId + " already has a territory " + t.id);
  }
  Transaction transaction(workbook_.db());
  for (const auto& t : proposal.territories) insertTerritory(workbook_.db(), proposal.modelId, t);
  workbook_.audit("territory carve", "territory",
                  "model " + proposal.modelId + ": " + std::to_string(proposal.territories.size()) +
                      " territories carved under " + proposal.parentId + " from " + std::to_string(proposal.accounts) +
                      " accounts");
  transaction.commit();
}

void TerritoryService::undoCarve(const CarveProposal& proposal) {
  planningModel(proposal.modelId);
  Transaction transaction(workbook_.db());
  for (const auto& t : proposal.territories) deleteTerritory(workbook_.db(), proposal.modelId, t.id);
  workbook_.audit("territory carve undone", "territory", "model " + proposal.modelId + " under " + proposal.parentId);
  transaction.commit();
}

}  // namespace salesops
