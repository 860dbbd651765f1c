// `salesops-cli forecast WORKBOOK rollup|adjust|submit|trend`: the call roll-up with its adjustments, the
// append-only submissions and their weekly trend.
#include <chrono>
#include <cstdlib>
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/ForecastCommands.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "services/ForecastService.h"

namespace salesops::cli {
namespace {

struct RollupOptions {
  std::string period, rep, output;
  // adjust
  std::string category = "commit", layer = "manager", amount, note, author;
  bool clear = false;
  // submit
  std::string at;
  // trend
  std::string asOf;
};

// --at, else now.
std::int64_t atOption(const std::string& text) {
  if (text.empty()) return nowUtcSeconds();
  std::string why;
  const auto parsed = parseTimestamp(text, &why);
  if (!parsed) throw Error(ErrorKind::Usage, "--at: " + why);
  return parsed->value.seconds;
}

std::string money(std::int64_t minor, const ForecastData& data) { return formatMoney(minor, data.minorDigits); }

std::string adjustmentText(const forecast::Adjustment& a, const ForecastData& data) {
  return std::string(forecast::viewName(a.view)) + " " + money(*a.amount, data) + " by " + a.author + " (" +
         (a.layer == forecast::Layer::Manager ? "manager" : "owner") + ", " + Timestamp{a.createdAt}.toString() +
         "): " + a.note;
}

void runRollup(const RollupOptions& o, const std::string& path, CliStreams& streams) {
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const ForecastData data = loadForecastData(*workbook, false, terminalProgress(streams));
  const forecast::Rollup rollup = forecastRollup(*workbook, data, period);
  const std::int32_t only = o.rep.empty() ? kNoIndex : rollup.nodeOfRep[data.repIndex(o.rep)];
  CsvTable rows{{"rep_id",
                 "rep_name",
                 "manager_id",
                 "depth",
                 "period_start",
                 "period_end",
                 "currency",
                 "quota",
                 "closed",
                 "commit",
                 "best_case",
                 "pipeline",
                 "commit_adjusted",
                 "best_case_adjusted",
                 "pipeline_adjusted",
                 "own_closed",
                 "own_commit",
                 "own_best_case",
                 "own_pipeline",
                 "adjustments"}};
  const auto& reps = data.snapshot.reps;
  for (std::size_t n = 0; n < rollup.nodes.size(); ++n) {
    const auto& node = rollup.nodes[n];
    if (only != kNoIndex) {  // the node and its team only
      if (static_cast<std::int32_t>(n) < only) continue;
      if (static_cast<std::int32_t>(n) > only && node.depth <= rollup.nodes[only].depth) break;
    }
    std::vector<std::string> row{reps.id[node.rep],
                                 reps.name[node.rep],
                                 node.parent == kNoIndex ? "" : reps.id[rollup.nodes[node.parent].rep],
                                 std::to_string(node.depth),
                                 period.start.toString(),
                                 period.end.toString(),
                                 data.snapshot.currency,
                                 money(node.quota, data)};
    for (const auto v : node.raw) row.push_back(money(v, data));
    for (std::size_t v = 1; v < forecast::kViewCount; ++v) row.push_back(money(node.adjusted[v], data));
    for (const auto v : node.own) row.push_back(money(v, data));
    std::string notes;
    for (const auto& a : node.adjustment) {
      if (!a) continue;
      if (!notes.empty()) notes += "; ";
      notes += adjustmentText(*a, data);
    }
    row.push_back(notes);
    rows.push_back(std::move(row));
  }
  writeTable(rows, o.output, streams);
}

void runAdjust(const RollupOptions& o, const std::string& path, CliStreams&) {
  if (o.clear == !o.amount.empty()) throw Error(ErrorKind::Usage, "forecast adjust: give either --amount or --clear");
  const auto view = forecast::parseView(o.category);
  if (!view || *view == forecast::View::Closed) {
    throw Error(ErrorKind::Usage, "--category must be commit, best_case or pipeline, not \"" + o.category + "\"");
  }
  auto workbook = Workbook::open(path);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const ForecastData data = loadForecastData(*workbook, false);
  AdjustRequest request;
  request.rep = o.rep;
  request.view = *view;
  request.layer = o.layer == "owner" ? forecast::Layer::Owner : forecast::Layer::Manager;
  if (!o.clear) {
    std::string why;
    request.amount = parseMoney(o.amount, data.minorDigits, &why);
    if (!request.amount) throw Error(ErrorKind::Usage, "--amount \"" + o.amount + "\": " + why);
  }
  request.author = o.author;
  if (request.author.empty()) {
    const char* user = std::getenv("USER");
    request.author = user && *user ? user : "unknown";
  }
  request.note = o.note;
  request.at = atOption(o.at);
  adjustForecast(*workbook, data, period, request);
}

void runSubmit(const RollupOptions& o, const std::string& path, CliStreams& streams) {
  const std::int64_t at = atOption(o.at);
  auto workbook = Workbook::open(path);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const ForecastData data = loadForecastData(*workbook, false);
  const auto written = submitForecast(*workbook, data, period, o.rep, at);
  CsvTable rows{{"rep_id", "period_start", "period_end", "submitted_at", "category", "amount", "currency"}};
  for (const auto& r : written) {
    rows.push_back({data.snapshot.reps.id[r.rep], r.period.start.toString(), r.period.end.toString(),
                    Timestamp{r.submittedAt}.toString(), std::string(forecast::viewName(r.view)), money(r.amount, data),
                    data.snapshot.currency});
  }
  writeTable(rows, o.output, streams);
}

void runTrend(const RollupOptions& o, const std::string& path, CliStreams& streams) {
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const Date asOf =
      o.asOf.empty() ? workbook->settings().asOf.value_or(todayUtc()) : parseDateOption(o.asOf, "--as-of");
  const ForecastData data = loadForecastData(*workbook, false, terminalProgress(streams));
  const forecast::Rollup rollup = forecastRollup(*workbook, data, period);
  CsvTable rows{{"rep_id", "week_end", "commit", "best_case", "pipeline", "callers", "result", "currency"}};
  std::vector<std::int32_t> nodes;
  if (o.rep.empty()) {
    for (std::size_t n = 0; n < rollup.nodes.size(); ++n) {
      if (rollup.nodes[n].parent == kNoIndex) nodes.push_back(static_cast<std::int32_t>(n));
    }
  } else {
    nodes.push_back(rollup.nodeOfRep[data.repIndex(o.rep)]);
  }
  for (const auto node : nodes) {
    const ForecastTrend trend = forecastTrend(*workbook, data, rollup, node, asOf);
    for (const auto& p : trend.points) {
      rows.push_back({data.snapshot.reps.id[rollup.nodes[node].rep], p.weekEnd.toString(), money(p.commit, data),
                      money(p.bestCase, data), money(p.pipeline, data), std::to_string(p.callers),
                      money(trend.result, data), data.snapshot.currency});
    }
  }
  writeTable(rows, o.output, streams);
}

}  // namespace

void addForecastRollupCommands(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams) {
  const auto periodOption = [](CLI::App* cmd, RollupOptions& o) {
    cmd->add_option("--period", o.period, "FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30")->required();
  };
  auto o = std::make_shared<RollupOptions>();

  auto* rollup = forecast.add_subcommand(
      "rollup", "Closed, commit, best case and pipeline per rep rolled up the manager hierarchy, with adjustments.");
  periodOption(rollup, *o);
  rollup->add_option("--rep", o->rep, "Only this rep and their team");
  rollup->add_option("--output", o->output, "Write the CSV to this file instead of stdout");
  rollup->callback([workbook, o, &streams] { runRollup(*o, requireWorkbook(workbook), streams); });

  auto* adjust = forecast.add_subcommand(
      "adjust", "Override a node's commit, best case or pipeline for the period (the raw roll-up is kept).");
  periodOption(adjust, *o);
  adjust->add_option("--rep", o->rep, "The node: a rep id (a manager's adjusts their whole team)")->required();
  adjust->add_option("--category", o->category, "commit, best_case or pipeline")->capture_default_str();
  adjust->add_option("--amount", o->amount, "The adjusted amount in the corporate currency (1234.56)");
  adjust->add_flag("--clear", o->clear, "Withdraw the layer's adjustment");
  adjust->add_option("--note", o->note, "Why (required)")->required();
  adjust->add_option("--layer", o->layer, "owner (the rep themself) or manager; a manager's wins")
      ->check(CLI::IsMember({"owner", "manager"}))
      ->capture_default_str();
  adjust->add_option("--author", o->author, "Who adjusts (default: $USER)");
  adjust->add_option("--at", o->at, "When, ISO 8601 (default: now; for entering earlier adjustments)");
  adjust->callback([workbook, o, &streams] { runAdjust(*o, requireWorkbook(workbook), streams); });

  auto* submit = forecast.add_subcommand(
      "submit", "Append the current (adjusted) call of a node and its team to forecast_submission.");
  periodOption(submit, *o);
  submit->add_option("--rep", o->rep, "The submitting node (default: everyone)");
  submit->add_option("--at", o->at, "Submission time, ISO 8601 (default: now)");
  submit->add_option("--output", o->output, "Write the CSV of the rows written to this file");
  submit->callback([workbook, o, &streams] { runSubmit(*o, requireWorkbook(workbook), streams); });

  auto* trend = forecast.add_subcommand("trend", "Weekly trend of a team's calls against the result so far.");
  periodOption(trend, *o);
  trend->add_option("--rep", o->rep, "The node (default: every root of the hierarchy)");
  trend->add_option("--as-of", o->asOf, "Last day of the trend (default: the workbook's as-of, else today)");
  trend->add_option("--output", o->output, "Write the CSV to this file instead of stdout");
  trend->callback([workbook, o, &streams] { runTrend(*o, requireWorkbook(workbook), streams); });
}

}  // namespace salesops::cli
