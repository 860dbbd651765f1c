// `salesops-cli forecast WORKBOOK pipeline`: learned probabilities and the Monte Carlo forecast of the open
// deals, with the what-ifs.
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/ForecastCommands.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "kpi/KpiFormat.h"
#include "services/ForecastService.h"

namespace salesops::cli {
namespace {

struct PipelineOptions {
  std::string period, scope, asOf, slipBefore, output;
  std::int32_t trials = 10000, dropLargest = 0, threads = 2;
  std::uint64_t seed = 1;
  bool probabilities = false;
};

std::string rateText(const forecast::LearnedRate& r) { return r.rate ? formatRatio(*r.rate) : ""; }

CsvTable probabilityTable(const ForecastData& data, const forecast::LearnedProbabilities& learned) {
  CsvTable rows{{"stage", "configured", "learned", "samples", "insufficient"}};
  for (std::size_t b = 0; b < forecast::kAgeBucketFrom.size(); ++b) {
    const std::string from = "age" + std::to_string(forecast::kAgeBucketFrom[b]);
    rows.front().push_back(from + "_learned");
    rows.front().push_back(from + "_samples");
  }
  for (const char* c : {"slip", "slip_samples"}) rows.front().emplace_back(c);
  for (const auto& s : learned.stages) {
    std::vector<std::string> row{data.snapshot.stages.name[s.stage], formatRatio(s.configured), rateText(s.win),
                                 std::to_string(s.win.samples), s.win.insufficient ? "1" : "0"};
    for (const auto& b : s.winByAge) {
      row.push_back(rateText(b));
      row.push_back(std::to_string(b.samples));
    }
    row.push_back(rateText(s.slip));
    row.push_back(std::to_string(s.slip.samples));
    rows.push_back(std::move(row));
  }
  return rows;
}

void runPipeline(const PipelineOptions& o, const std::string& path, CliStreams& streams) {
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  PipelineRequest request;
  request.period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  request.asOf = o.asOf.empty() ? workbook->settings().asOf.value_or(todayUtc()) : parseDateOption(o.asOf, "--as-of");
  request.scope = o.scope;
  request.simulation.trials = o.trials;
  request.simulation.seed = o.seed;
  request.simulation.threads = o.threads;
  request.dropLargest = o.dropLargest;
  request.slipBeforeStage = o.slipBefore;
  const LongTask task = terminalProgress(streams);
  const ForecastData data = loadForecastData(*workbook, true, task);
  const PipelineReport report = pipelineForecast(*workbook, data, request, task);
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  if (o.probabilities) {
    writeTable(probabilityTable(data, report.probabilities), o.output, streams);
    return;
  }
  const auto money = [&](std::int64_t v) { return formatMoney(v, data.minorDigits); };
  CsvTable rows{{"scope", "scope_name", "period_start", "period_end", "currency", "booked", "open_deals", "expected",
                 "mean", "p10", "p50", "p90", "quota", "chance_of_quota", "commit_call", "chance_of_commit"}};
  for (const auto& r : report.nodes) {
    const bool all = r.node == kNoIndex;
    const std::int32_t rep = all ? kNoIndex : report.rollup.nodes[r.node].rep;
    rows.push_back({all ? "all" : data.snapshot.reps.id[rep], all ? "Everyone" : data.snapshot.reps.name[rep],
                    request.period.start.toString(), request.period.end.toString(), data.snapshot.currency,
                    money(r.booked), std::to_string(r.openDeals), money(std::llround(r.expected)),
                    money(std::llround(r.simulatedMean)), money(r.p10), money(r.p50), money(r.p90), money(r.quota),
                    r.quota > 0 ? formatRatio(r.chanceOfQuota) : "", money(r.commitCall),
                    r.commitCall > 0 ? formatRatio(r.chanceOfCommit) : ""});
  }
  writeTable(rows, o.output, streams);
}

}  // namespace

void addForecastPipelineCommand(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams) {
  auto o = std::make_shared<PipelineOptions>();
  auto* cmd = forecast.add_subcommand(
      "pipeline",
      "Monte Carlo forecast of the open deals with probabilities learned from history: P10/P50/P90 and "
      "the chance of reaching quota and the commit call, per node of the scope's team.");
  cmd->add_option("--period", o->period, "FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30")->required();
  cmd->add_option("--scope", o->scope, "A rep id: that rep and their team (default: everyone)");
  cmd->add_option("--as-of", o->asOf, "What is known: history up to this day (default: workbook's as-of, else today)");
  cmd->add_option("--trials", o->trials, "Simulated trials")->check(CLI::Range(1, 1000000))->capture_default_str();
  cmd->add_option("--seed", o->seed, "Random seed: the same seed gives the same figures")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (the figures do not depend on it)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  cmd->add_option("--drop-largest", o->dropLargest, "What-if: leave out the N largest open deals")
      ->check(CLI::Range(0, 1000000000));
  cmd->add_option("--slip-before", o->slipBefore, "What-if: every deal in an open stage before this one slips out");
  cmd->add_flag("--probabilities", o->probabilities,
                "Print the learned win and slip probabilities per stage and age instead");
  cmd->add_option("--output", o->output, "Write the CSV to this file instead of stdout");
  cmd->callback([workbook, o, &streams] { runPipeline(*o, requireWorkbook(workbook), streams); });
}

}  // namespace salesops::cli
