#pragma once
// A workbook: one SQLite file holding every record, the settings and the audit log (DOMAIN.md).
// Opening takes the writer lock (a second writer gets "workbook in use"), refuses files newer than this
// program, and migrates older ones forward after writing a backup copy. Not thread-safe.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/Period.h"
#include "storage/Database.h"
#include "storage/WorkbookLock.h"

namespace salesops {

struct WorkbookSettings {
  std::string currency = "USD";  // corporate currency, ISO 4217
  int fiscalYearStartMonth = 1;  // 1..12
  std::optional<Date> asOf;      // the "as of" date for KPIs; empty = today
};

class Workbook {
 public:
  enum class Access { ReadOnly, ReadWrite };

  // The schema version this program writes (the highest migration).
  static int currentSchemaVersion() noexcept;

  // Creates a new, empty workbook with the default stages (CLI.md). Fails if the file exists.
  static std::unique_ptr<Workbook> create(const std::filesystem::path& path, const WorkbookSettings& settings = {});
  // Opens an existing workbook. Errors, all ErrorKind::Workbook and naming the file: missing, not a SQLite
  // file / not a workbook, newer schema (file untouched), locked by another writer, unreadable.
  static std::unique_ptr<Workbook> open(const std::filesystem::path& path, Access access = Access::ReadWrite);

  ~Workbook();

  Database& db() noexcept { return db_; }
  const std::filesystem::path& path() const noexcept { return db_.path(); }
  bool readOnly() const noexcept { return db_.readOnly(); }
  int schemaVersion();

  WorkbookSettings settings();
  FiscalCalendar fiscalCalendar();
  void saveSettings(const WorkbookSettings& settings);  // in a transaction, audited

  // Appends an audit row (who = the OS user name, when = now UTC). Call inside the change's transaction.
  void audit(const std::string& action, const std::string& entity, const std::string& detail);

  // Path of the backup written before the last migration, if one ran when opening.
  const std::optional<std::filesystem::path>& migrationBackup() const noexcept { return migrationBackup_; }

  // Copies the whole workbook to `target` with SQLite's backup API (consistent while open).
  void backupTo(const std::filesystem::path& target);

 private:
  Workbook(Database db, std::unique_ptr<WorkbookLock> lock);
  Database db_;
  std::unique_ptr<WorkbookLock> lock_;
  std::optional<std::filesystem::path> migrationBackup_;
};

}  // namespace salesops
