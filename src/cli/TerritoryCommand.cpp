// `salesops-cli territory WORKBOOK models|list|unassigned|assign|explain|balance|rebalance|carve|activate`
// (TERRITORY.md). Tables go to stdout as CSV (or aligned text with --format table); summaries of a CSV run
// go to stderr so the CSV stays one table.
#include <memory>
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/TerritoryOutput.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "services/TerritoryService.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct TerritoryOptions {
  std::string workbook;
  std::string model;
  std::string from;
  std::string account;
  std::vector<std::string> metrics;
  std::string weights;
  std::string period;
  std::string into;
  std::string format = "csv";
  std::int64_t maxMoves = -1;
  std::string targetCv;
  std::string parent;
  std::string fromTerritory;
  std::int32_t count = 0;
  bool dryRun = false;
};

Date dateOption(const std::string& text, const char* option, Date fallback) {
  return text.empty() ? fallback : parseDateOption(text, option);
}

Period periodOption(const TerritoryOptions& o, Workbook& workbook, Date on) {
  const FiscalCalendar calendar = workbook.fiscalCalendar();
  if (o.period.empty()) {
    const int year = calendar.fiscalYearOf(on);
    return calendar.year(year);
  }
  return parsePeriodOption(o.period, calendar);
}

std::vector<BalanceMetric> metricsOption(const TerritoryOptions& o) {
  std::vector<BalanceMetric> out;
  for (const auto& text : o.metrics) {
    const auto m = parseBalanceMetric(text);
    if (!m)
      throw Error(ErrorKind::Usage,
                  "--metric must be accounts, potential, pipeline, bookings, quota or reps, not \"" + text + "\"");
    out.push_back(*m);
  }
  return out;
}

std::array<double, 2> weightsOption(const std::string& text) {
  std::array<double, 2> weights{1.0, 1.0};
  if (text.empty()) return weights;
  const auto comma = text.find(',');
  const auto parse = [&](std::string_view part) {
    const auto d = parseDecimal(part);
    if (!d || d->mantissa < 0)
      throw Error(ErrorKind::Usage, "--weights takes W1,W2 with numbers >= 0, not \"" + text + "\"");
    return static_cast<double>(d->mantissa) / static_cast<double>(pow10(d->scale));
  };
  if (comma == std::string::npos) throw Error(ErrorKind::Usage, "--weights takes W1,W2 (one per --metric)");
  weights[0] = parse(std::string_view(text).substr(0, comma));
  weights[1] = parse(std::string_view(text).substr(comma + 1));
  return weights;
}

enum class Action { Models, List, Unassigned, Assign, Explain, Balance, Rebalance, Carve, Activate };

void run(Action action, const TerritoryOptions& o, CliStreams& streams) {
  const bool writes = (action == Action::Assign && !o.dryRun) || action == Action::Activate ||
                      (action == Action::Rebalance && !o.into.empty()) || (action == Action::Carve && !o.dryRun);
  std::vector<BalanceMetric> metrics;
  if (action == Action::Balance || action == Action::Rebalance || action == Action::Carve) metrics = metricsOption(o);
  const Date now = todayUtc();
  auto workbook = Workbook::open(o.workbook, writes ? Workbook::Access::ReadWrite : Workbook::Access::ReadOnly);
  TerritoryService service(*workbook, terminalProgress(streams));
  const auto clearProgress = [&] {
    if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  };
  const bool table = o.format == "table";
  switch (action) {
    case Action::Models:
      printTable(streams.out, modelsTable(service.models()), table);
      return;
    case Action::List: {
      const auto id = o.model.empty() ? service.modelInForce(now) : o.model;
      printTable(streams.out, territoriesTable(service.loadModel(id)), table);
      return;
    }
    case Action::Unassigned: {
      const auto plan = service.planAssignment(o.model, dateOption(o.from, "--from", now));
      clearProgress();
      Table rows{{"account_id"}};
      for (const auto& id : plan.unassigned) rows.push_back({id});
      printTable(streams.out, rows, table);
      (table ? streams.out : streams.err) << plan.unassigned.size() << " of " << plan.accounts
                                          << " accounts match no territory of model " << plan.modelId << "\n";
      return;
    }
    case Action::Assign: {
      const Date from = dateOption(o.from, "--from", now);
      const auto plan = service.planAssignment(o.model, from);
      if (!o.dryRun) service.applyAssignment(plan, now);
      clearProgress();
      printTable(streams.out, changesTable(plan), table);
      (table ? streams.out : streams.err) << assignmentSummary(plan, o.dryRun) << "\n";
      return;
    }
    case Action::Explain: {
      territory::Model model;
      const auto e = service.explain(o.model, o.account, now, &model);
      streams.out << explanationText(o.account, model, e);
      return;
    }
    case Action::Balance: {
      if (metrics.size() != 1) throw Error(ErrorKind::Usage, "balance takes one --metric");
      const auto report = service.balance(o.model, periodOption(o, *workbook, now), now);
      clearProgress();
      printTable(streams.out, balanceTable(report), table);
      (table ? streams.out : streams.err) << imbalanceLine(report, metrics.front()) << "\n";
      return;
    }
    case Action::Rebalance: {
      if (o.maxMoves < 0) throw Error(ErrorKind::Usage, "rebalance needs --max-moves N");
      RebalanceRequest request;
      request.modelId = o.model;
      request.period = periodOption(o, *workbook, now);
      request.metrics = metrics;
      request.weights = weightsOption(o.weights);
      request.maxMoves = o.maxMoves;
      if (!o.targetCv.empty()) {
        const auto d = parseDecimal(o.targetCv);
        if (!d || d->mantissa < 0)
          throw Error(ErrorKind::Usage, "--target-cv takes a percentage >= 0 such as 5, not \"" + o.targetCv + "\"");
        request.targetCv = static_cast<double>(d->mantissa) / static_cast<double>(pow10(d->scale)) / 100.0;
      }
      const auto proposal = service.proposeRebalance(request, now);
      if (!o.into.empty()) service.applyRebalance(proposal, o.into);
      clearProgress();
      printTable(streams.out, movesTable(proposal), table);
      (table ? streams.out : streams.err) << rebalanceSummary(proposal, o.into);
      return;
    }
    case Action::Carve: {
      if (metrics.size() != 1) throw Error(ErrorKind::Usage, "carve takes one --metric");
      CarveRequest request;
      request.modelId = o.model;
      request.parentId = o.parent;
      request.fromTerritory = o.fromTerritory;
      request.count = o.count;
      request.metric = metrics.front();
      request.period = periodOption(o, *workbook, now);
      const auto proposal = service.proposeCarve(request);
      if (!o.dryRun) service.applyCarve(proposal);
      clearProgress();
      printTable(streams.out, carveTable(proposal), table);
      (table ? streams.out : streams.err) << carveSummary(proposal, o.dryRun);
      return;
    }
    case Action::Activate: {
      if (o.from.empty()) throw Error(ErrorKind::Usage, "activate needs --from DATE");
      const auto plan = service.activate(o.model, dateOption(o.from, "--from", now), now);
      clearProgress();
      streams.out << "model " << plan.modelId << " is active from " << plan.from.toString() << "\n"
                  << assignmentSummary(plan, false) << "\n";
      return;
    }
  }
}

}  // namespace

void addTerritoryCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("territory", "Territory models: assignment, explanation, balance, rebalancing.");
  auto o = std::make_shared<TerritoryOptions>();
  auto action = std::make_shared<Action>(Action::Models);
  cmd->add_option("WORKBOOK", o->workbook, "The workbook")->required();
  cmd->require_subcommand(1, 1);
  const auto verb = [&](const char* name, const char* help, Action a) {
    auto* sub = cmd->add_subcommand(name, help);
    sub->parse_complete_callback([action, a] { *action = a; });
    sub->add_option("--format", o->format, "csv or table")
        ->check(CLI::IsMember({"csv", "table"}))
        ->capture_default_str();
    return sub;
  };
  verb("models", "List the territory models (CSV)", Action::Models);
  auto* list = verb("list", "List the territories of a model (default: the one in force today)", Action::List);
  list->add_option("--model", o->model, "Model id");
  auto* unassigned = verb("unassigned", "List the accounts that match no territory", Action::Unassigned);
  unassigned->add_option("--model", o->model, "Model id (default: the one in force on --from)");
  unassigned->add_option("--from", o->from, "Date (default: today)");
  auto* assign = verb("assign", "Assign accounts by the model's rules, writing dated history", Action::Assign);
  assign->add_option("--model", o->model, "Model id (default: the one in force on --from)");
  assign->add_option("--from", o->from, "First day of the new assignments (default: today)");
  assign->add_flag("--dry-run", o->dryRun, "Print the changes without writing");
  auto* explain = verb("explain", "Why an account lands in its territory", Action::Explain);
  explain->add_option("ACCOUNT", o->account, "Account id")->required();
  explain->add_option("--model", o->model, "Model id (default: the one in force today)");
  auto* balance = verb("balance", "Balance of the territories on a metric", Action::Balance);
  balance->add_option("--metric", o->metrics, "accounts, potential, pipeline, bookings, quota or reps")->required();
  balance->add_option("--period", o->period, "Period for pipeline, bookings and quota (default: this fiscal year)");
  balance->add_option("--model", o->model, "Model id (default: the one in force today)");
  auto* rebalance = verb("rebalance", "Propose account moves that even out one or two metrics", Action::Rebalance);
  rebalance->add_option("--metric", o->metrics, "accounts, potential, pipeline or bookings; give it twice for two")
      ->required();
  rebalance->add_option("--weights", o->weights, "W1,W2: relative weights of two metrics (default 1,1)");
  rebalance->add_option("--max-moves", o->maxMoves, "Most accounts to move")->required();
  rebalance->add_option("--target-cv", o->targetCv, "Stop once the CV of every metric is at most this percentage");
  rebalance->add_option("--into", o->into, "Write the moves into this planning model (a new id makes a copy)");
  rebalance->add_option("--period", o->period, "Period for pipeline and bookings (default: this fiscal year)");
  rebalance->add_option("--model", o->model, "Model to start from (default: the one in force today)");
  auto* carve =
      verb("carve", "Carve N new territories under a parent of a planning model, balanced on a metric", Action::Carve);
  carve->add_option("--model", o->model, "Planning model id")->required();
  carve->add_option("--parent", o->parent, "Territory the new ones go under")->required();
  carve->add_option("--count", o->count, "How many territories to carve (2 or more)")->required();
  carve->add_option("--metric", o->metrics, "accounts, potential, pipeline or bookings")->required();
  carve->add_option("--from-territory", o->fromTerritory,
                    "Share out the accounts this territory holds, sub-territories included (default: --parent)");
  carve->add_option("--period", o->period, "Period for pipeline and bookings (default: this fiscal year)");
  carve->add_flag("--dry-run", o->dryRun, "Print the proposal without writing");
  auto* activate = verb("activate", "Make a model active from a date and assign its accounts", Action::Activate);
  activate->add_option("MODEL", o->model, "Model id")->required();
  activate->add_option("--from", o->from, "First day in force")->required();
  cmd->final_callback([&streams, o, action] { run(*action, *o, streams); });
}

}  // namespace salesops::cli
