#include "storage/Workbook.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <system_error>

#include "common/Error.h"
#include "common/Logging.h"
#include "storage/Migrations.h"

#ifndef _WIN32
#include <pwd.h>
#include <unistd.h>
#endif

#ifndef SALESOPS_VERSION
#define SALESOPS_VERSION "0.1.0"
#endif

namespace salesops {
namespace {

namespace fs = std::filesystem;

struct DefaultStage {
  const char* name;
  const char* kind;
  int probability;  // hundredths of a percent
};

// CLI.md's default pipeline; sort_order is the position in this list, starting at 1.
constexpr std::array<DefaultStage, 7> kDefaultStages{{{"Prospecting", "open", 1000},
                                                      {"Qualification", "open", 2000},
                                                      {"Needs Analysis", "open", 3000},
                                                      {"Proposal", "open", 6000},
                                                      {"Negotiation", "open", 8000},
                                                      {"Closed Won", "won", 10000},
                                                      {"Closed Lost", "lost", 0}}};

auto log() { return logger("salesops.storage"); }

std::string osUser() {
#ifdef _WIN32
  if (const char* u = std::getenv("USERNAME"); u && *u) return u;
#else
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
#endif
  return "unknown";
}

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
#ifdef _WIN32
  gmtime_s(&parts, &now);
#else
  gmtime_r(&now, &parts);
#endif
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return buffer;
}

void validate(const WorkbookSettings& s) {
  const bool isoCode = s.currency.size() == 3 &&
                       std::all_of(s.currency.begin(), s.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (!isoCode) throw Error(ErrorKind::Usage, "currency \"" + s.currency + "\" is not an ISO 4217 code like USD");
  if (s.fiscalYearStartMonth < 1 || s.fiscalYearStartMonth > 12) {
    throw Error(ErrorKind::Usage,
                "fiscal year start month " + std::to_string(s.fiscalYearStartMonth) + " is not between 1 and 12");
  }
}

[[noreturn]] void notAWorkbook(const fs::path& path, const std::string& why) {
  throw Error(ErrorKind::Workbook, path.string() + " is not a SalesOps workbook" + why);
}

[[noreturn]] void newerSchema(const fs::path& path, std::int64_t version) {
  throw Error(ErrorKind::Workbook, path.string() + " was written by a newer SalesOps Workbench (schema " +
                                       std::to_string(version) + ", this program knows " +
                                       std::to_string(Workbook::currentSchemaVersion()) + "); it was left untouched");
}

// Looks at the file with plain reads before SQLite touches it: SQLite would happily treat an empty or
// foreign file as a new database, and even a read-only connection may create -wal/-shm files beside it.
// Returns the user_version recorded in the header (bytes 60..63, big-endian).
std::int64_t inspectHeader(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) throw Error(ErrorKind::Workbook, path.string() + ": no such workbook");
  if (fs::is_directory(status)) notAWorkbook(path, " (it is a folder)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Workbook, "cannot open " + path.string() + ": the file is not readable");
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
  static constexpr char kMagic[] = "SQLite format 3";  // 16 bytes with its terminating NUL, as in the file
  if (in.gcount() < static_cast<std::streamsize>(header.size()) || std::memcmp(header.data(), kMagic, 16) != 0) {
    notAWorkbook(path, " (not a SQLite file)");
  }
  return (std::int64_t{header[60]} << 24) | (header[61] << 16) | (header[62] << 8) | header[63];
}

// The header may be stale when a write-ahead log holds newer pages, so SQLite's own answer decides.
std::int64_t checkSchema(Database& db) {
  const auto version = db.queryInt("PRAGMA user_version");
  if (version > Workbook::currentSchemaVersion()) newerSchema(db.path(), version);
  const bool hasSettings =
      db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'settings'") > 0;
  if (version <= 0 || !hasSettings) notAWorkbook(db.path(), "");
  return version;
}

fs::path backupPathFor(const fs::path& path, std::int64_t version) {
  const std::string stem = path.filename().string() + ".v" + std::to_string(version);
  fs::path candidate = path.parent_path() / (stem + ".bak");
  // An earlier backup of the same version is kept: it may be the only copy of data lost since.
  for (int n = 2; fs::exists(candidate); ++n)
    candidate = path.parent_path() / (stem + "-" + std::to_string(n) + ".bak");
  return candidate;
}

// The file and SQLite's companions; folders of the same name are somebody else's and stay.
void removeHalfMade(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::path p = path;
    p += suffix;
    if (!fs::is_directory(fs::symlink_status(p, ignored))) fs::remove(p, ignored);
  }
}

void putSetting(Database& db, std::string_view key, std::string_view value) {
  db.prepare("INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

void writeSettings(Database& db, const WorkbookSettings& s) {
  putSetting(db, "currency", s.currency);
  putSetting(db, "fiscal_year_start_month", std::to_string(s.fiscalYearStartMonth));
  if (s.asOf) {
    putSetting(db, "as_of", s.asOf->toString());
  } else {
    db.prepare("DELETE FROM settings WHERE key = ?1").bind(1, std::string_view("as_of")).run();
  }
}

std::string describe(const WorkbookSettings& s) {
  return "currency=" + s.currency + " fiscal_year_start_month=" + std::to_string(s.fiscalYearStartMonth) +
         " as_of=" + (s.asOf ? s.asOf->toString() : std::string("today"));
}

}  // namespace

int Workbook::currentSchemaVersion() noexcept { return migrations().back().version; }

Workbook::Workbook(Database db, std::unique_ptr<WorkbookLock> lock) : db_(std::move(db)), lock_(std::move(lock)) {}

Workbook::~Workbook() {
  // Members die in reverse order, which would drop the lock before the connection's final checkpoint;
  // closing the connection first keeps that last write under the lock.
  Database closing = std::move(db_);
}

std::unique_ptr<Workbook> Workbook::create(const std::filesystem::path& path, const WorkbookSettings& settings) {
  validate(settings);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) throw Error(ErrorKind::Workbook, path.string() + " already exists");
  auto lock = WorkbookLock::acquire(path);
  // Exclusive creation: a file that appeared since the check above is never adopted, nor deleted below.
  if (std::FILE* file = std::fopen(path.string().c_str(), "wbx")) {
    std::fclose(file);
  } else if (errno == EEXIST) {
    throw Error(ErrorKind::Workbook, path.string() + " already exists");
  } else {
    throw Error(ErrorKind::Workbook, "cannot create " + path.string() + ": " + std::generic_category().message(errno));
  }
  try {
    std::unique_ptr<Workbook> workbook(new Workbook(Database::open(path, Database::Mode::Create), nullptr));
    Database& db = workbook->db_;
    // WAL lets read-only viewers (a second window, `info`) read while the writer works.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    migrate(db);
    Transaction transaction(db);
    writeSettings(db, settings);
    putSetting(db, "created_by", "SalesOps Workbench " SALESOPS_VERSION);
    auto insertStage = db.prepare("INSERT INTO stage(name, kind, probability, sort_order) VALUES (?1, ?2, ?3, ?4)");
    int order = 0;
    for (const auto& stage : kDefaultStages) {
      insertStage.bind(1, std::string_view(stage.name)).bind(2, std::string_view(stage.kind));
      insertStage.bind(3, stage.probability).bind(4, ++order).run();
    }
    workbook->audit("init", "", describe(settings));
    transaction.commit();
    workbook->lock_ = std::move(lock);
    log()->info("{}: created ({})", path.string(), describe(settings));
    return workbook;
  } catch (...) {
    removeHalfMade(path);
    throw;
  }
}

std::unique_ptr<Workbook> Workbook::open(const std::filesystem::path& path, Access access) {
  const int current = currentSchemaVersion();
  if (const auto headerVersion = inspectHeader(path); headerVersion > current) newerSchema(path, headerVersion);
  {
    // Read-only first: deciding "newer" or "not a workbook" must not write a byte.
    Database probe = Database::open(path, Database::Mode::ReadOnly);
    const auto version = checkSchema(probe);
    if (access == Access::ReadOnly) {
      if (version < current) {
        throw Error(ErrorKind::Workbook, path.string() + " has schema " + std::to_string(version) +
                                             ", older than this program's " + std::to_string(current) +
                                             "; open it once for writing to upgrade it");
      }
      return std::unique_ptr<Workbook>(new Workbook(std::move(probe), nullptr));
    }
  }
  auto lock = WorkbookLock::acquire(path);
  Database db = Database::open(path, Database::Mode::ReadWrite);
  if (sqlite3_db_readonly(db.handle(), "main") == 1) {
    throw Error(ErrorKind::Workbook, path.string() + ": the file is read-only; open it read-only or make it writable");
  }
  const auto version = checkSchema(db);  // again: another writer may have upgraded it meanwhile
  db.exec("PRAGMA synchronous = NORMAL");
  std::unique_ptr<Workbook> workbook(new Workbook(std::move(db), std::move(lock)));
  if (version < current) {
    const fs::path backup = backupPathFor(path, version);
    workbook->backupTo(backup);
    workbook->migrationBackup_ = backup;
    migrate(workbook->db_);
    Transaction transaction(workbook->db_);
    workbook->audit("migrate", "",
                    "schema " + std::to_string(version) + " -> " + std::to_string(current) + "; backup " +
                        backup.filename().string());
    transaction.commit();
    log()->info("{}: migrated schema {} -> {}, backup {}", path.string(), version, current, backup.string());
  }
  return workbook;
}

int Workbook::schemaVersion() { return static_cast<int>(db_.queryInt("PRAGMA user_version")); }

WorkbookSettings Workbook::settings() {
  WorkbookSettings s;
  auto query = db_.prepare("SELECT key, value FROM settings");
  while (query.step()) {
    const auto key = query.text(0);
    const auto value = query.text(1);
    const auto bad = [&] {
      return Error(ErrorKind::Workbook, path().string() + ": setting " + std::string(key) +
                                            " has the invalid value \"" + std::string(value) + "\"");
    };
    if (key == "currency") {
      s.currency = std::string(value);
    } else if (key == "fiscal_year_start_month") {
      int month = 0;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), month);
      if (ec != std::errc() || end != value.data() + value.size() || month < 1 || month > 12) throw bad();
      s.fiscalYearStartMonth = month;
    } else if (key == "as_of") {
      s.asOf = parseDate(value);
      if (!s.asOf) throw bad();
    }
  }
  return s;
}

