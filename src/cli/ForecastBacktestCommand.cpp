// `salesops-cli forecast WORKBOOK backtest`: the backtesting lab on a past day of a period.
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/ForecastCommands.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "kpi/KpiFormat.h"
#include "services/ForecastBacktest.h"

namespace salesops::cli {
namespace {

struct BacktestOptions {
  std::string period, asOf, scope, output;
  std::int32_t trials = 2000;
  std::uint64_t seed = 1;
  bool summary = false;
};

std::string ratio(const std::optional<double>& v) { return v ? formatRatio(*v) : ""; }

void runBacktest(const BacktestOptions& o, const std::string& path, CliStreams& streams) {
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  BacktestRequest request;
  request.period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  request.asOf = parseDateOption(o.asOf, "--as-of");
  request.scope = o.scope;
  request.simulation.trials = o.trials;
  request.simulation.seed = o.seed;
  const LongTask task = terminalProgress(streams);
  const ForecastData data = loadForecastData(*workbook, true, task);
  const BacktestReport report = backtestForecasts(*workbook, data, request, task);
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  const auto money = [&](double minor) { return formatMoney(std::llround(minor), data.minorDigits); };
  if (o.summary) {
    CsvTable rows{{"method", "level", "nodes", "wape", "bias", "p10_p90_coverage"}};
    for (const auto& s : report.scores) {
      rows.push_back({s.method, s.managers ? "manager" : "rep", std::to_string(s.nodes), ratio(s.wape), ratio(s.bias),
                      ratio(s.coverage)});
    }
    const auto& b = report.adjustmentBias;
    rows.push_back({"manager_adjustment", "manager", std::to_string(b.adjustments),
                    b.adjustments > 0 ? formatRatio(static_cast<double>(b.towardActual) / b.adjustments) : "",
                    b.adjustments > 0 ? money(static_cast<double>(b.adjustedMinusRaw)) : "",
                    b.adjustments > 0 ? money(static_cast<double>(b.actualMinusRaw)) : ""});
    writeTable(rows, o.output, streams);
    return;
  }
  CsvTable rows{{"scope", "scope_name", "level", "period_start", "period_end", "as_of", "currency", "actual",
                 "stage_weighted", "pipeline_history", "monte_carlo_p10", "monte_carlo_p50", "monte_carlo_p90",
                 "statistical", "call", "commit_raw", "commit_adjusted"}};
  for (const auto& r : report.rows) {
    const std::int32_t rep = report.rollup.nodes[r.node].rep;
    rows.push_back({data.snapshot.reps.id[rep], data.snapshot.reps.name[rep], r.manager ? "manager" : "rep",
                    request.period.start.toString(), request.period.end.toString(), request.asOf.toString(),
                    data.snapshot.currency, money(static_cast<double>(r.actual)), money(r.stageWeighted),
                    money(r.pipelineHistory), money(static_cast<double>(r.p10)), money(static_cast<double>(r.p50)),
                    money(static_cast<double>(r.p90)), money(r.statistical),
                    r.call ? money(static_cast<double>(*r.call)) : "", money(static_cast<double>(r.commitRaw)),
                    money(static_cast<double>(r.commitAdjusted))});
  }
  writeTable(rows, o.output, streams);
}

}  // namespace

void addForecastBacktestCommand(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams) {
  auto o = std::make_shared<BacktestOptions>();
  auto* cmd = forecast.add_subcommand(
      "backtest",
      "Rebuild the pipeline of a past day from history and score the stage-weighted, pipeline-history, "
      "Monte Carlo and statistical forecasts and the reps' calls against what closed.");
  cmd->add_option("--period", o->period, "The period forecast, e.g. FY2026-Q2")->required();
  cmd->add_option("--as-of", o->asOf, "The past day the forecasts are made on (YYYY-MM-DD)")->required();
  cmd->add_option("--scope", o->scope, "A rep id: that rep and their team (default: everyone)");
  cmd->add_option("--trials", o->trials, "Monte Carlo trials")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--seed", o->seed, "Random seed")->capture_default_str();
  cmd->add_flag("--summary", o->summary,
                "Print each method's WAPE, bias (and P10–P90 coverage) for reps and managers, and the managers' "
                "adjustment bias, instead of the rows");
  cmd->add_option("--output", o->output, "Write the CSV to this file instead of stdout");
  cmd->callback([workbook, o, &streams] { runBacktest(*o, requireWorkbook(workbook), streams); });
}

}  // namespace salesops::cli
