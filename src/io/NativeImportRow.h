#pragma once
// Native import internals: the state shared by one run (key indexes, known currencies, problems) and the
// conversion of one CSV record into stored values. Not a public API.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/EntitySchema.h"
#include "io/NativeImport.h"
#include "io/NativeImportKeys.h"
#include "storage/EntityWriter.h"

namespace salesops::importing {

// Stable storage for the text of a batch of rows: views handed out stay valid until clear(), so values can
// be bound with SQLITE_STATIC by the writer thread.
class Arena {
 public:
  std::string_view copy(std::string_view text);
  void clear() noexcept;

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::size_t> sizes_;
  std::size_t chunk_ = 0, used_ = 0;
};

enum StageKind : std::uint8_t { kOpen = 0, kWon = 1, kLost = 2 };

// State of one import run, shared by its files.
struct RunState {
  Database& db;
  ImportReport& report;
  std::string corporate;
  std::set<std::string, std::less<>> ratedCurrencies;
  std::map<std::string_view, KeyIndex> indexes;  // by entity name, loaded on first use
  std::size_t maxProblems = 100000;              // beyond: counted, not listed (memory stays bounded)
  std::int64_t unlistedProblems = 0;

  KeyIndex& index(std::string_view entity);
  void problem(const std::string& file, std::int64_t line, std::string_view column, const std::string& reason);
  void warning(const std::string& file, std::int64_t line, std::string_view column, const std::string& reason);
};

// The header of one file mapped onto the entity's fields.
struct FileLayout {
  const EntitySpec* spec = nullptr;
  std::string file;                         // as named in messages
  std::uint16_t number = 0;                 // 1-based number of the file in the run (duplicate detection)
  std::vector<int> fieldOfColumn;           // per CSV column: index into spec->fields, or -1
  std::vector<int> columnOfField;           // per field: CSV column, or -1 when absent
  std::vector<bool> present;                // per field
  std::int64_t firstLineWithoutOffset = 0;  // first timestamp read as UTC for want of an offset
  // Mapped imports, duplicates "last wins": a key repeated in the file updates the earlier row instead of
  // being a problem; the repeats and the rows that met a record of the workbook are counted.
  bool mergeRepeatedKeys = false;
  std::int64_t repeatedKeys = 0;
  std::vector<std::string> repeatExamples;  // the first few: "\"D1\" on lines 2 and 7"
  std::int64_t existingKeys = 0;            // rows whose key was in the workbook before the file
};

// The outcome of converting one record.
struct RowResult {
  bool ok = false;
  bool isNew = false;
  bool deferred = false;  // a self reference names a key not seen yet: convert again after the file
  std::int64_t id = 0;
  std::int64_t splitOpportunity = 0;  // opportunity_split rows: the opportunity's id
};

// Converts records of one file. `values` receives one StoredValue per field of the spec (text in `arena`).
class RowConverter {
 public:
  RowConverter(RunState& run, FileLayout& layout);

  // `lateRefs`: second pass of deferred rows, where an unknown self reference is a problem.
  RowResult convert(const std::vector<std::string_view>& record, std::int64_t line, StoredValue* values, Arena& arena,
                    bool lateRefs = false);

  std::int64_t nextId = 1;

 private:
  bool convertField(const FieldSpec& f, std::string_view text, std::int64_t line, StoredValue& out, Arena& arena);
  bool resolveReference(const FieldSpec& f, std::string_view text, std::int64_t line, StoredValue& out, bool lateRefs,
                        bool& deferred, const KeyIndex::Entry** entry);
  void fail(std::int64_t line, std::string_view column, const std::string& reason);
  void applyRowRules(std::int64_t line, StoredValue* values);
  RowResult assignKey(std::int64_t line, const StoredValue* values, bool lateRefs, bool deferred);
  void setExtra(KeyIndex::Entry& entry, const StoredValue* values) const;

  RunState& run_;
  FileLayout& layout_;
  KeyIndex& own_;
  std::string key_;
  std::vector<std::string_view> texts_;
  std::vector<const KeyIndex::Entry*> entries_;  // per field: the referenced row, when resolved
  bool rowFailed_ = false;
};

std::uint8_t stageKindCode(std::string_view kind) noexcept;

}  // namespace salesops::importing
