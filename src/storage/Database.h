#pragma once
// RAII wrappers over the sqlite3 C API: one connection, its prepared statements and transactions.
// Not thread-safe: one Database is used by one thread at a time. All SQL of the project lives in
// src/storage; values are always bound, never spliced into SQL text.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace salesops {

class Statement;

class Database {
 public:
  enum class Mode { ReadOnly, ReadWrite, Create };

  // Opens the file with foreign keys on and a busy timeout. Failure: Error(ErrorKind::Workbook) naming the
  // path ("cannot open …: reason"). Create makes the file if missing; ReadWrite requires it to exist.
  static Database open(const std::filesystem::path& path, Mode mode);
  static Database openInMemory();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements without results (schema, pragmas). Errors: Error(Internal or Workbook).
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  // A single integer result, e.g. "PRAGMA user_version" or "SELECT count(*) FROM rep".
  std::int64_t queryInt(std::string_view sql);
  std::int64_t lastInsertRowId() const noexcept;
  int changes() const noexcept;
  const std::filesystem::path& path() const noexcept { return path_; }
  bool readOnly() const noexcept { return readOnly_; }
  sqlite3* handle() const noexcept { return db_; }

  // Throws the Error that fits the SQLite result code rc (disk full, read-only, busy, corrupt, ...),
  // naming the workbook and `context`.
  [[noreturn]] void fail(int rc, std::string_view context) const;

 private:
  Database(sqlite3* db, std::filesystem::path path, bool readOnly) noexcept;
  sqlite3* db_ = nullptr;
  std::filesystem::path path_;
  bool readOnly_ = false;
};

// A prepared statement. Bind indexes are 1-based, column indexes 0-based (as in SQLite).
class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);  // copied by SQLite (SQLITE_TRANSIENT)
  Statement& bindNull(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bindNull(index);
  }

  // true: a row is available; false: done. Errors throw via Database::fail.
  bool step();
  // Steps a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();  // resets and clears bindings

  bool isNull(int column) const noexcept;
  std::int64_t int64(int column) const noexcept;
  double real(int column) const noexcept;
  // Valid until the next step/reset; empty for NULL.
  std::string_view text(int column) const noexcept;
  std::optional<std::int64_t> optionalInt64(int column) const noexcept;
  std::optional<std::string> optionalText(int column) const;
  int columnCount() const noexcept;
  std::string_view columnName(int column) const noexcept;

 private:
  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE on construction; commits only on commit(); rolls back in the destructor otherwise.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace salesops
