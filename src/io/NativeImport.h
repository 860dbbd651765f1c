#pragma once
// Import of a native CSV workbook (DOMAIN.md "Native CSV interchange"): files named after their entity,
// read in dependency order, every field validated, rows upserted on their key. All-or-nothing: a run
// with problems changes nothing unless skipBadRows, and then the skipped rows are listed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "io/CsvReader.h"
#include "storage/Workbook.h"

namespace salesops {

struct ImportOptions {
  bool dryRun = false;       // validate everything, write nothing
  bool skipBadRows = false;  // import the good rows, list the bad ones
  std::string onlyEntity;    // "" = every recognised file; else one entity name (a file of any name)
  CsvOptions csv;
  // How the undo list names this import ("salesforce: Opportunity.csv"); "" = "native:" and the paths.
  std::string batchSource;
};

struct FileCounts {
  std::string file;  // as named in messages
  std::string entity;
  std::int64_t inserted = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::int64_t rejected = 0;
};

struct ImportReport {
  std::vector<FileCounts> files;      // in the order they were imported
  std::vector<std::string> problems;  // "file:line: column: reason", one per bad row or field
  std::vector<std::string> warnings;  // unknown columns, unknown files, timestamps read as UTC, ...
  // Mapped imports: records created because a row named an owner or account the import does not hold
  // ("rep \"005000000000001\": placeholder for OwnerId in Opportunity.csv (line 2 and 41 more)").
  std::vector<std::string> placeholders;
  // Mapped imports: defaults and rules that filled or skipped rows, with counts and their why
  // ("Opportunity.csv: 1,234 rows: close_date empty, set to the import date (open deals without one)").
  std::vector<std::string> notes;
  // Duplicate keys inside the files or against the workbook and how each was settled.
  std::vector<std::string> duplicates;
  std::int64_t batchId = 0;  // the undoable import batch the run wrote (0: nothing committed)
  bool committed = false;    // true when the workbook was changed

  // True when the run had problems and, not skipping bad rows, nothing was changed.
  bool failed() const noexcept { return !problems.empty() && !committed; }
};

// `paths`: CSV files and/or folders (a folder = every *.csv in it whose name is an entity's file).
// Workbook-level failures (disk full, locked, read-only) and cancellation throw Error; data problems are
// in the report. Progress is reported in bytes of input.
ImportReport importNativeCsv(Workbook& workbook, const std::vector<std::filesystem::path>& paths,
                             const ImportOptions& options, const LongTask& task = {});

// Writes the report as text (summary then every problem and warning), as `--report` does.
void writeImportReport(const ImportReport& report, const std::filesystem::path& file);

}  // namespace salesops
