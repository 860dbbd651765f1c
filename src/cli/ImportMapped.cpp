#include "cli/ImportMapped.h"

#include <cstdio>
#include <filesystem>

#include "cli/CliCommands.h"
#include "common/Error.h"
#include "domain/EntitySchema.h"
#include "io/MappedImport.h"
#include "storage/MappingProfileStore.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProblemsShown = 50;

std::vector<std::string> split(const std::string& text, char mark) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == mark) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

MappedImportOptions parseOptions(const MappedImportArgs& args) {
  MappedImportOptions options;
  options.dryRun = args.dryRun;
  options.skipBadRows = args.skipBadRows;
  if (args.names == "create") {
    options.names = NameReferences::CreateMissing;
  } else if (args.names == "match") {
    options.names = NameReferences::MatchOnly;
  } else {
    throw Error(ErrorKind::Usage, "--names " + args.names + ": use create or match");
  }
  if (args.duplicates == "last") {
    options.duplicates = DuplicateRows::LastWins;
  } else if (args.duplicates == "first") {
    options.duplicates = DuplicateRows::FirstWins;
  } else if (args.duplicates == "reject") {
    options.duplicates = DuplicateRows::Reject;
  } else {
    throw Error(ErrorKind::Usage, "--duplicates " + args.duplicates + ": use last, first or reject");
  }
  for (const std::string& key : args.matchKeys) {
    const auto eq = key.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == key.size()) {
      throw Error(ErrorKind::Usage, "--match-key " + key + ": write ENTITY=field+field (e.g. account=name+country)");
    }
    options.matchKeys[key.substr(0, eq)] = split(key.substr(eq + 1), '+');
  }
  return options;
}

// The built-in profiles, the ones saved in the workbook, and a JSON file when --mapping names one.
std::vector<MappingProfile> candidateProfiles(Workbook& workbook, const std::string& mapping, std::string& forced) {
  std::vector<MappingProfile> profiles = builtinMappingProfiles();
  if (mapping.size() > 5 && mapping.substr(mapping.size() - 5) == ".json") {
    profiles.push_back(MappingProfile::fromFile(mapping));  // Error(Data) lists every problem of the file
    forced = profiles.back().id();
    return profiles;
  }
  MappingProfileStore store(workbook);
  for (const StoredMappingProfile& stored : store.list()) {
    const auto json = store.loadJson(stored.id);
    if (json) profiles.push_back(MappingProfile::fromJson(*json, "workbook profile " + stored.id));
  }
  forced = mapping == "auto" ? "" : mapping;
  return profiles;
}

void printLine(std::ostream& out, const char* format, const std::string& file, long long a, long long b, long long c,
               long long d) {
  char line[256];
  std::snprintf(line, sizeof line, format, file.c_str(), a, b, c, d);
  out << line;
}

void printReport(const ImportReport& report, const MappedImportArgs& args, CliStreams& streams) {
  char header[160];
  std::snprintf(header, sizeof header, "%-40s %10s %10s %10s %10s\n", "file", "inserted", "updated", "unchanged",
                "rejected");
  streams.out << header;
  for (const FileCounts& f : report.files) {
    printLine(streams.out, "%-40s %10lld %10lld %10lld %10lld\n", f.file, f.inserted, f.updated, f.unchanged,
              f.rejected);
  }
  auto section = [&](const char* title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    streams.out << title << " (" << lines.size() << "):\n";
    for (const std::string& l : lines) streams.out << "  " << l << "\n";
  };
  section("Placeholders", report.placeholders);
  section("Notes", report.notes);
  section("Duplicates", report.duplicates);
  if (args.dryRun) {
    streams.out << "Dry run: nothing was written.\n";
  } else if (report.committed) {
    streams.out << "Imported as batch " << report.batchId << " (salesops-cli undo-import undoes it).\n";
  }
  for (const std::string& w : report.warnings) streams.err << "warning: " << w << "\n";
  const std::size_t shown = std::min(report.problems.size(), kProblemsShown);
  for (std::size_t i = 0; i < shown; ++i) streams.err << report.problems[i] << "\n";
  if (report.problems.size() > shown) {
    streams.err << "... and " << report.problems.size() - shown << " more problem(s)"
                << (args.reportFile.empty() ? "; --report FILE lists them all" : "; all are in " + args.reportFile)
                << "\n";
  }
}

}  // namespace

bool looksNative(const std::vector<std::string>& paths) {
  bool any = false;
  for (const std::string& p : paths) {
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::directory_iterator(p, ec)) {
        if (entry.path().extension() == ".csv") files.push_back(entry.path());
      }
    } else {
      files.emplace_back(p);
    }
    for (const fs::path& f : files) {
      const std::string name = f.filename().string();
      const EntitySpec* spec = findEntity(name);
      if (!spec || spec->csvFile != name) return false;
      any = true;
    }
  }
  return any;
}

void runMappedImport(const MappedImportArgs& args, CliStreams& streams) {
  const MappedImportOptions options = parseOptions(args);
  std::vector<fs::path> paths;
  for (const std::string& p : args.paths) {
    if (!fs::exists(p)) throw Error(ErrorKind::Data, "no such file or folder", {p});
    paths.emplace_back(p);
  }
  auto workbook = Workbook::open(args.workbook);
  std::string forced;
  const std::vector<MappingProfile> profiles = candidateProfiles(*workbook, args.mapping, forced);
  const std::vector<DetectedSource> detected = detectSources(paths, profiles, forced);
  std::vector<MappedSource> sources;
  std::vector<std::string> refused;
  for (const DetectedSource& d : detected) {
    const std::string name = d.path.filename().string();
    streams.out << name << ": " << d.detection.summary() << " [" << d.encoding << "]\n";
    const bool named = std::find(paths.begin(), paths.end(), d.path) != paths.end();
    if (d.source) {
      sources.push_back(*d.source);
    } else if (named) {
      refused.push_back(name + ": not recognised well enough to import (" + d.detection.summary() + "; at least " +
                        std::to_string(kMinimumDetectionConfidence).substr(0, 4) +
                        " is needed); name a profile with --mapping NAME or FILE.json");
    } else {
      streams.err << "warning: " << name << ": not recognised, skipped (" << d.detection.summary() << ")\n";
    }
  }
  if (!refused.empty()) {
    for (const std::string& r : refused) streams.err << r << "\n";
    streams.err << refused.size() << " file(s) not recognised; nothing was changed.\n";
    throw ExitWith{3};
  }
  if (sources.empty()) throw Error(ErrorKind::Data, "no file to import was recognised; nothing was changed");
  const ImportReport report = importMappedCsv(*workbook, sources, options, terminalProgress(streams));
  if (streams.interactive) streams.err << "\n";
  if (!args.reportFile.empty()) writeImportReport(report, args.reportFile);
  printReport(report, args, streams);
  if (report.failed() || (args.dryRun && !report.problems.empty())) {
    streams.err << report.problems.size() << " problem(s); nothing was changed.\n";
    throw ExitWith{3};
  }
}

}  // namespace salesops::cli
