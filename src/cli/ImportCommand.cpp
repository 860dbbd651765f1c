#include <cstdio>
#include <filesystem>
#include <ostream>

#include "cli/CliCommands.h"
#include "cli/ImportMapped.h"
#include "common/Error.h"
#include "domain/EntitySchema.h"
#include "io/NativeImport.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

constexpr std::size_t kProblemsShown = 50;

struct ImportArgs {
  std::string workbook;
  std::vector<std::string> paths;
  std::string mapping = "native";
  std::string entity;
  bool dryRun = false;
  bool skipBadRows = false;
  std::string reportFile;
  std::string names = "create";
  std::string duplicates = "last";
  std::vector<std::string> matchKeys;
};

void printSummary(const ImportReport& report, bool dryRun, std::ostream& out) {
  char line[160];
  std::snprintf(line, sizeof line, "%-28s %10s %10s %10s %10s\n", "file", "inserted", "updated", "unchanged",
                "rejected");
  out << line;
  for (const auto& f : report.files) {
    std::snprintf(line, sizeof line, "%-28s %10lld %10lld %10lld %10lld\n", f.file.c_str(),
                  static_cast<long long>(f.inserted), static_cast<long long>(f.updated),
                  static_cast<long long>(f.unchanged), static_cast<long long>(f.rejected));
    out << line;
  }
  if (dryRun) {
    out << "Dry run: nothing was written.\n";
  } else if (report.committed) {
    out << "Imported.\n";
  }
}

void printProblems(const ImportReport& report, const ImportArgs& args, std::ostream& err) {
  for (const auto& w : report.warnings) err << "warning: " << w << "\n";
  std::size_t shown = std::min(report.problems.size(), kProblemsShown);
  for (std::size_t i = 0; i < shown; ++i) err << report.problems[i] << "\n";
  if (report.problems.size() > shown) {
    err << "... and " << report.problems.size() - shown << " more problem(s)"
        << (args.reportFile.empty() ? "; --report FILE lists them all" : "; all are in " + args.reportFile) << "\n";
  }
}

}  // namespace

void addImportCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand(
      "import",
      "Import a CSV workbook (a folder or files named after their entity), or another CRM's export (--mapping).");
  auto args = std::make_shared<ImportArgs>();
  cmd->add_option("WORKBOOK", args->workbook, "The workbook to import into")->required();
  cmd->add_option("PATH", args->paths, "CSV files and/or folders")->required();
  cmd->add_option("--mapping", args->mapping,
                  "native (default), auto (detect the CRM of each file), a profile (salesforce, salesforce-report, "
                  "hubspot, pipedrive, maven-crm, or one saved in the workbook) or a profile FILE.json")
      ->capture_default_str();
  cmd->add_option("--entity", args->entity, "Import the single file given as this entity (e.g. opportunity)");
  cmd->add_flag("--dry-run", args->dryRun, "Validate and report without writing");
  cmd->add_flag("--skip-bad-rows", args->skipBadRows, "Import the good rows and list the bad ones");
  cmd->add_option("--report", args->reportFile, "Write the full report to this file");
  cmd->add_option("--names", args->names, "Mapped imports: people and accounts named by name: create or match")
      ->capture_default_str();
  cmd->add_option("--duplicates", args->duplicates,
                  "Mapped imports: rows with the same key (in the files or the workbook): last, first or reject")
      ->capture_default_str();
  cmd->add_option("--match-key", args->matchKeys,
                  "Mapped imports: ENTITY=field+field identifies rows of ENTITY (e.g. account=name+country); "
                  "repeatable")
      ->allow_extra_args(false);
  cmd->callback([&streams, args] {
    if (args->mapping != "native" && !(args->mapping == "auto" && looksNative(args->paths))) {
      if (!args->entity.empty())
        throw Error(ErrorKind::Usage, "--entity is for native files only; the mapping names the entity");
      MappedImportArgs mapped{args->workbook,  args->paths,  args->mapping,     args->names,     args->duplicates,
                              args->matchKeys, args->dryRun, args->skipBadRows, args->reportFile};
      runMappedImport(mapped, streams);
      return;
    }
    if (!args->entity.empty() && findEntity(args->entity) == nullptr) {
      throw Error(ErrorKind::Usage, "--entity " + args->entity + " is not an entity (e.g. opportunity, rep)");
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& p : args->paths) {
      if (!std::filesystem::exists(p)) throw Error(ErrorKind::Data, "no such file or folder", {p});
      paths.emplace_back(p);
    }
    ImportOptions options;
    options.dryRun = args->dryRun;
    options.skipBadRows = args->skipBadRows;
    if (!args->entity.empty()) options.onlyEntity = findEntity(args->entity)->name;

    auto workbook = Workbook::open(args->workbook);
    ImportReport report = importNativeCsv(*workbook, paths, options, terminalProgress(streams));
    if (streams.interactive) streams.err << "\n";
    if (!args->reportFile.empty()) writeImportReport(report, args->reportFile);
    printSummary(report, args->dryRun, streams.out);
    printProblems(report, *args, streams.err);
    if (report.failed() || (args->dryRun && !report.problems.empty())) {
      streams.err << report.problems.size() << " problem(s); nothing was changed.\n";
      throw ExitWith{3};
    }
  });
}

}  // namespace salesops::cli
