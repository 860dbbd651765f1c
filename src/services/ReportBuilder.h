#pragma once
// The standard reports of issue 3 (part 4), built from the KPI service so every figure equals
// `salesops-cli kpi`'s for the same scope and period: rep-scorecard, team-rollup, pipeline-by-stage, win-loss,
// kpi-trend, forecast-vs-actual. Each report states the definitions and choices its numbers rest on.
// Reads only the service's snapshot (and the attributes given), so build() may run on a worker thread.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Period.h"
#include "io/ReportDocument.h"
#include "services/KpiService.h"
#include "services/ReportDefinitions.h"
#include "storage/OpportunityAttributesLoader.h"

namespace salesops {

struct ReportRequest {
  std::string name;  // one of ReportBuilder::names()
  Period period;
  std::optional<Date> asOf;  // empty: the workbook's as-of setting, else `today`
  KpiDefinitionChoices choices;
};

class ReportBuilder {
 public:
  // `attributes` (lead_source, type) is needed by win-loss only; it must come from the same workbook state.
  explicit ReportBuilder(const KpiService& kpis, const OpportunityAttributes* attributes = nullptr)
      : kpis_(kpis), attributes_(attributes) {}

  static const std::vector<std::string>& names();
  static bool needsAttributes(std::string_view name) noexcept { return name == "win-loss"; }

  // Error(Usage) for an unknown name; Error(Internal) for win-loss without attributes.
  ReportDocument build(const ReportRequest& request, Date today) const;

 private:
  ReportDocument start(const ReportRequest& request, std::string id, std::string title, Date asOf) const;
  ReportDocument repScorecard(const ReportRequest& request, Date today) const;
  ReportDocument teamRollup(const ReportRequest& request, Date today) const;
  ReportDocument pipeline(const ReportRequest& request, Date today) const;
  ReportDocument winLoss(const ReportRequest& request, Date today) const;
  ReportDocument kpiTrend(const ReportRequest& request, Date today) const;
  ReportDocument forecastVsActual(const ReportRequest& request, Date today) const;

  const KpiService& kpis_;
  const OpportunityAttributes* attributes_;
};

}  // namespace salesops
