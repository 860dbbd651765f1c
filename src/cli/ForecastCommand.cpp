// `salesops-cli forecast …`: a verb with sub-verbs. `stat --series FILE.csv` forecasts any series; the
// workbook sub-verbs (`forecast WORKBOOK rollup|adjust|submit|trend|pipeline|backtest`) live in
// ForecastRollupCommand, ForecastPipelineCommand and ForecastBacktestCommand, with the helpers below.
#include <algorithm>
#include <memory>
#include <ostream>
#include <string>

#include "cli/CliCommands.h"
#include "cli/ForecastCommands.h"
#include "common/Error.h"
#include "forecast/AutoForecast.h"
#include "forecast/Methods.h"
#include "io/SeriesCsv.h"

namespace salesops::cli {
namespace {

struct StatOptions {
  std::string series;
  int horizon = 0;
  int season = 12;
  std::string method = "auto";
  std::string output;
  bool backtest = false;
};

forecast::Method parseMethodOption(const std::string& text) {
  const auto method = forecast::parseMethod(text);
  const bool accepted = method && (*method == forecast::Method::Auto ||
                                   std::find(forecast::publicMethods().begin(), forecast::publicMethods().end(),
                                             *method) != forecast::publicMethods().end());
  if (!accepted) {
    std::string names = "auto";
    for (const auto m : forecast::publicMethods()) names += ", " + std::string(forecast::methodName(m));
    throw Error(ErrorKind::Usage, "--method: unknown method \"" + text + "\" (one of " + names + ")");
  }
  return *method;
}

void appendForecastRows(CsvTable& rows, const std::string& id, const forecast::Forecast& f) {
  const std::string method(forecast::methodName(f.method));
  for (std::size_t k = 0; k < f.mean.size(); ++k) {
    rows.push_back({id, std::to_string(k + 1), formatSeriesNumber(f.mean[k]), formatSeriesNumber(f.lo80[k]),
                    formatSeriesNumber(f.hi80[k]), formatSeriesNumber(f.lo95[k]), formatSeriesNumber(f.hi95[k]),
                    method});
  }
}

void appendBacktestRows(CsvTable& rows, const std::string& id, const forecast::Backtest& b) {
  for (const auto& score : b.scores) {
    const auto& a = score.accuracy;
    rows.push_back({id, std::string(forecast::methodName(score.method)), std::to_string(b.horizon),
                    std::to_string(b.origins), formatSeriesNumber(a.mape), formatSeriesNumber(a.smape),
                    formatSeriesNumber(a.wape), formatSeriesNumber(a.mase), formatSeriesNumber(a.bias),
                    score.method == b.chosen && b.origins > 0 ? "1" : "0"});
  }
}

void runStat(const StatOptions& o, CliStreams& streams) {
  const forecast::Method method = parseMethodOption(o.method);
  const std::vector<NamedSeries> all = readSeriesCsv(o.series);
  CsvTable forecasts{{"series_id", "horizon", "forecast", "lo80", "hi80", "lo95", "hi95", "method"}};
  CsvTable scores{{"series_id", "method", "horizon", "origins", "mape", "smape", "wape", "mase", "bias", "selected"}};
  for (const auto& series : all) {
    if (method == forecast::Method::Auto || o.backtest) {
      const auto result = forecast::forecastAuto(
          series.values, o.season, o.horizon, o.backtest ? forecast::publicMethods() : std::vector<forecast::Method>{});
      appendBacktestRows(scores, series.id, result.backtest);
      if (method == forecast::Method::Auto) {
        appendForecastRows(forecasts, series.id, result.forecast);
        continue;
      }
    }
    appendForecastRows(forecasts, series.id, forecast::forecastSeries(method, series.values, o.season, o.horizon));
  }
  // With --backtest stdout carries the scores, so the forecast goes only to --output when one is given.
  if (o.backtest) streams.out << csvText(scores);
  if (!o.output.empty()) {
    writeCsvTable(o.output, forecasts);
  } else if (!o.backtest) {
    streams.out << csvText(forecasts);
  }
}

}  // namespace

const std::string& requireWorkbook(const std::shared_ptr<std::string>& workbook) {
  if (workbook->empty())
    throw Error(ErrorKind::Usage, "forecast: this sub-verb needs a WORKBOOK (forecast WORKBOOK ...)");
  return *workbook;
}

void writeTable(const CsvTable& rows, const std::string& output, CliStreams& streams) {
  if (output.empty()) {
    streams.out << csvText(rows);
  } else {
    writeCsvTable(output, rows);
  }
}

void addForecastCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand(
      "forecast",
      "Forecasts: stat (any series), and per workbook rollup, adjust, submit, trend, pipeline and backtest.");
  cmd->require_subcommand(1, 1);
  auto workbook = std::make_shared<std::string>();
  cmd->add_option("WORKBOOK", *workbook, "The workbook (all sub-verbs but stat)");
  addForecastRollupCommands(*cmd, workbook, streams);
  addForecastPipelineCommand(*cmd, workbook, streams);
  addForecastBacktestCommand(*cmd, workbook, streams);
  auto* stat = cmd->add_subcommand(
      "stat", "Statistical forecast of every series of a CSV (series_id,period,value) with 80% and 95% intervals.");
  auto o = std::make_shared<StatOptions>();
  stat->add_option("--series", o->series, "CSV with columns series_id, period, value")->required();
  stat->add_option("--horizon", o->horizon, "Periods ahead to forecast")->required()->check(CLI::Range(1, 10000));
  stat->add_option("--season", o->season, "Season length: 12 for months, 4 for quarters, 1 for none")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  stat->add_option("--method", o->method,
                   "auto, seasonal_naive, drift, linear_seasonal, hw_additive, hw_multiplicative, "
                   "hw_additive_damped, hw_multiplicative_damped, theta or comb")
      ->capture_default_str();
  stat->add_option("--output", o->output, "Write the forecast CSV to this file instead of stdout");
  stat->add_flag("--backtest", o->backtest,
                 "Print each method's rolling-origin MAPE, sMAPE, WAPE, MASE and bias (CSV on stdout)");
  stat->callback([&streams, o] { runStat(*o, streams); });
}

}  // namespace salesops::cli