FiscalCalendar Workbook::fiscalCalendar() { return FiscalCalendar(settings().fiscalYearStartMonth); }

void Workbook::saveSettings(const WorkbookSettings& settings) {
  validate(settings);
  Transaction transaction(db_);
  writeSettings(db_, settings);
  audit("settings", "settings", describe(settings));
  transaction.commit();
}

void Workbook::audit(const std::string& action, const std::string& entity, const std::string& detail) {
  auto insert = db_.prepare("INSERT INTO audit_log(at, actor, action, entity, detail) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, utcNow()).bind(2, osUser()).bind(3, action);
  if (entity.empty()) {
    insert.bindNull(4);
  } else {
    insert.bind(4, entity);
  }
  insert.bind(5, detail).run();
}

void Workbook::backupTo(const std::filesystem::path& target) {
  std::error_code ec;
  const bool existed = fs::exists(target, ec);
  try {
    Database destination = Database::open(target, Database::Mode::Create);
    sqlite3_backup* backup = sqlite3_backup_init(destination.handle(), "main", db_.handle(), "main");
    if (!backup) destination.fail(sqlite3_extended_errcode(destination.handle()), "starting the backup");
    const int stepped = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) destination.fail(stepped, "writing the backup");
    if (finished != SQLITE_OK) destination.fail(finished, "finishing the backup");
  } catch (...) {
    if (!existed) removeHalfMade(target);
    throw;
  }
}

}  // namespace salesops
