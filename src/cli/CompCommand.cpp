#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "cli/CliCommands.h"
#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "io/CsvWriter.h"
#include "services/CompDocuments.h"
#include "services/CompReconcile.h"
#include "services/CompService.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct CompOptions {
  std::string workbook;
  std::string file, rep, plan, from, to, period, output, format = "csv", quota = "1000000.00";
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Usage, "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void clearProgress(CliStreams& streams) {
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
}

void runPlans(const CompOptions& o, CliStreams& streams) {
  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  CompService service(*workbook);
  std::string out;
  CsvWriter::appendRow(out, {"plan_id", "name", "effective_from", "effective_to", "reps_assigned"});
  const auto assignments = service.assignments();
  for (const StoredPlan& p : service.plans()) {
    std::int64_t reps = 0;
    for (const auto& a : assignments) reps += a.planId == p.planId ? 1 : 0;
    CsvWriter::appendRow(out, {p.planId, p.name, p.effectiveFrom.toString(),
                               p.effectiveTo ? p.effectiveTo->toString() : "", std::to_string(reps)});
  }
  streams.out << out;
}

void runPlanImport(const CompOptions& o, CliStreams& streams) {
  const std::string json = readFile(o.file);
  auto workbook = Workbook::open(o.workbook);
  const comp::CompPlan plan = CompService(*workbook).importPlan(json, o.file);
  streams.out << "plan " << plan.planId << " (from " << plan.effectiveFrom.toString() << ", " << plan.components.size()
              << " components) stored\n";
}

void runAssign(const CompOptions& o, CliStreams& streams) {
  const Date from = parseDateOption(o.from, "--from");
  std::optional<Date> to;
  if (!o.to.empty()) to = parseDateOption(o.to, "--to");
  auto workbook = Workbook::open(o.workbook);
  CompService(*workbook).assign({o.rep, o.plan, from, to});
  streams.out << o.rep << " is on plan " << o.plan << " from " << from.toString() << (to ? " to " + to->toString() : "")
              << "\n";
}

void runPayout(const CompOptions& o, CliStreams& streams) {
  auto workbook = Workbook::open(o.workbook);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const PayoutOutcome payout = CompService(*workbook).payout(period, todayUtc(), terminalProgress(streams));
  clearProgress(streams);
  for (const std::string& note : payout.notes) streams.err << "note: " << note << "\n";
  writeOut(streams, o.output, payoutRegisterCsv(payout));
}

void runStatement(const CompOptions& o, CliStreams& streams) {
  if (o.format != "csv" && o.format != "html") throw Error(ErrorKind::Usage, "--format must be csv or html");
  auto workbook = Workbook::open(o.workbook);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const PayoutOutcome s = CompService(*workbook).statement(o.rep, period, todayUtc(), terminalProgress(streams));
  clearProgress(streams);
  writeOut(streams, o.output, o.format == "html" ? statementHtml(s) : statementCsv(s));
}

void runLock(const CompOptions& o, CliStreams& streams) {
  auto workbook = Workbook::open(o.workbook);
  const Period period = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const auto locked = CompService(*workbook).lock(period, todayUtc(), terminalProgress(streams));
  clearProgress(streams);
  for (const Period& p : locked) streams.out << "locked " << p.toString() << "\n";
}

void runCurve(const CompOptions& o, CliStreams& streams) {
  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  CompService service(*workbook);
  const comp::CompPlan plan = service.plan(o.plan);
  // The plan was parsed with the workbook currency's minor digits: the quota must be read the same way.
  const int digits = minorDigits(workbook->settings().currency);
  std::string why;
  const auto quota = parseMoney(o.quota, digits, &why);
  if (!quota || *quota <= 0)
    throw Error(ErrorKind::Usage, "--quota \"" + o.quota + "\": " + (why.empty() ? "must be above 0" : why));
  std::string out;
  CsvWriter::appendRow(out, {"attainment", "payout"});
  for (const CurvePoint& p : CompService::curve(plan, *quota)) {
    CsvWriter::appendRow(out, {Decimal{p.attainmentMicro, 6}.toString(), formatMoney(p.payout, digits)});
  }
  streams.out << out;
}

void runWhatIf(const CompOptions& o, CliStreams& streams) {
  const std::string json = readFile(o.file);
  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  const Period year = parsePeriodOption(o.period, workbook->fiscalCalendar());
  const int fiscalYear = workbook->fiscalCalendar().fiscalYearOf(year.end);
  if (year != workbook->fiscalCalendar().year(fiscalYear)) {
    throw Error(ErrorKind::Usage, "--year must be a fiscal year such as FY2025, not " + o.period);
  }
  CompService service(*workbook);
  const comp::CompPlan candidate = comp::parseCompPlan(json, o.file);
  const WhatIfResult r = service.whatIf(candidate, fiscalYear, todayUtc(), terminalProgress(streams));
  clearProgress(streams);
  const int d = r.minorDigits;
  std::string out;
  CsvWriter::appendRow(out, {"rep_id", "current", "candidate", "difference"});
  for (const WhatIfRow& row : r.rows) {
    CsvWriter::appendRow(out, {row.repId, formatMoney(row.current, d), formatMoney(row.candidate, d),
                               formatMoney(row.candidate - row.current, d)});
  }
  CsvWriter::appendRow(out, {"(all)", formatMoney(r.currentTotal, d), formatMoney(r.candidateTotal, d),
                             formatMoney(r.candidateTotal - r.currentTotal, d)});
  streams.out << out;
  if (r.bookings4 > 0) {
    const double bookings = static_cast<double>(r.bookings4) / 10000.0;
    streams.err << "note: cost of sale (payout / credited bookings of these reps) " << std::fixed
                << std::setprecision(2) << 100.0 * static_cast<double>(r.currentTotal) / bookings << " % now, "
                << 100.0 * static_cast<double>(r.candidateTotal) / bookings << " % with " << candidate.planId
                << " from " << o.file << "\n";
  }
}

