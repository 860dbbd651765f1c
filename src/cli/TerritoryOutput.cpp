#include "cli/TerritoryOutput.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "common/Decimal.h"
#include "io/CsvWriter.h"

namespace salesops::cli {
namespace {

std::string ratio(const std::optional<double>& value, const char* format) {
  if (!value) return "undefined";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, *value);
  return buffer;
}

std::string percent(const std::optional<double>& value) {
  return value ? ratio(*value * 100, "%.1f%%") : std::string("undefined");
}

std::string metricValue(const BalanceReport& report, BalanceMetric metric, std::int64_t value) {
  return isMoneyMetric(metric) ? formatMoney(value, report.minorDigits) : std::to_string(value);
}

std::string statsOf(const BalanceReport& report, BalanceMetric metric) {
  const auto& im = report.imbalance[static_cast<std::size_t>(metric)];
  return "CV " + percent(im.cv) + ", Gini " + ratio(im.gini, "%.3f") + ", max/min " + ratio(im.maxMin, "%.2f");
}

}  // namespace

void printTable(std::ostream& out, const Table& rows, bool aligned) {
  if (!aligned) {
    std::string text;
    for (const auto& row : rows) CsvWriter::appendRow(text, row);
    out << text;
    return;
  }
  const auto width = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c] + std::string(widths[c] - width(row[c]), ' ');
      if (c + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

Table modelsTable(const std::vector<TerritoryModelRow>& models) {
  Table rows{{"model_id", "name", "status", "active_from", "territories", "rules", "named_accounts"}};
  for (const auto& m : models) {
    rows.push_back({m.id, m.name, std::string(territory::toString(m.status)),
                    m.activeFrom ? m.activeFrom->toString() : "", std::to_string(m.territories),
                    std::to_string(m.rules), std::to_string(m.namedAccounts)});
  }
  return rows;
}

Table territoriesTable(const territory::Model& model) {
  Table rows{
      {"territory_id", "name", "parent_id", "type", "priority", "owner_rep_id", "overlays", "rules", "named_accounts"}};
  for (const auto& t : model.territories) {
    std::string overlays;
    for (const auto& o : t.overlays) overlays += (overlays.empty() ? "" : "|") + o.repId;
    rows.push_back({t.id, t.name, t.parentId, t.type, std::to_string(t.priority), t.ownerRepId, overlays,
                    std::to_string(t.rules.size()), std::to_string(t.namedAccounts.size())});
  }
  return rows;
}

Table changesTable(const AssignmentPlan& plan) {
  Table rows{{"account_id", "before", "after", "source"}};
  for (const auto& c : plan.changes) {
    rows.push_back({c.accountId, c.before, c.after, c.after.empty() ? "" : std::string(territory::toString(c.source))});
  }
  return rows;
}

std::string assignmentSummary(const AssignmentPlan& plan, bool dryRun) {
  return "model " + plan.modelId + " from " + plan.from.toString() + ": " + std::to_string(plan.accounts) +
         " accounts, " + std::to_string(plan.assigned) + " assigned (" + std::to_string(plan.named) + " named), " +
         std::to_string(plan.unassigned.size()) + " unassigned; " + std::to_string(plan.changes.size()) +
         " change territory" + (dryRun ? " (dry run: nothing written)" : "");
}

std::string explanationText(const std::string& accountId, const territory::Model& model,
                            const territory::Explanation& e) {
  std::string out = "account " + accountId + " under model " + model.id + ": ";
  out += e.placement.territory == territory::kUnassigned ? std::string("unassigned")
                                                         : model.territories[e.placement.territory].id;
  out += "\n  " + e.reason + "\n";
  for (const auto& c : e.matched) {
    const auto& t = model.territories[c.territory];
    std::string rules;
    for (const auto& r : c.matchedRules) rules += (rules.empty() ? "" : ", ") + r;
    out += "  " + std::string(c.territory == e.placement.territory ? "* " : "  ") + t.id + " (priority " +
           std::to_string(t.priority) + "): rules " + rules +
           (c.ancestorsAllow ? std::string(" match") : " match, but ancestor " + c.blockedBy + " does not") + "\n";
  }
  for (const auto& x : e.excluded) {
    out += "    " + model.territories[x.territory].id + ": rule " + x.rule + " matches but is excluded by NOT group " +
           x.negatedGroup + "\n";
  }
  return out;
}

Table balanceTable(const BalanceReport& report) {
  Table rows{
      {"territory_id", "name", "owner_rep_id", "accounts", "potential", "pipeline", "bookings", "quota", "reps"}};
  for (const auto& r : report.rows) {
    std::vector<std::string> row{r.territoryId, r.name, r.ownerRepId};
    for (std::size_t m = 0; m < kBalanceMetrics; ++m)
      row.push_back(metricValue(report, static_cast<BalanceMetric>(m), r.values[m]));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string imbalanceLine(const BalanceReport& report, BalanceMetric metric) {
  return std::string(toString(metric)) + " over " + std::to_string(report.rows.size()) + " territories of model " +
         report.modelId + " (" + report.period.toString() + "): " + statsOf(report, metric) + "; " +
         std::to_string(report.unassignedAccounts) + " accounts unassigned";
}

Table movesTable(const RebalanceProposal& proposal) {
  Table rows{{"account_id", "from", "to", "open_pipeline"}};
  for (const auto& m : proposal.moves) rows.push_back({m.accountId, m.from, m.to, m.openPipeline ? "yes" : "no"});
  return rows;
}

std::string rebalanceSummary(const RebalanceProposal& proposal, const std::string& into) {
  std::string out =
      std::to_string(proposal.moves.size()) + " moves proposed in model " + proposal.modelId +
      (into.empty() ? std::string(" (not written; --into MODEL applies them)") : " (written into " + into + ")") + "\n";
  for (BalanceMetric m : proposal.metrics) {
    out += std::string(toString(m)) + " before: " + statsOf(proposal.before, m) + "\n";
    out += std::string(toString(m)) + " after:  " + statsOf(proposal.after, m) + "\n";
  }
  for (const auto& r : proposal.relief) {
    out += "quota relief for " + r.repId + " (" + r.territoryId +
           "): " + formatMoney(r.relief, proposal.before.minorDigits) + " of quota " +
           formatMoney(r.quota, proposal.before.minorDigits) + ", pipeline " +
           formatMoney(r.pipelineBefore, proposal.before.minorDigits) + " -> " +
           formatMoney(r.pipelineAfter, proposal.before.minorDigits) + "\n";
  }
  return out;
}

Table carveTable(const CarveProposal& proposal) {
  const std::string metric(toString(proposal.metric));
  Table rows{{"territory_id", "name", "parent_id", "accounts", "total_" + metric, "naive_" + metric}};
  for (std::size_t k = 0; k < proposal.territories.size(); ++k) {
    const auto& t = proposal.territories[k];
    rows.push_back({t.id, t.name, t.parentId, std::to_string(t.namedAccounts.size()),
                    metricValue(proposal.before, proposal.metric, proposal.totals[k]),
                    metricValue(proposal.before, proposal.metric, proposal.naiveTotals[k])});
  }
  return rows;
}

std::string carveSummary(const CarveProposal& proposal, bool dryRun) {
  const std::string metric(toString(proposal.metric));
  std::string out = std::to_string(proposal.territories.size()) + " territories carved under " + proposal.parentId +
                    " in model " + proposal.modelId + " from " + std::to_string(proposal.accounts) + " accounts (" +
                    std::to_string(proposal.namedKept) + " named accounts left in place)" +
                    (dryRun ? "; dry run: nothing written" : "") + "\n";
  out += metric + " of the new territories: CV " + percent(proposal.carved.cv) + " (naive equal-count split: CV " +
         percent(proposal.naive.cv) + ")" +
         (proposal.contiguous ? std::string() : "; runs by region and postal code were less even, so not kept") + "\n";
  out += metric + " of model before: " + statsOf(proposal.before, proposal.metric) + "\n";
  out += metric + " of model after:  " + statsOf(proposal.after, proposal.metric) + "\n";
  return out;
}

}  // namespace salesops::cli
