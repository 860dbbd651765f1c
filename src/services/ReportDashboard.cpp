#include "services/ReportDashboard.h"

#include "common/Currency.h"
#include "common/Error.h"
#include "kpi/PipelineByStage.h"
#include "services/ReportCells.h"
#include "services/ReportDefinitions.h"

namespace salesops {
namespace {

ReportColumn textColumn(std::string id, std::string header) { return {std::move(id), std::move(header)}; }

// Relative change for money and counts, the difference for ratios and numbers (points, days), as the tiles
// show it; undefined when either side is.
ReportCell change(const KpiValue& now, const KpiValue& before, KpiValueKind kind) {
  if (!now || !before) return ReportCell::empty();
  if (kind == KpiValueKind::Money || kind == KpiValueKind::Count) {
    if (before.number == 0) return ReportCell::empty();
    return ReportCell::ofRatio(now.number / before.number - 1.0);
  }
  if (kind == KpiValueKind::Ratio) return ReportCell::ofRatio(now.number - before.number);
  return ReportCell::ofNumber(now.number - before.number);
}

std::size_t groupOf(const KpiReport& report, const std::string& rep) {
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    if (!rep.empty() && report.groups[g].id == rep) return g;
  }
  return 0;
}

}  // namespace

ReportDocument dashboardReport(const KpiService& service, const DashboardReportRequest& request, Date today) {
  KpiRequest kpi;
  kpi.periods = precedingQuarters(service.calendar(), request.period, 2);
  kpi.by = request.by;
  kpi.scope = request.scope;
  kpi.asOf = request.asOf;
  kpi.choices = request.choices;
  const KpiReport report = service.compute(kpi, today);
  if (report.groups.empty()) throw Error(ErrorKind::Usage, "the dashboard's scope has no reps");
  const std::size_t group = groupOf(report, request.rep);
  const KpiGridCell &now = report.grid.cell(group, 1), &before = report.grid.cell(group, 0);
  const FiscalCalendar& calendar = service.calendar();

  ReportDocument doc;
  doc.id = "dashboard";
  doc.title = "Dashboard: " + (request.scopeName.empty() ? report.groups[group].name : request.scopeName);
  doc.currency = report.currency;
  doc.minorDigits = report.minorDigits;
  const std::string nowName = calendar.nameOf(report.periods[1]), beforeName = calendar.nameOf(report.periods[0]);
  doc.subtitle = nowName + " (" + report.periods[1].start.toString() + " to " + report.periods[1].end.toString() +
                 ") against " + beforeName + ", as of " + report.asOf.toString() + ", amounts in " + doc.currency;
  doc.definitions.push_back({"report", doc.id, "the Dashboard's view"});
  doc.definitions.push_back({"scope", report.groups[group].id, report.groups[group].name});
  doc.definitions.push_back({"period", nowName, report.periods[1].toString()});
  doc.definitions.push_back({"previous_period", beforeName, report.periods[0].toString()});
  doc.definitions.push_back({"as_of", report.asOf.toString(), "date the past-due share compares close dates with"});
  doc.definitions.push_back({"currency", doc.currency, "corporate currency; records converted per DOMAIN.md"});
  for (auto& d : describeChoices(request.choices)) doc.definitions.push_back(std::move(d));

  ReportTable kpis{"KPIs",
                   {textColumn("kpi", "KPI id"),
                    textColumn("name", "KPI"),
                    {"value", nowName, ReportCellKind::Number},
                    {"previous", beforeName, ReportCellKind::Number},
                    {"change", "Change", ReportCellKind::Ratio}},
                   {}};
  std::vector<KpiId> ids;
  for (std::size_t k = 0; k < kpiCatalog().size(); ++k) {
    const KpiInfo& info = kpiCatalog()[k];
    const auto id = static_cast<KpiId>(k);
    ids.push_back(id);
    kpis.rows.push_back(
        {{ReportCell::ofText(std::string(info.id)), ReportCell::ofText(std::string(info.name)),
          kpiCell(now[id], info.kind), kpiCell(before[id], info.kind), change(now[id], before[id], info.kind)}});
  }
  doc.tables.push_back(std::move(kpis));

  KpiRequest byRep = kpi;
  byRep.periods = {request.period};
  byRep.by = KpiGrouping::Rep;
  const KpiReport reps = service.compute(byRep, today);
  ReportTable quota{"Bookings vs quota",
                    {textColumn("rep_id", "Rep"), textColumn("rep_name", "Name"), kpiColumn(KpiId::Bookings),
                     kpiColumn(KpiId::Quota), kpiColumn(KpiId::Attainment)},
                    {}};
  for (std::size_t g = 0; g < reps.groups.size(); ++g) {
    if (!request.rep.empty() && reps.groups[g].id != request.rep) continue;
    const KpiGridCell& cell = reps.grid.cell(g, 0);
    quota.rows.push_back(
        {{ReportCell::ofText(reps.groups[g].id), ReportCell::ofText(reps.groups[g].name),
          kpiCell(cell[KpiId::Bookings], KpiValueKind::Money), kpiCell(cell[KpiId::Quota], KpiValueKind::Money),
          kpiCell(cell[KpiId::Attainment], KpiValueKind::Ratio)}});
  }
  doc.tables.push_back(std::move(quota));

  ReportTable stages{"Pipeline by stage",
                     {textColumn("stage", "Stage"),
                      {"amount", "Open amount", ReportCellKind::Money},
                      {"count", "Opportunities", ReportCellKind::Count}},
                     {}};
  for (const auto& stage : pipelineByStage(service.snapshot(), report.groups[group].reps, request.period)) {
    stages.rows.push_back(
        {{ReportCell::ofText(stage.name), ReportCell::ofMoney(stage.amount), ReportCell::ofCount(stage.count)}});
  }
  doc.tables.push_back(std::move(stages));
  for (auto& d : describeKpis(ids)) doc.definitions.push_back(std::move(d));
  return doc;
}

}  // namespace salesops
