#pragma once
// Mapped import internals: the record sources that feed the native import engine from a mapped file
// (each source row mapped to native field texts), from rows made in memory (profile stages, placeholder
// records), and the first pass over a file that collects what the second needs: column decisions, keys
// (duplicates, match keys) and the references that name records the workbook lacks. Not a public API.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/MappedRows.h"
#include "io/NativeImportFile.h"

namespace salesops::mapping {

class MemoryRecordSource final : public importing::RecordSource {
 public:
  MemoryRecordSource(std::vector<std::string> header, std::vector<std::vector<std::string>> rows);
  bool next(std::vector<std::string_view>& record) override;
  std::int64_t recordLine() const override { return static_cast<std::int64_t>(next_); }
  const CsvProblem* problem() const override { return nullptr; }
  std::int64_t bytesRead() const override { return 0; }
  std::int64_t totalBytes() const override { return 0; }

 private:
  std::vector<std::vector<std::string>> rows_;  // the header first
  std::size_t next_ = 0;
};

// Which rows of a file the duplicate policy leaves out, from the first pass.
struct KeyPlan {
  int keyOutput = -1;        // output holding the row's key; -1: the entity has no single key (no policy)
  importing::KeyIndex keys;  // key -> id: first line, line: last line, extra: 1 when in the workbook before
  DuplicateRows policy = DuplicateRows::LastWins;
  bool skips(std::string_view key, std::int64_t line);
  std::int64_t skipped = 0;
};

struct ReferenceSeen {
  std::int64_t firstLine = 0;
  std::int64_t rows = 0;
};

// What the first pass over a file learned.
struct FileScan {
  std::vector<ColumnDecision> decisions;
  std::vector<ColumnReading> readings;
  std::int64_t rows = 0;
  std::int64_t bytes = 0;
  // Per entity field that references another entity: the values seen (names or ids not yet known).
  std::map<int, TextMap<ReferenceSeen>> references;
  TextMap<std::string> ownNames;            // name -> key of the file's own rows
  std::vector<std::string> duplicateLines;  // "key \"X\" on lines 2 and 7", the first few
  std::int64_t duplicates = 0;              // rows whose key an earlier row of the file had
  std::int64_t inWorkbook = 0;              // rows whose key the workbook already had
};

class MappedRecordSource final : public importing::RecordSource {
 public:
  MappedRecordSource(CsvReader& reader, RowMapper& mapper, const MappedLayout& layout, importing::RunState& run,
                     std::string name, KeyPlan& plan);
  bool next(std::vector<std::string_view>& record) override;
  std::int64_t recordLine() const override { return line_; }
  const CsvProblem* problem() const override { return problem_.line ? &problem_ : nullptr; }
  std::int64_t bytesRead() const override { return reader_.bytesRead(); }
  std::int64_t totalBytes() const override { return reader_.totalBytes(); }

  std::int64_t firstLineWithoutOffset = 0;
  std::int64_t skippedByRules = 0;

 private:
  CsvReader& reader_;
  RowMapper& mapper_;
  const MappedLayout& layout_;
  importing::RunState& run_;
  std::string name_;
  KeyPlan& plan_;
  std::vector<std::string> header_;
  bool headerDone_ = false;
  std::vector<std::string_view> raw_;
  MappedRow row_;
  std::int64_t line_ = 0;
  CsvProblem problem_;
};

bool isTrailer(const FileMapping& mapping, const std::vector<std::string_view>& record);

}  // namespace salesops::mapping
