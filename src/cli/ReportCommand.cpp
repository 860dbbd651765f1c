#include <algorithm>
#include <chrono>
#include <optional>
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/CsvOutputOptions.h"
#include "common/Error.h"
#include "io/CsvReportWriter.h"
#include "io/HtmlReportWriter.h"
#include "io/XlsxReportWriter.h"
#include "services/KpiService.h"
#include "services/ReportBuilder.h"
#include "storage/OpportunityAttributesLoader.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct ReportOptions {
  std::string workbook;
  std::string name;
  std::string period;
  std::string format = "csv";
  std::string output;
  std::string definitions;
  std::vector<std::string> choices;  // NAME=VALUE
};

// The UTC date now: read here, so the services stay functions of their inputs.
Date today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

std::string reportList() {
  std::string list;
  for (const auto& name : ReportBuilder::names()) list += (list.empty() ? "" : ", ") + name;
  return list;
}

void runReport(const ReportOptions& o, const CsvOutputOptions& csvOutput, CliStreams& streams) {
  // Usage problems first, so a typo costs no snapshot load.
  const auto& names = ReportBuilder::names();
  if (std::find(names.begin(), names.end(), o.name) == names.end())
    throw Error(ErrorKind::Usage, "unknown report \"" + o.name + "\"; the reports are: " + reportList());
  if (o.format != "csv" && o.output.empty())
    throw Error(ErrorKind::Usage, "--format " + o.format + " writes a file: give --output FILE");
  if (csvOutput.anyGiven() && o.format != "csv")
    throw Error(ErrorKind::Usage,
                "the CSV options (--delimiter, --encoding, --line-endings, --for-spreadsheets, "
                "--decimal-comma) are for --format csv");
  const CsvWriteOptions csv = csvOutput.resolve();
  if (!o.definitions.empty() && o.format != "csv")
    throw Error(ErrorKind::Usage, "--definitions is for CSV; XLSX and HTML carry the definitions inside");

  KpiDefinitionChoices choices;
  for (const auto& choice : o.choices) applyDefinition(choices, choice);

  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  std::string why;
  const auto period = parsePeriod(o.period, workbook->fiscalCalendar(), &why);
  if (!period) throw Error(ErrorKind::Usage, "--period " + why);

  const KpiService service(*workbook, terminalProgress(streams));
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  std::optional<OpportunityAttributes> attributes;
  if (ReportBuilder::needsAttributes(o.name)) attributes = loadOpportunityAttributes(*workbook);
  const ReportBuilder builder(service, attributes ? &*attributes : nullptr);
  ReportRequest request;
  request.name = o.name;
  request.period = *period;
  request.choices = choices;
  const ReportDocument report = builder.build(request, today());

  if (o.format == "xlsx") {
    XlsxReportWriter::write(report, o.output);
  } else if (o.format == "html") {
    HtmlReportWriter::write(report, o.output);
  } else if (o.output.empty()) {
    streams.out << CsvReportWriter::tablesCsv(report, csv);
  } else {
    CsvReportWriter::writeTables(report, o.output, csv);
  }
  if (!o.definitions.empty()) CsvReportWriter::writeDefinitions(report, o.definitions, csv);
}

}  // namespace

void addReportCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("report", "Write a standard report (" + reportList() + ").");
  auto o = std::make_shared<ReportOptions>();
  cmd->add_option("WORKBOOK", o->workbook, "The workbook")->required();
  cmd->add_option("NAME", o->name, "The report: " + reportList())->required();
  cmd->add_option("--period", o->period, "FY2026, FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30")
      ->required();
  cmd->add_option("--format", o->format, "csv (stdout unless --output), xlsx or html (both need --output)")
      ->check(CLI::IsMember({"csv", "xlsx", "html"}))
      ->capture_default_str();
  cmd->add_option("--output", o->output, "Write to this file instead of stdout");
  cmd->add_option("--definitions", o->definitions, "CSV only: also write the definitions and choices to FILE");
  addDefinitionOption(*cmd, o->choices);
  auto csv = addCsvOutputOptions(*cmd);
  cmd->callback([&streams, o, csv] { runReport(*o, *csv, streams); });
}

}  // namespace salesops::cli
