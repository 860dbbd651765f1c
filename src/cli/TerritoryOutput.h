#pragma once
// Text of the `territory` verb: its tables (CSV or aligned) and its summaries. Money is printed as exact
// decimals of the corporate currency, ratios with fixed decimals, undefined ratios as "undefined".
#include <iosfwd>
#include <string>
#include <vector>

#include "services/TerritoryService.h"

namespace salesops::cli {

using Table = std::vector<std::vector<std::string>>;

void printTable(std::ostream& out, const Table& rows, bool aligned);

Table modelsTable(const std::vector<TerritoryModelRow>& models);
Table territoriesTable(const territory::Model& model);
Table changesTable(const AssignmentPlan& plan);
std::string assignmentSummary(const AssignmentPlan& plan, bool dryRun);
std::string explanationText(const std::string& accountId, const territory::Model& model,
                            const territory::Explanation& explanation);
Table balanceTable(const BalanceReport& report);
std::string imbalanceLine(const BalanceReport& report, BalanceMetric metric);
Table movesTable(const RebalanceProposal& proposal);
// One row per carved territory: id, name, parent, accounts, total_METRIC and naive_METRIC (the naive split).
Table carveTable(const CarveProposal& proposal);
// CV of the new territories against the naive split, and of the whole model before and after.
std::string carveSummary(const CarveProposal& proposal, bool dryRun);
std::string rebalanceSummary(const RebalanceProposal& proposal, const std::string& into);

}  // namespace salesops::cli
