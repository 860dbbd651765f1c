#include "services/ReportBuilder.h"

#include "common/Currency.h"
#include "common/Error.h"
#include "kpi/KpiEngine.h"
#include "services/ReportCells.h"
#include "services/ReportPipelineStage.h"
#include "services/ReportTeamRollup.h"
#include "services/ReportWinLoss.h"

namespace salesops {
namespace {

using K = KpiId;

// The "main KPIs" of kpi-trend and the money-and-rates summary of team-rollup.
const std::vector<KpiId> kTrendKpis{K::Bookings,  K::Quota,    K::Attainment,      K::WinRate,
                                    K::CycleDays, K::DealSize, K::Pipeline,        K::WeightedPipeline,
                                    K::Coverage,  K::Forecast, K::ForecastAccuracy};
const std::vector<KpiId> kRollupKpis{K::Bookings,         K::Quota,    K::Attainment,
                                     K::AttainmentRate,   K::WinRate,  K::Pipeline,
                                     K::WeightedPipeline, K::Coverage, K::Forecast};
const std::vector<KpiId> kForecastKpis{K::Forecast, K::Bookings, K::ForecastError, K::ForecastAccuracy,
                                       K::ForecastWape};

std::vector<KpiId> allKpis() {
  std::vector<KpiId> out;
  for (int i = 0; i < kKpiCount; ++i) out.push_back(static_cast<KpiId>(i));
  return out;
}

void addKpiColumns(ReportTable& table, const std::vector<KpiId>& kpis) {
  for (const KpiId id : kpis) table.columns.push_back(kpiColumn(id));
}

void addKpiCells(ReportRow& row, const KpiGridCell& cell, const std::vector<KpiId>& kpis) {
  for (const KpiId id : kpis) row.cells.push_back(kpiCell(cell[id], kpiCatalog()[static_cast<std::size_t>(id)].kind));
}

ReportColumn text(std::string id, std::string header) {
  return {std::move(id), std::move(header), ReportCellKind::Text};
}
ReportColumn money(std::string id, std::string header) {
  return {std::move(id), std::move(header), ReportCellKind::Money};
}
ReportColumn count(std::string id, std::string header) {
  return {std::move(id), std::move(header), ReportCellKind::Count};
}

ReportCell ratioOrEmpty(double numerator, double denominator) {
  return denominator == 0 ? ReportCell::empty() : ReportCell::ofRatio(numerator / denominator);
}

}  // namespace

const std::vector<std::string>& ReportBuilder::names() {
  static const std::vector<std::string> all{"rep-scorecard", "team-rollup", "pipeline-by-stage",
                                            "win-loss",      "kpi-trend",   "forecast-vs-actual"};
  return all;
}

ReportDocument ReportBuilder::build(const ReportRequest& request, Date today) const {
  const std::string& n = request.name;
  if (n == "rep-scorecard") return repScorecard(request, today);
  if (n == "team-rollup") return teamRollup(request, today);
  if (n == "pipeline-by-stage") return pipeline(request, today);
  if (n == "win-loss") return winLoss(request, today);
  if (n == "kpi-trend") return kpiTrend(request, today);
  if (n == "forecast-vs-actual") return forecastVsActual(request, today);
  std::string list;
  for (const auto& name : names()) list += (list.empty() ? "" : ", ") + name;
  throw Error(ErrorKind::Usage, "unknown report \"" + n + "\"; the reports are: " + list);
}

ReportDocument ReportBuilder::start(const ReportRequest& request, std::string id, std::string title, Date asOf) const {
  ReportDocument doc;
  doc.id = std::move(id);
  doc.title = std::move(title);
  doc.currency = kpis_.snapshot().currency;
  doc.minorDigits = isCurrencyCode(doc.currency) ? minorDigits(doc.currency) : 2;
  const std::string periodName = kpis_.calendar().nameOf(request.period);
  doc.subtitle = periodName + " (" + request.period.start.toString() + " to " + request.period.end.toString() +
                 "), as of " + asOf.toString() + ", amounts in " + doc.currency;
  doc.definitions.push_back({"report", doc.id, doc.title});
  doc.definitions.push_back({"period", periodName, request.period.toString()});
  doc.definitions.push_back({"as_of", asOf.toString(), "date the past-due share compares close dates with"});
  doc.definitions.push_back({"currency", doc.currency, "corporate currency; records converted per DOMAIN.md"});
  for (auto& d : describeChoices(request.choices)) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::repScorecard(const ReportRequest& request, Date today) const {
  KpiRequest kpi{{request.period}, KpiGrouping::Rep, "", request.asOf, std::nullopt, request.choices};
  const KpiReport byRep = kpis_.compute(kpi, today);
  kpi.by = KpiGrouping::All;
  const KpiReport all = kpis_.compute(kpi, today);
  ReportDocument doc = start(request, "rep-scorecard", "Rep scorecard", byRep.asOf);
  const auto kpis = allKpis();
  ReportTable table{"Scorecard", {text("rep_id", "Rep"), text("rep_name", "Name")}, {}};
  addKpiColumns(table, kpis);
  for (std::size_t g = 0; g < byRep.groups.size(); ++g) {
    ReportRow row{{ReportCell::ofText(byRep.groups[g].id), ReportCell::ofText(byRep.groups[g].name)}};
    addKpiCells(row, byRep.grid.cell(g, 0), kpis);
    table.rows.push_back(std::move(row));
  }
  ReportRow total{{ReportCell::ofText("all"), ReportCell::ofText("Everyone")}, 0, true};
  addKpiCells(total, all.grid.cell(0, 0), kpis);
  table.rows.push_back(std::move(total));
  doc.tables.push_back(std::move(table));
  for (auto& d : describeKpis(kpis)) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::teamRollup(const ReportRequest& request, Date today) const {
  const KpiSnapshot& snapshot = kpis_.snapshot();
  const std::vector<RollupNode> nodes = rollupHierarchy(snapshot);
  std::vector<KpiGroup> groups;
  for (const auto& node : nodes) groups.push_back(node.group);
  groups.push_back(kpis_.groups(KpiGrouping::All, "").front());
  const Date asOf = request.asOf.value_or(kpis_.asOfSetting().value_or(today));
  const KpiGrid grid = computeKpis(snapshot, groups, {request.period}, KpiParams{asOf, std::nullopt, request.choices});

  ReportDocument doc = start(request, "team-rollup", "Team roll-up", asOf);
  ReportTable table{
      "Team roll-up",
      {text("scope_name", "Name"), text("scope", "Rep"), count("depth", "Level"), count("team_size", "Reps")},
      {}};
  addKpiColumns(table, kRollupKpis);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const bool org = g == nodes.size();
    const int depth = org ? 0 : nodes[g].depth;
    ReportRow row{{ReportCell::ofText(groups[g].name), ReportCell::ofText(groups[g].id), ReportCell::ofCount(depth),
                   ReportCell::ofCount(static_cast<std::int64_t>(groups[g].reps.size()))},
                  depth,
                  org || nodes[g].manager};
    addKpiCells(row, grid.cell(g, 0), kRollupKpis);
    table.rows.push_back(std::move(row));
  }
  doc.tables.push_back(std::move(table));
  doc.definitions.push_back(
      {"rollup", "whole team", "a manager's row covers the manager and everyone below them; the last row is the org"});
  for (auto& d : describeKpis(kRollupKpis)) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::pipeline(const ReportRequest& request, Date today) const {
  const KpiSnapshot& snapshot = kpis_.snapshot();
  const Date asOf = request.asOf.value_or(kpis_.asOfSetting().value_or(today));
  ReportDocument doc = start(request, "pipeline-by-stage", "Pipeline by stage", asOf);
  const ReportStagePipeline result = weightedPipelineByStage(snapshot, request.period);
  ReportTable table{"Pipeline by stage",
                    {text("stage", "Stage"),
                     count("open_count", "Open opportunities"),
                     money("pipeline", "Pipeline"),
                     money("weighted_pipeline", "Weighted pipeline"),
                     {"share_of_pipeline", "Share of pipeline", ReportCellKind::Ratio}},
                    {}};
  const auto line = [&](const ReportStageLine& s, std::string name, bool total) {
    return ReportRow{{ReportCell::ofText(std::move(name)), ReportCell::ofCount(s.count), ReportCell::ofMoney(s.amount),
                      ReportCell::ofMoney(s.weighted),
                      ratioOrEmpty(static_cast<double>(s.amount), static_cast<double>(result.total.amount))},
                     0,
                     total};
  };
  for (const auto& s : result.stages)
    table.rows.push_back(line(s, snapshot.stages.name[static_cast<std::size_t>(s.stage)], false));
  table.rows.push_back(line(result.total, "Total", true));
  doc.tables.push_back(std::move(table));
  doc.definitions.push_back({"scope", "everyone", "open opportunities of every rep with close_date in the period"});
  for (auto& d : describeKpis({K::Pipeline, K::WeightedPipeline})) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::winLoss(const ReportRequest& request, Date today) const {
  if (!attributes_) throw Error(ErrorKind::Internal, "win-loss needs the opportunities' lead_source and type");
  const KpiSnapshot& snapshot = kpis_.snapshot();
  const Date asOf = request.asOf.value_or(kpis_.asOfSetting().value_or(today));
  ReportDocument doc = start(request, "win-loss", "Win / loss", asOf);
  ReportTable table{"Win-loss",
                    {text("dimension", "Breakdown"),
                     text("value", "Value"),
                     count("won", "Won"),
                     count("lost", "Lost"),
                     money("won_amount", "Won amount"),
                     money("lost_amount", "Lost amount"),
                     {"win_rate", "Win rate (count)", ReportCellKind::Ratio},
                     {"win_rate_value", "Win rate (value)", ReportCellKind::Ratio}},
                    {}};
  const auto add = [&](const std::string& dimension, const std::vector<std::int32_t>& per) {
    for (const auto& l : winLossBy(snapshot, *attributes_, per, request.period)) {
      table.rows.push_back(
          {{ReportCell::ofText(dimension), ReportCell::ofText(l.value.empty() ? "(none)" : l.value),
            ReportCell::ofCount(l.won), ReportCell::ofCount(l.lost), ReportCell::ofMoney(l.wonAmount),
            ReportCell::ofMoney(l.lostAmount),
            ratioOrEmpty(static_cast<double>(l.won), static_cast<double>(l.won + l.lost)),
            ratioOrEmpty(static_cast<double>(l.wonAmount), static_cast<double>(l.wonAmount + l.lostAmount))}});
    }
  };
  add("lead_source", attributes_->leadSource);
  add("type", attributes_->type);
  doc.tables.push_back(std::move(table));
  doc.definitions.push_back({"scope", "everyone",
                             "won and lost opportunities of every rep closed in the period, "
                             "by lead_source and by type; (none) = not set"});
  for (auto& d : describeKpis({K::WinRate, K::WinRateValue})) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::kpiTrend(const ReportRequest& request, Date today) const {
  KpiRequest kpi{precedingQuarters(kpis_.calendar(), request.period, 8),
                 KpiGrouping::All,
                 "",
                 request.asOf,
                 std::nullopt,
                 request.choices};
  const KpiReport report = kpis_.compute(kpi, today);
  ReportDocument doc = start(request, "kpi-trend", "KPI trend", report.asOf);
  ReportTable table{"KPI trend",
                    {text("period", "Period"),
                     {"period_start", "Start", ReportCellKind::Date},
                     {"period_end", "End", ReportCellKind::Date}},
                    {}};
  addKpiColumns(table, kTrendKpis);
  for (std::size_t p = 0; p < report.periods.size(); ++p) {
    ReportRow row{{ReportCell::ofText(kpis_.calendar().nameOf(report.periods[p])),
                   ReportCell::ofDate(report.periods[p].start), ReportCell::ofDate(report.periods[p].end)}};
    addKpiCells(row, report.grid.cell(0, p), kTrendKpis);
    table.rows.push_back(std::move(row));
  }
  doc.tables.push_back(std::move(table));
  doc.definitions.push_back({"periods", "8", "the eight periods of the same form ending with the period, everyone"});
  for (auto& d : describeKpis(kTrendKpis)) doc.definitions.push_back(std::move(d));
  return doc;
}

ReportDocument ReportBuilder::forecastVsActual(const ReportRequest& request, Date today) const {
  KpiRequest kpi{{request.period}, KpiGrouping::Rep, "", request.asOf, std::nullopt, request.choices};
  const KpiReport byRep = kpis_.compute(kpi, today);
  kpi.by = KpiGrouping::All;
  const KpiReport all = kpis_.compute(kpi, today);
  ReportDocument doc = start(request, "forecast-vs-actual", "Forecast vs actual", byRep.asOf);
  ReportTable table{"Forecast vs actual", {text("rep_id", "Rep"), text("rep_name", "Name")}, {}};
  addKpiColumns(table, kForecastKpis);
  table.columns.push_back(money("absolute_error", "Absolute error"));
  const auto absoluteError = [](const KpiGridCell& cell) {
    if (!cell[K::Forecast]) return ReportCell::empty();
    const std::int64_t diff = cell[K::Forecast].minor - cell[K::Bookings].minor;
    return ReportCell::ofMoney(diff < 0 ? -diff : diff);
  };
  // The total's absolute error is WAPE's numerator: the reps' errors summed, not the error of the sums.
  std::int64_t errorSum = 0;
  bool anyForecast = false;
  for (std::size_t g = 0; g < byRep.groups.size(); ++g) {
    ReportRow row{{ReportCell::ofText(byRep.groups[g].id), ReportCell::ofText(byRep.groups[g].name)}};
    addKpiCells(row, byRep.grid.cell(g, 0), kForecastKpis);
    row.cells.push_back(absoluteError(byRep.grid.cell(g, 0)));
    if (row.cells.back().kind == ReportCellKind::Money) {
      errorSum += row.cells.back().minor;
      anyForecast = true;
    }
    table.rows.push_back(std::move(row));
  }
  ReportRow total{{ReportCell::ofText("all"), ReportCell::ofText("Everyone")}, 0, true};
  addKpiCells(total, all.grid.cell(0, 0), kForecastKpis);
  total.cells.push_back(anyForecast ? ReportCell::ofMoney(errorSum) : ReportCell::empty());
  table.rows.push_back(std::move(total));
  doc.tables.push_back(std::move(table));
  doc.definitions.push_back({"forecast_cutoff", "period start", "latest commit call submitted on or before it"});
  for (auto& d : describeKpis(kForecastKpis)) doc.definitions.push_back(std::move(d));
  return doc;
}

}  // namespace salesops
