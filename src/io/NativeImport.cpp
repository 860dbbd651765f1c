#include "io/NativeImport.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "io/NativeImportFile.h"
#include "io/PlanFiles.h"
#include "storage/ImportBatches.h"

namespace salesops {
using namespace importing;

namespace {

namespace fs = std::filesystem;

struct Input {
  fs::path path;
  const EntitySpec* spec = nullptr;
  std::string name;  // basename, as in messages
  std::size_t entityOrder = 0;
};

std::size_t orderOf(const EntitySpec* spec) { return static_cast<std::size_t>(spec - entities().data()); }

std::vector<Input> collectInputs(const std::vector<fs::path>& paths, const ImportOptions& options, RunState& run) {
  const EntitySpec* only = nullptr;
  if (!options.onlyEntity.empty()) {
    only = findEntity(options.onlyEntity);
    if (!only) throw Error(ErrorKind::Usage, "unknown entity \"" + options.onlyEntity + "\"");
  }
  std::vector<Input> inputs;
  for (const fs::path& path : paths) {
    std::error_code ec;
    const std::string name = path.filename().string();
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().extension() == ".csv") files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        const std::string fileName = file.filename().string();
        const EntitySpec* spec = findEntity(fileName);
        if (!spec || spec->csvFile != fileName) {
          run.warning(fileName, 0, "", "not a workbook file, ignored");
        } else if (!only || only == spec) {
          inputs.push_back({file, spec, fileName, orderOf(spec)});
        }
      }
    } else if (!fs::exists(path, ec)) {
      run.problem(name, 0, "", "no such file or folder");
    } else {
      const EntitySpec* spec = only ? only : findEntity(name);
      if (!spec || (!only && spec->csvFile != name)) {
        run.problem(name, 0, "", "not a workbook file name (name the entity to import it as)");
      } else {
        inputs.push_back({path, spec, name, orderOf(spec)});
      }
    }
  }
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const Input& a, const Input& b) { return a.entityOrder < b.entityOrder; });
  return inputs;
}

}  // namespace

ImportReport importNativeCsv(Workbook& workbook, const std::vector<std::filesystem::path>& paths,
                             const ImportOptions& options, const LongTask& task) {
  ImportReport report;
  const std::string corporate = workbook.settings().currency;
  Database& db = workbook.db();
  BulkTuning tuning(db);
  Transaction transaction(db);
  deferForeignKeys(db);
  // The undo journal (docs/crm-import.md "Undo") captures every row the run changes, until finish().
  std::optional<ImportJournal> journal;
  if (!options.dryRun) {
    std::string source = options.batchSource.empty() ? "native:" : options.batchSource;
    for (const fs::path& p : paths) source += options.batchSource.empty() ? " " + p.string() : "";
    journal.emplace(db, std::move(source));
  }
  RunState run{db, report, corporate};
  for (std::string& c : currenciesWithRates(db)) run.ratedCurrencies.insert(std::move(c));

  const std::vector<Input> inputs = collectInputs(paths, options, run);
  std::int64_t total = 0, done = 0;
  for (const Input& in : inputs) {
    std::error_code ec;
    const auto size = fs::file_size(in.path, ec);
    if (!ec) total += static_cast<std::int64_t>(size);
  }
  std::uint16_t number = 0;
  for (const Input& in : inputs) {
    task.checkCancelled();
    std::int64_t bytes = 0;
    FileImport file(run, *in.spec, in.name, options, task, done, total);
    report.files.push_back(file.runFile(in.path, ++number, bytes));
    done += bytes;
    task.report("import " + in.name, done, total);
  }
  if (options.onlyEntity.empty() || options.onlyEntity == "comp_plan") importPlanFiles(paths, run, corporate);
  if (run.unlistedProblems > 0) {
    report.problems.push_back("… and " + std::to_string(run.unlistedProblems) + " more problems not listed");
  }
  finishImportRun(workbook, transaction, journal, report, options.dryRun, options.skipBadRows, task);
  return report;
}

void writeImportReport(const ImportReport& report, const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorKind::Workbook, "cannot write the report " + file.string());
  out << (report.committed ? "Import committed.\n" : "Import not committed: nothing was changed.\n");
  for (const FileCounts& c : report.files) out << countsText(c) << '\n';
  out << report.problems.size() << " problems\n";
  for (const std::string& p : report.problems) out << p << '\n';
  out << report.warnings.size() << " warnings\n";
  for (const std::string& w : report.warnings) out << w << '\n';
  // Mapped imports: what was created, filled and merged on the way.
  for (const auto& [title, lines] : {std::pair{"placeholders", &report.placeholders}, std::pair{"notes", &report.notes},
                                     std::pair{"duplicates", &report.duplicates}}) {
    if (lines->empty()) continue;
    out << lines->size() << ' ' << title << '\n';
    for (const std::string& l : *lines) out << l << '\n';
  }
  out.flush();
  if (!out) throw Error(ErrorKind::Workbook, "cannot write the report " + file.string());
}

}  // namespace salesops