void runReconcile(const CompOptions& o, CliStreams& streams) {
  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  const ReconcileResult r = reconcileLedger(*workbook, o.file);
  writeOut(streams, o.output, reconcileCsv(r));
  streams.err << "note: " << r.matched << " match, " << r.differing << " differ, " << r.onlyOurs
              << " only in the ledger, " << r.onlyTheirs << " only in " << o.file << "\n";
  if (r.differing + r.onlyOurs + r.onlyTheirs > 0) throw ExitWith{3};
}

}  // namespace

void addCompCommand(CLI::App& app, CliStreams& streams) {
  auto o = std::make_shared<CompOptions>();
  auto* cmd = app.add_subcommand("comp", "Compensation: plans, assignments, payouts, statements, locking.");
  cmd->add_option("WORKBOOK", o->workbook, "The workbook")->required();
  cmd->require_subcommand(1, 1);

  auto* plans = cmd->add_subcommand("plans", "List the plan versions in the workbook (CSV)");
  plans->callback([&streams, o] { runPlans(*o, streams); });

  auto* planImport = cmd->add_subcommand("plan-import", "Store a plan file (COMP.md JSON) as a plan version");
  planImport->add_option("FILE", o->file, "The plan JSON file")->required();
  planImport->callback([&streams, o] { runPlanImport(*o, streams); });

  auto* assign = cmd->add_subcommand("assign", "Put a rep on a plan from a date");
  assign->add_option("--rep", o->rep, "The rep's id")->required();
  assign->add_option("--plan", o->plan, "The plan's id")->required();
  assign->add_option("--from", o->from, "First day on the plan (YYYY-MM-DD)")->required();
  assign->add_option("--to", o->to, "Last day on the plan (YYYY-MM-DD); open-ended when left out");
  assign->callback([&streams, o] { runAssign(*o, streams); });

  auto* payout = cmd->add_subcommand("payout", "Compute the plan year up to the end of P, store it, write P's lines");
  payout->add_option("--period", o->period, "FY2026, FY2026-Q3, 2026-07, ...")->required();
  payout->add_option("--output", o->output, "Write the CSV to this file instead of stdout");
  payout->callback([&streams, o] { runPayout(*o, streams); });

  auto* statement = cmd->add_subcommand("statement", "A rep's statement: lines with their rules and credited deals");
  statement->add_option("--rep", o->rep, "The rep's id")->required();
  statement->add_option("--period", o->period, "FY2026, FY2026-Q3, 2026-07, ...")->required();
  statement->add_option("--format", o->format, "csv (default) or html");
  statement->add_option("--output", o->output, "Write to this file instead of stdout");
  statement->callback([&streams, o] { runStatement(*o, streams); });

  auto* lock = cmd->add_subcommand("lock", "Process and lock every payout period inside P");
  lock->add_option("--period", o->period, "FY2026-Q1, 2026-03, ...")->required();
  lock->callback([&streams, o] { runLock(*o, streams); });

  auto* whatif = cmd->add_subcommand("whatif", "Replay a candidate plan on a past year beside the plans in force");
  whatif->add_option("--plan", o->file, "The candidate plan JSON file (replaces the plan with its plan_id)")
      ->required();
  whatif->add_option("--year", o->period, "The fiscal year to replay, e.g. FY2025")->required();
  whatif->callback([&streams, o] { runWhatIf(*o, streams); });

  auto* reconcile =
      cmd->add_subcommand("reconcile", "Compare another system's statement or payroll CSV with the ledger");
  reconcile->add_option("FILE", o->file, "CSV: rep_id, period_start, period_end, amount [, component]")->required();
  reconcile->add_option("--output", o->output, "Write the comparison to this file instead of stdout");
  reconcile->callback([&streams, o] { runReconcile(*o, streams); });

  auto* curve = cmd->add_subcommand("curve", "The payout curve of a plan, attainment 0 to 2 (CSV)");
  curve->add_option("--plan", o->plan, "The plan's id")->required();
  curve->add_option("--quota", o->quota, "Quota per payout period the curve assumes (default 1000000.00)");
  curve->callback([&streams, o] { runCurve(*o, streams); });

  addCompCostCommand(*cmd, streams);
}

}  // namespace salesops::cli
