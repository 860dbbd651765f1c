#pragma once
// Registration of the verbs. Each verb lives in its own file and adds a subcommand whose callback runs
// the verb; errors propagate as salesops::Error and are mapped to exit codes in Cli.cpp.
#include <CLI/CLI.hpp>

#include "cli/Cli.h"
#include "common/Date.h"
#include "common/Period.h"
#include "common/Progress.h"

namespace salesops::cli {

void addInitCommand(CLI::App& app, CliStreams& streams);
void addDemoCommand(CLI::App& app, CliStreams& streams);
void addInfoCommand(CLI::App& app, CliStreams& streams);
void addCheckCommand(CLI::App& app, CliStreams& streams);
void addImportCommand(CLI::App& app, CliStreams& streams);
void addExportCommand(CLI::App& app, CliStreams& streams);
void addKpiCommand(CLI::App&, CliStreams&);
void addForecastCommand(CLI::App&, CliStreams&);
void addReportCommand(CLI::App&, CliStreams&);
void addTerritoryCommand(CLI::App&, CliStreams&);

// The repeatable `--definition NAME=VALUE` option of the verbs that compute KPIs (kpi/KpiDefinitions.h).
void addDefinitionOption(CLI::App& cmd, std::vector<std::string>& definitions);
void addCompCommand(CLI::App&, CliStreams&);
// `comp ... cost`, added to the `comp` subcommand (whose WORKBOOK it reads).
void addCompCostCommand(CLI::App& comp, CliStreams&);
void addUndoImportCommand(CLI::App&, CliStreams&);

// Writes `text` to the file `output`, or to standard output when `output` is empty; Error(Workbook) naming
// the file when it cannot be written (disk full, read-only folder).
void writeOut(CliStreams& streams, const std::string& output, const std::string& text);

// Option values every verb reads the same way: Error(Usage) naming the option when malformed.
Period parsePeriodOption(const std::string& text, const FiscalCalendar& calendar);
Date parseDateOption(const std::string& text, const char* option);
// The CLI is where the clock is read, so the engines stay functions of their inputs.
Date todayUtc();
std::int64_t nowUtcSeconds();

// A LongTask whose progress goes to the error stream when it is a terminal, and nowhere otherwise.
LongTask terminalProgress(CliStreams& streams);

// Thrown by a verb that has already printed its own outcome and only needs the exit code.
struct ExitWith {
  int code;
};

}  // namespace salesops::cli
