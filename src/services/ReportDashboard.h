#pragma once
// The Dashboard's current view as a report, so "Export" and "Print" on the screen write exactly what the
// manager is looking at: the KPIs of one scope for a quarter beside the previous quarter, bookings against
// quota per rep, and pipeline by stage. The same writers (CSV, XLSX, HTML) and the GUI's PDF take it.
#include <optional>
#include <string>

#include "common/Date.h"
#include "common/Period.h"
#include "io/ReportDocument.h"
#include "kpi/KpiDefinitions.h"
#include "services/KpiService.h"

namespace salesops {

struct DashboardReportRequest {
  Period period;  // the quarter on screen; the previous quarter is found through the fiscal calendar
  KpiGrouping by = KpiGrouping::All;
  std::string scope;      // as KpiRequest::scope
  std::string rep;        // non-empty: the one rep of the scope the dashboard shows
  std::string scopeName;  // for the subtitle ("Everyone", "Team West", "Dana Ito")
  std::optional<Date> asOf;
  KpiDefinitionChoices choices;
};

// Error(Usage) when the scope names nobody.
ReportDocument dashboardReport(const KpiService& service, const DashboardReportRequest& request, Date today);

}  // namespace salesops
