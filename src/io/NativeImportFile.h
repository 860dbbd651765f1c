#pragma once
// Native import internals: the import of one file's records into one entity, whatever reads them. The
// native import feeds CSV records named by field headers; the mapped import feeds records it produced
// from another CRM's columns (MappedImport.h). Both get the same conversion, upserts, self references,
// the writer thread and the counts. Not a public API.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <optional>

#include "common/Progress.h"
#include "io/NativeImportRow.h"
#include "storage/ImportBatches.h"
#include "storage/Workbook.h"

namespace salesops::importing {

// "Opportunity.csv: 3 inserted, 1 updated, 0 unchanged, 0 rejected", as reports and the audit log say it.
std::string countsText(const FileCounts& c);

// Ends a run: unless it must change nothing (a dry run, or problems without skipBadRows), finishes the
// undo batch, audits and commits. A cancel that arrives after the last row still wins, so Cancel pressed
// at the very end of an import leaves the workbook unchanged like at any other moment.
void finishImportRun(Workbook& workbook, Transaction& transaction, std::optional<ImportJournal>& journal,
                     ImportReport& report, bool dryRun, bool skipBadRows, const LongTask& task);

// The records of one input. The first record is the header: field names of the entity.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  // Reads the next record (views valid until the next call); false at the end.
  virtual bool next(std::vector<std::string_view>& record) = 0;
  // Line (1-based) of the source file where the record last returned starts.
  virtual std::int64_t recordLine() const = 0;
  // The problem of the record last returned, or null; the row is rejected. An empty message means the
  // source has already reported it (with its column) and only the count is left to the importer.
  virtual const CsvProblem* problem() const = 0;
  virtual std::int64_t bytesRead() const = 0;
  virtual std::int64_t totalBytes() const = 0;  // 0 when unknown
};

class CsvRecordSource final : public RecordSource {
 public:
  explicit CsvRecordSource(CsvReader& reader) : reader_(reader) {}
  bool next(std::vector<std::string_view>& record) override { return reader_.next(record); }
  std::int64_t recordLine() const override { return reader_.recordLine(); }
  const CsvProblem* problem() const override { return reader_.problem(); }
  std::int64_t bytesRead() const override { return reader_.bytesRead(); }
  std::int64_t totalBytes() const override { return reader_.totalBytes(); }

 private:
  CsvReader& reader_;
};

class FileImport {
 public:
  // `name`: the file as named in messages and counts.
  FileImport(RunState& run, const EntitySpec& spec, std::string name, const ImportOptions& options,
             const LongTask& task, std::int64_t bytesBefore, std::int64_t bytesTotal);

  // Opens the CSV file and imports it; a file that cannot be opened is a problem of the run.
  FileCounts runFile(const std::filesystem::path& path, std::uint16_t number, std::int64_t& bytesRead);
  // `number`: 1-based number of the input in the run (duplicate keys are looked for within one input).
  FileCounts run(RecordSource& source, std::uint16_t number, std::int64_t& bytesRead);

  // Mapped imports with duplicates "last wins": a repeated key updates the earlier row (FileLayout).
  void mergeRepeatedKeys() noexcept { layout_.mergeRepeatedKeys = true; }
  const FileLayout& layout() const noexcept { return layout_; }

 private:
  struct PendingRow {
    std::vector<std::string> fields;
    std::int64_t line = 0;
    std::int64_t id = 0;
    bool isNew = false;
  };
  struct SplitInfo {
    std::int64_t lastLine = 0, rows = 0, newRows = 0;
  };

  void readRows(RecordSource& source, std::vector<std::string_view>& record, RowConverter& converter,
                EntityWriter& writer);
  void noteSplit(std::int64_t opportunity, std::int64_t line, bool isNew);
  void writePending(RowConverter& converter, EntityWriter& writer);
  void writeLate(const PendingRow& row, RowConverter& converter, EntityWriter& writer);
  void checkSplits();

  RunState& run_;
  const EntitySpec& spec_;
  std::string name_;
  const ImportOptions& options_;
  const LongTask& task_;
  std::int64_t bytesBefore_, bytesTotal_;
  FileLayout layout_;
  FileCounts counts_;
  std::vector<PendingRow> pending_;
  std::unordered_map<std::int64_t, SplitInfo> splits_;
};

}  // namespace salesops::importing
