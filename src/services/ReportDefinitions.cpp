#include "services/ReportDefinitions.h"

namespace salesops {

std::vector<ReportDefinition> describeChoices(const KpiDefinitionChoices& c) {
  using C = KpiDefinitionChoices;
  std::vector<ReportDefinition> out;
  out.push_back(c.winRateBasis == C::WinRateBasis::Count
                    ? ReportDefinition{"win_rate_basis", "count",
                                       "velocity uses the win rate by count, won / (won + lost); both win "
                                       "rates are reported"}
                    : ReportDefinition{"win_rate_basis", "value",
                                       "velocity uses the win rate by value, amount won / amount won and "
                                       "lost; both win rates are reported"});
  out.push_back(c.closedSet == C::ClosedSet::Snapshot
                    ? ReportDefinition{"closed_set", "snapshot",
                                       "win rate, cycle and deal size over opportunities "
                                       "closed in the period"}
                    : ReportDefinition{"closed_set", "cohort",
                                       "win rate, cycle and deal size over opportunities "
                                       "created in the period"});
  out.push_back(c.cycleSet == C::CycleSet::WonOnly
                    ? ReportDefinition{"cycle_set", "won_only", "sales cycle over won opportunities only"}
                    : ReportDefinition{"cycle_set", "all_closed", "sales cycle over won and lost opportunities"});
  out.push_back(
      c.cycleStatistic == C::CycleStatistic::Mean
          ? ReportDefinition{"cycle_statistic", "mean",
                             "sales cycle and deal size as means (medians "
                             "reported beside them)"}
          : ReportDefinition{"cycle_statistic", "median", "sales cycle and deal size as medians, also in velocity"});
  out.push_back(c.coverageBase == C::CoverageBase::RemainingQuota
                    ? ReportDefinition{"coverage_base", "remaining_quota", "coverage = pipeline / (quota − bookings)"}
                    : ReportDefinition{"coverage_base", "full_quota", "coverage = pipeline / quota"});
  out.push_back(c.accuracyBase == C::AccuracyBase::Actual
                    ? ReportDefinition{"accuracy_base", "actual",
                                       "forecast error, accuracy and WAPE divided by the actual bookings"}
                    : ReportDefinition{"accuracy_base", "forecast",
                                       "forecast error, accuracy and WAPE divided by "
                                       "the forecast call"});
  return out;
}

std::vector<ReportDefinition> describeKpis(const std::vector<KpiId>& kpis) {
  std::vector<ReportDefinition> out;
  for (const KpiId id : kpis) {
    const KpiInfo& info = kpiCatalog()[static_cast<std::size_t>(id)];
    out.push_back({std::string(info.id), std::string(info.name), std::string(info.definition)});
  }
  return out;
}

}  // namespace salesops
