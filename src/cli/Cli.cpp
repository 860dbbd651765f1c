#include "cli/Cli.h"

#include <chrono>
#include <fstream>
#include <ostream>

#include "cli/CliCommands.h"
#include "common/Error.h"
#include "common/Logging.h"

namespace salesops::cli {
namespace {

int exitCodeOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Usage:
      return 2;
    case ErrorKind::Data:
    case ErrorKind::Cancelled:
      return 3;
    case ErrorKind::Workbook:
      return 4;
    case ErrorKind::Internal:
      return 1;
  }
  return 1;
}

std::string logHint() {
  auto dir = userDataDir() / "logs" / "salesops.log";
  return " (a bug: please report it with the log at " + dir.string() + ")";
}

}  // namespace

void addDefinitionOption(CLI::App& cmd, std::vector<std::string>& definitions) {
  cmd.add_option("--definition", definitions,
                 "A KPI definition choice NAME=VALUE, repeatable: win_rate_basis=count|value, "
                 "closed_set=snapshot|cohort, cycle_set=won_only|all_closed, cycle_statistic=mean|median, "
                 "coverage_base=remaining_quota|full_quota, accuracy_base=actual|forecast (first = KPIS.md)")
      ->allow_extra_args(false);
}

Period parsePeriodOption(const std::string& text, const FiscalCalendar& calendar) {
  std::string why;
  const auto period = parsePeriod(text, calendar, &why);
  if (!period) throw Error(ErrorKind::Usage, "--period " + why);
  return *period;
}

Date parseDateOption(const std::string& text, const char* option) {
  std::string why;
  const auto date = parseDate(text, &why);
  if (!date) throw Error(ErrorKind::Usage, std::string(option) + ": " + why);
  return *date;
}

Date todayUtc() { return Timestamp{nowUtcSeconds()}.date(); }

std::int64_t nowUtcSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void writeOut(CliStreams& streams, const std::string& output, const std::string& text) {
  if (output.empty()) {
    streams.out << text;
    return;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) throw Error(ErrorKind::Workbook, "cannot write " + output);
}

LongTask terminalProgress(CliStreams& streams) {
  LongTask task;
  if (!streams.interactive) return task;
  std::ostream* err = &streams.err;
  task.progress = [err, last = std::string(), lastPercent = -1](const std::string& stage, std::int64_t done,
                                                                std::int64_t total) mutable {
    int percent = total > 0 ? static_cast<int>(done * 100 / total) : -1;
    if (stage == last && percent == lastPercent) return;
    last = stage;
    lastPercent = percent;
    if (percent >= 0) {
      *err << "\r" << stage << ": " << percent << "%   " << std::flush;
    } else {
      *err << "\r" << stage << ": " << done << "   " << std::flush;
    }
  };
  return task;
}

int run(const std::vector<std::string>& args, CliStreams streams) {
  CLI::App app{"SalesOps Workbench command line: workbooks, imports, exports and reports.", "salesops-cli"};
  app.require_subcommand(1, 1);
  app.set_version_flag("--version", "salesops-cli 0.1.0");
  addInitCommand(app, streams);
  addDemoCommand(app, streams);
  addInfoCommand(app, streams);
  addCheckCommand(app, streams);
  addImportCommand(app, streams);
  addExportCommand(app, streams);
  addKpiCommand(app, streams);
  addForecastCommand(app, streams);
  addReportCommand(app, streams);
  addTerritoryCommand(app, streams);
  addCompCommand(app, streams);
  addUndoImportCommand(app, streams);

  // CLI11 reports an unknown verb as a missing subcommand; name it instead.
  if (!args.empty() && !args.front().empty() && args.front().front() != '-') {
    const CLI::App& constApp = app;
    const auto known = constApp.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == args.front(); });
    if (known.empty()) {
      streams.err << "salesops-cli: unknown command \"" << args.front() << "\" (see salesops-cli --help)\n";
      return 2;
    }
  }

  // CLI11 wants argv, the program name first.
  std::vector<const char*> argv{"salesops-cli"};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
    return 0;
  } catch (const CLI::CallForHelp&) {
    streams.out << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    streams.out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    streams.out << "salesops-cli 0.1.0\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    streams.err << "salesops-cli: " << e.what() << " (see salesops-cli --help)\n";
    return 2;
  } catch (const ExitWith& exit) {
    return exit.code;
  } catch (const Error& e) {
    int code = exitCodeOf(e.kind());
    streams.err << e.describe() << (code == 1 ? logHint() : "") << "\n";
    logger("salesops.cli")->error("{}", e.describe());
    return code;
  } catch (const std::exception& e) {
    streams.err << "internal error: " << e.what() << logHint() << "\n";
    logger("salesops.cli")->error("internal error: {}", e.what());
    return 1;
  }
}

}  // namespace salesops::cli
