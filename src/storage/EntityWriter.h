#pragma once
// Writes rows of any entity of EntitySchema whose values are already in stored form (the SQL half of native
// import; parsing and validation live in src/io). Statements are prepared once and reused for every row.
// Not thread-safe, like Database: one thread at a time (import hands it to its writer thread).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/EntitySchema.h"
#include "storage/Database.h"

namespace salesops {

// One field in stored form. `text` is bound without copying (SQLITE_STATIC): it must stay alive until the
// statement using it has run.
struct StoredValue {
  enum class Kind : std::uint8_t { Null, Int, Text };
  Kind kind = Kind::Null;
  std::int64_t number = 0;
  std::string_view text;

  static StoredValue null() { return {}; }
  static StoredValue integer(std::int64_t v) { return {Kind::Int, v, {}}; }
  static StoredValue string(std::string_view t) { return {Kind::Text, 0, t}; }
};

class EntityWriter {
 public:
  // `present`: per field of the spec, whether the input has that column; an UPDATE leaves absent columns
  // as they are (an import of a partial file must not blank the other columns). Empty = every field.
  EntityWriter(Database& db, const EntitySpec& spec, std::vector<bool> present = {});
  ~EntityWriter();
  EntityWriter(const EntityWriter&) = delete;
  EntityWriter& operator=(const EntityWriter&) = delete;

  // values: one per field of the spec, in spec order. The id is chosen by the caller (max id + 1...), so the
  // parser knows the ids of the rows it produced without waiting for the database.
  void insert(std::int64_t id, const StoredValue* values);
  // Many rows in one statement (bulk import): ids[i] and values[i * fieldCount ...] for i < rows.
  void insertMany(const std::int64_t* ids, const StoredValue* values, std::size_t rows);
  // Returns true when a stored value differed (the row was changed), false when the row was identical.
  bool update(std::int64_t id, const StoredValue* values);
  void remove(std::int64_t id);
  void setField(std::int64_t id, const FieldSpec& field, std::optional<std::int64_t> value);

  std::int64_t maxId();
  std::int64_t rowCount();

  // Bulk load into an empty table: drops the table's secondary indexes (inside the caller's transaction)
  // so rows go in without index maintenance; restoreIndexes() rebuilds them in one pass each.
  void dropIndexes();
  void restoreIndexes();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Every row's key as import compares it: the key fields' stored values joined by '\x1f' (integers in
// decimal, references as surrogate ids), plus the text of `extraColumn` (may be empty).
void forEachStoredKey(Database& db, const EntitySpec& spec, std::string_view extraColumn,
                      const std::function<void(std::string_view key, std::int64_t id, std::string_view extra)>& fn);

// Currencies with at least one fx_rate row.
std::vector<std::string> currenciesWithRates(Database& db);

// Ids of the given opportunities whose splits do not sum to 100 %, with their external id and sum (hundredths).
struct SplitSum {
  std::int64_t opportunityId = 0;
  std::string externalId;
  std::int64_t hundredths = 0;
};
std::vector<SplitSum> badSplitSums(Database& db, const std::vector<std::int64_t>& opportunityIds);
// Removes every split of the opportunity (skip-bad-rows: a bad set of splits is dropped as a whole).
void removeSplits(Database& db, std::int64_t opportunityId);

// Defers foreign key checks to COMMIT for the current transaction: import writes a rep before the manager
// it names when the manager comes later in the file (cycles included); any violation left fails the commit.
void deferForeignKeys(Database& db);

// For a bulk import, constructed BEFORE its transaction (SQLite ignores foreign_keys inside one): a larger
// page cache, and foreign key enforcement off, because import resolves every reference itself against the
// keys of the workbook and of the rows it wrote, and SQLite's per-row parent lookups cost ~15% of a load.
// The destructor (after the transaction has ended) restores both.
class BulkTuning {
 public:
  explicit BulkTuning(Database& db);
  ~BulkTuning();
  BulkTuning(const BulkTuning&) = delete;
  BulkTuning& operator=(const BulkTuning&) = delete;

 private:
  Database& db_;
  std::int64_t previousCacheSize_ = 0;
  std::int64_t previousForeignKeys_ = 1;
};

}  // namespace salesops
