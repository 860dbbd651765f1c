#include "storage/Database.h"

#include <sqlite3.h>

#include <string>
#include <utility>

#include "common/Error.h"
#include "common/Logging.h"

namespace salesops {
namespace {

// Waiting this long for another connection's write covers a checkpoint or a short import commit, yet the
// user still gets "in use" quickly when another program holds a long write.
constexpr int kBusyTimeoutMs = 2000;

std::string shorten(std::string_view sql) {
  constexpr std::size_t kMax = 80;
  std::string s(sql.substr(0, kMax));
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (sql.size() > kMax) s += "...";
  return s;
}

// One mapping from SQLite's result codes to the typed errors of CLI.md, shared by open() (no Database yet)
// and fail(). `detail` is SQLite's own text, kept for the log and the cases where it is the best reason.
[[noreturn]] void throwFor(int rc, const std::filesystem::path& path, std::string_view context,
                           const std::string& detail) {
  const std::string where = path.empty() ? std::string(":memory:") : path.string();
  logger("salesops.storage")->warn("{}: {} failed: {} (sqlite {})", where, context, detail, rc);
  switch (rc & 0xff) {
    case SQLITE_FULL:
      throw Error(ErrorKind::Workbook, where + ": disk full; nothing was changed");
    case SQLITE_READONLY:
      throw Error(ErrorKind::Workbook, where + ": cannot write: the workbook or its folder is read-only");
    case SQLITE_CANTOPEN:
      throw Error(ErrorKind::Workbook, "cannot open " + where + ": the file or its folder is not accessible");
    case SQLITE_PERM:
    case SQLITE_AUTH:
      throw Error(ErrorKind::Workbook, where + ": permission denied");
    case SQLITE_IOERR:
      throw Error(ErrorKind::Workbook, where + ": the disk reported an input/output error (" + detail + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ErrorKind::Workbook, where + ": workbook in use by another program");
    case SQLITE_NOTADB:
      throw Error(ErrorKind::Workbook, where + " is not a SalesOps workbook (not a SQLite file)");
    case SQLITE_CORRUPT:
      throw Error(ErrorKind::Workbook, where + " is damaged (" + detail + ")");
    case SQLITE_CONSTRAINT:
      throw Error(ErrorKind::Data, detail);
    default:
      throw Error(ErrorKind::Internal,
                  where + ": " + std::string(context) + ": SQLite error " + std::to_string(rc) + ": " + detail);
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------- Database

Database::Database(sqlite3* db, std::filesystem::path path, bool readOnly) noexcept
    : db_(db), path_(std::move(path)), readOnly_(readOnly) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), readOnly_(other.readOnly_) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    readOnly_ = other.readOnly_;
  }
  return *this;
}

Database::~Database() {
  // close_v2 defers the close until forgotten statements are finalized instead of failing with BUSY.
  if (db_) sqlite3_close_v2(db_);
}

Database Database::open(const std::filesystem::path& path, Mode mode) {
  int flags = 0;
  switch (mode) {
    case Mode::ReadOnly:
      flags = SQLITE_OPEN_READONLY;
      break;
    case Mode::ReadWrite:
      flags = SQLITE_OPEN_READWRITE;
      break;
    case Mode::Create:
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
  }
  // A Database is used by one thread at a time (see the header), so SQLite's per-call connection mutex
  // only costs time: it is a measurable share of reading a million rows.
  flags |= SQLITE_OPEN_NOMUTEX;
  sqlite3* raw = nullptr;
  const std::string utf8 = path.string();
  const int rc = sqlite3_open_v2(utf8.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string detail = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close_v2(raw);
    throwFor(rc, path, "open", detail);
  }
  Database db(raw, path, mode == Mode::ReadOnly);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  db.exec("PRAGMA foreign_keys = ON");
  return db;
}

Database Database::openInMemory() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close_v2(raw);
    throwFor(rc, {}, "open", sqlite3_errstr(rc));
  }
  Database db(raw, {}, false);
  sqlite3_extended_result_codes(raw, 1);
  db.exec("PRAGMA foreign_keys = ON");
  return db;
}

void Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    throwFor(rc, path_, shorten(sql), detail);
  }
}

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }

std::int64_t Database::queryInt(std::string_view sql) {
  Statement statement(*this, sql);
  if (!statement.step()) throw Error(ErrorKind::Internal, "no result from: " + shorten(sql));
  return statement.int64(0);
}

std::int64_t Database::lastInsertRowId() const noexcept { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const noexcept { return sqlite3_changes(db_); }

void Database::fail(int rc, std::string_view context) const {
  // The connection's message belongs to the last call only when it failed with this very code.
  const bool ownMessage = db_ && (sqlite3_extended_errcode(db_) == rc || sqlite3_errcode(db_) == (rc & 0xff));
  throwFor(rc, path_, context, ownMessage ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
}

// --------------------------------------------------------------------------------------------- Statement

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, &tail);
  if (rc != SQLITE_OK) db.fail(rc, "preparing " + shorten(sql));
  if (!stmt_) throw Error(ErrorKind::Internal, "empty SQL statement: " + shorten(sql));
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

namespace {
void checkBind(Database* db, sqlite3_stmt* stmt, int rc, int index) {
  if (rc != SQLITE_OK) db->fail(rc, "binding parameter " + std::to_string(index) + " of " + shorten(sqlite3_sql(stmt)));
}
}  // namespace

Statement& Statement::bind(int index, std::int64_t value) {
  checkBind(db_, stmt_, sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  checkBind(db_, stmt_, sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  checkBind(db_, stmt_, sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
            index);
  return *this;
}

Statement& Statement::bindNull(int index) {
  checkBind(db_, stmt_, sqlite3_bind_null(stmt_, index), index);
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Reset now so a failed statement does not hold its read or write lock until it is destroyed.
  sqlite3_reset(stmt_);
  db_->fail(rc, shorten(sqlite3_sql(stmt_)));
}

void Statement::run() {
  step();
  sqlite3_reset(stmt_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int column) const noexcept { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::int64(int column) const noexcept { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const noexcept { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::text(int column) const noexcept {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!data) return {};
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const noexcept {
  if (isNull(column)) return std::nullopt;
  return int64(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
  if (isNull(column)) return std::nullopt;
  return std::string(text(column));
}

int Statement::columnCount() const noexcept { return sqlite3_column_count(stmt_); }

std::string_view Statement::columnName(int column) const noexcept {
  const char* name = sqlite3_column_name(stmt_, column);
  return name ? std::string_view(name) : std::string_view();
}

// ------------------------------------------------------------------------------------------- Transaction

// IMMEDIATE takes the write lock up front, so a conflict shows as "in use" before any work is done instead
// of as a deadlock-style BUSY when a deferred transaction tries to upgrade half-way.
Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  // SQLite already rolled back by itself after some errors (disk full, I/O); a second ROLLBACK would only
  // fail, and a destructor must not throw anyway.
  if (!done_ && db_.handle() && !sqlite3_get_autocommit(db_.handle())) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace salesops
