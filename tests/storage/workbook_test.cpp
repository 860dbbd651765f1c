#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "common/Error.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using testing::TempDir;
using testing::writeFile;

// Runs `action`, which must throw salesops::Error, and returns it.
template <typename F>
Error errorOf(F&& action) {
  try {
    action();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no Error was thrown";
  return Error(ErrorKind::Internal, "none");
}

std::vector<std::string> filesIn(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Sets user_version behind the program's back, as a newer release would have.
void setUserVersionRaw(const fs::path& path, int version) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.string().c_str(), &db), SQLITE_OK);
  const std::string sql = "PRAGMA journal_mode = DELETE; PRAGMA user_version = " + std::to_string(version);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

// True when this process can create files in `dir` even without write permission (root does).
bool canWriteAnyway(const fs::path& dir) {
  try {
    writeFile(dir / "probe", "x");
  } catch (const std::exception&) {
    return false;
  }
  fs::remove(dir / "probe");
  return true;
}

TEST(WorkbookTest, CreateWritesDefaultStagesAndSettings) {
  TempDir dir;
  WorkbookSettings settings;
  settings.currency = "EUR";
  settings.fiscalYearStartMonth = 2;
  settings.asOf = Date::fromCivil(2026, 3, 31);
  auto workbook = Workbook::create(dir / "new.salesops", settings);
  EXPECT_EQ(workbook->schemaVersion(), Workbook::currentSchemaVersion());
  EXPECT_FALSE(workbook->readOnly());
  EXPECT_EQ(workbook->settings().currency, "EUR");
  EXPECT_EQ(workbook->settings().fiscalYearStartMonth, 2);
  EXPECT_EQ(workbook->settings().asOf, Date::fromCivil(2026, 3, 31));
  EXPECT_EQ(workbook->fiscalCalendar().startMonth(), 2);

  {  // statements keep the connection open; they must be gone before the close is checked below
    auto stages = workbook->db().prepare("SELECT name, kind, probability, sort_order FROM stage ORDER BY sort_order");
    std::string listed;
    while (stages.step()) {
      listed += std::string(stages.text(0)) + "/" + std::string(stages.text(1)) + "/" +
                std::to_string(stages.int64(2)) + "/" + std::to_string(stages.int64(3)) + ";";
    }
    EXPECT_EQ(listed,
              "Prospecting/open/1000/1;Qualification/open/2000/2;Needs Analysis/open/3000/3;Proposal/open/6000/4;"
              "Negotiation/open/8000/5;Closed Won/won/10000/6;Closed Lost/lost/0/7;");

    auto audit = workbook->db().prepare("SELECT action, actor, at FROM audit_log");
    ASSERT_TRUE(audit.step());
    EXPECT_EQ(audit.text(0), "init");
    EXPECT_FALSE(audit.text(1).empty());
    EXPECT_TRUE(std::regex_match(std::string(audit.text(2)), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    EXPECT_FALSE(audit.step());

    EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM settings WHERE key = 'created_by'"), 1);
    auto mode = workbook->db().prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
  }
  EXPECT_TRUE(fs::exists(dir / "new.salesops.lock"));
  workbook.reset();
  EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"new.salesops"});
}

TEST(WorkbookTest, CreateWithoutAsOfStoresNone) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "a.salesops");
  EXPECT_EQ(workbook->settings().currency, "USD");
  EXPECT_EQ(workbook->settings().fiscalYearStartMonth, 1);
  EXPECT_EQ(workbook->settings().asOf, std::nullopt);
}

TEST(WorkbookTest, CreateRefusesAnExistingFileAndLeavesIt) {
  TempDir dir;
  writeFile(dir / "mine.salesops", "precious");
  const auto error = errorOf([&] { Workbook::create(dir / "mine.salesops"); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook);
  EXPECT_NE(error.message().find("already exists"), std::string::npos) << error.message();
  EXPECT_EQ(readFile(dir / "mine.salesops"), "precious");
  EXPECT_EQ(filesIn(dir.path()), std::vector<std::string>{"mine.salesops"});
}

TEST(WorkbookTest, CreateRejectsBadSettingsWithoutMakingAFile) {
  TempDir dir;
  WorkbookSettings lower;
  lower.currency = "usd";
  EXPECT_EQ(errorOf([&] { Workbook::create(dir / "a.salesops", lower); }).kind(), ErrorKind::Usage);
  WorkbookSettings month;
  month.fiscalYearStartMonth = 13;
  EXPECT_EQ(errorOf([&] { Workbook::create(dir / "a.salesops", month); }).kind(), ErrorKind::Usage);
  EXPECT_TRUE(filesIn(dir.path()).empty());
}

TEST(WorkbookTest, FailedCreateRemovesTheHalfMadeFile) {
  TempDir dir;
  // A folder where SQLite wants its write-ahead log makes the first write fail after the file exists.
  fs::create_directory(dir / "broken.salesops-wal");
  writeFile(dir / "broken.salesops-wal" / "keep", "x");
  const auto error = errorOf([&] { Workbook::create(dir / "broken.salesops"); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook) << error.message();
  EXPECT_FALSE(fs::exists(dir / "broken.salesops"));
  EXPECT_FALSE(fs::exists(dir / "broken.salesops.lock"));
  EXPECT_FALSE(fs::exists(dir / "broken.salesops-shm"));
}

TEST(WorkbookTest, CreateIgnoresTheStaleLogOfADeletedWorkbook) {
  // SQLite drops a log found beside an empty main file; create() relies on that instead of deleting files.
  TempDir dir;
  {
    auto old = Workbook::create(dir / "reused.salesops");
    old->db().exec("INSERT INTO rep(external_id) VALUES ('OLD')");
    // Keep the committed row in the log only, as a crash would, then "delete" the workbook but not its log.
    fs::copy_file(dir / "reused.salesops-wal", dir / "saved-wal");
  }
  fs::remove(dir / "reused.salesops");
  fs::rename(dir / "saved-wal", dir / "reused.salesops-wal");
  auto workbook = Workbook::create(dir / "reused.salesops");
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM rep"), 0);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM stage"), 7);
}

TEST(WorkbookTest, OpenMissingFileSaysSo) {
  TempDir dir;
  const auto error = errorOf([&] { Workbook::open(dir / "nope.salesops"); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook);
  EXPECT_EQ(error.message(), (dir / "nope.salesops").string() + ": no such workbook");
  EXPECT_TRUE(filesIn(dir.path()).empty());
}

TEST(WorkbookTest, NonSqliteFilesAreRefusedUntouched) {
  TempDir dir;
  const std::string junk = "name,amount\nAcme,100\n" + std::string(5000, 'z');
  writeFile(dir / "sales.csv", junk);
  writeFile(dir / "empty.salesops", "");
  for (auto access : {Workbook::Access::ReadWrite, Workbook::Access::ReadOnly}) {
    for (const char* name : {"sales.csv", "empty.salesops"}) {
      const auto error = errorOf([&] { Workbook::open(dir / name, access); });
      EXPECT_EQ(error.kind(), ErrorKind::Workbook);
      EXPECT_EQ(error.message(), (dir / name).string() + " is not a SalesOps workbook (not a SQLite file)");
    }
  }
  EXPECT_EQ(readFile(dir / "sales.csv"), junk);
  EXPECT_EQ(readFile(dir / "empty.salesops"), "");
  EXPECT_EQ(filesIn(dir.path()), (std::vector<std::string>{"empty.salesops", "sales.csv"}));
}

TEST(WorkbookTest, ForeignSqliteFileIsNotAWorkbook) {
  TempDir dir;
  {
    auto other = Database::open(dir / "other.db", Database::Mode::Create);
    other.exec("CREATE TABLE notes (body TEXT)");
  }
  const std::string before = readFile(dir / "other.db");
  const auto error = errorOf([&] { Workbook::open(dir / "other.db"); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook);
  EXPECT_EQ(error.message(), (dir / "other.db").string() + " is not a SalesOps workbook");
  EXPECT_EQ(readFile(dir / "other.db"), before);
}

TEST(WorkbookTest, NewerSchemaIsRefusedAndTheFileStaysByteIdentical) {
  TempDir dir;
  const auto path = dir / "future.salesops";
  Workbook::create(path).reset();
  setUserVersionRaw(path, Workbook::currentSchemaVersion() + 41);
  const std::string before = readFile(path);
  const auto filesBefore = filesIn(dir.path());
  for (auto access : {Workbook::Access::ReadWrite, Workbook::Access::ReadOnly}) {
    const auto error = errorOf([&] { Workbook::open(path, access); });
    EXPECT_EQ(error.kind(), ErrorKind::Workbook);
    const int newer = Workbook::currentSchemaVersion() + 41;
    EXPECT_EQ(error.message(), path.string() + " was written by a newer SalesOps Workbench (schema " +
                                   std::to_string(newer) + ", this program knows " +
                                   std::to_string(Workbook::currentSchemaVersion()) + "); it was left untouched");
  }
  EXPECT_EQ(readFile(path), before);
  EXPECT_EQ(filesIn(dir.path()), filesBefore);
}

TEST(WorkbookTest, NewerSchemaStillOnlyInTheWriteAheadLogIsRefused) {
  TempDir dir;
  const auto path = dir / "future.salesops";
  Workbook::create(path).reset();
  // Another program holds the file open with the bump not yet checkpointed: the header still says 1.
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path.string().c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "PRAGMA user_version = 77", nullptr, nullptr, nullptr), SQLITE_OK);
  const auto error = errorOf([&] { Workbook::open(path); });
  EXPECT_NE(error.message().find("newer SalesOps Workbench (schema 77"), std::string::npos) << error.message();
  sqlite3_close(other);
}

TEST(WorkbookTest, SettingsAreSavedAndAudited) {
  TempDir dir;
  const auto path = dir / "s.salesops";
  {
    auto workbook = Workbook::create(path);
    WorkbookSettings settings;
    settings.currency = "GBP";
    settings.fiscalYearStartMonth = 4;
    settings.asOf = Date::fromCivil(2025, 12, 31);
    workbook->saveSettings(settings);
    settings.asOf.reset();
    workbook->saveSettings(settings);
  }
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  EXPECT_TRUE(workbook->readOnly());
  EXPECT_EQ(workbook->settings().currency, "GBP");
  EXPECT_EQ(workbook->settings().fiscalYearStartMonth, 4);
  EXPECT_EQ(workbook->settings().asOf, std::nullopt);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM audit_log WHERE action = 'settings'"), 2);
}

TEST(WorkbookTest, BadSettingsAreRefusedAndNothingChanges) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "s.salesops");
  WorkbookSettings settings;
  settings.fiscalYearStartMonth = 0;
  EXPECT_EQ(errorOf([&] { workbook->saveSettings(settings); }).kind(), ErrorKind::Usage);
  EXPECT_EQ(workbook->settings().fiscalYearStartMonth, 1);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM audit_log"), 1);
}

TEST(WorkbookTest, ReadOnlyOpenWorksWhileAWriterHoldsIt) {
  TempDir dir;
  const auto path = dir / "shared.salesops";
  auto writer = Workbook::create(path);
  writer->db().exec("INSERT INTO rep(external_id, name) VALUES ('R1', 'Ann')");
  auto reader = Workbook::open(path, Workbook::Access::ReadOnly);
  EXPECT_TRUE(reader->readOnly());
  EXPECT_EQ(reader->db().queryInt("SELECT count(*) FROM rep"), 1);
  EXPECT_EQ(errorOf([&] { reader->db().exec("DELETE FROM rep"); }).kind(), ErrorKind::Workbook);
  writer->db().exec("INSERT INTO rep(external_id, name) VALUES ('R2', 'Bo')");
  EXPECT_EQ(reader->db().queryInt("SELECT count(*) FROM rep"), 2);
}

TEST(WorkbookTest, SecondWriterInTheSameProcessGetsInUse) {
  TempDir dir;
  const auto path = dir / "busy.salesops";
  auto first = Workbook::create(path);
  const auto error = errorOf([&] { Workbook::open(path); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook);
  EXPECT_NE(error.message().find("workbook in use by salesops pid"), std::string::npos) << error.message();
  EXPECT_NE(error.message().find("close it there first"), std::string::npos) << error.message();
  first.reset();
  EXPECT_NO_THROW(Workbook::open(path));
}

TEST(WorkbookTest, ExceptionInsideATransactionLeavesNothing) {
  TempDir dir;
  const auto path = dir / "r.salesops";
  {
    auto workbook = Workbook::create(path);
    EXPECT_THROW(
        {
          Transaction transaction(workbook->db());
          workbook->db()
              .prepare("INSERT INTO rep(external_id, name) VALUES (?1, ?2)")
              .bind(1, std::string_view("R1"))
              .bind(2, std::string_view("Ann"))
              .run();
          workbook->audit("import", "rep", "1 row");
          throw std::runtime_error("the import failed on row 2");
        },
        std::runtime_error);
  }
  auto workbook = Workbook::open(path, Workbook::Access::ReadOnly);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM rep"), 0);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM audit_log"), 1);
}

TEST(WorkbookTest, CreateInAReadOnlyFolderFailsClearly) {
  TempDir dir;
  fs::create_directory(dir / "locked");
  fs::permissions(dir / "locked", fs::perms::owner_read | fs::perms::owner_exec);
  if (canWriteAnyway(dir / "locked")) GTEST_SKIP() << "this user can write into read-only folders (root)";
  const auto path = dir / "locked" / "w.salesops";
  const auto error = errorOf([&] { Workbook::create(path); });
  EXPECT_EQ(error.kind(), ErrorKind::Workbook);
  EXPECT_EQ(error.message(), "cannot lock " + path.string() + ": the folder is read-only");
}

TEST(WorkbookTest, BackupToCopiesTheWholeWorkbook) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "w.salesops");
  workbook->db().exec("INSERT INTO rep(external_id, name) VALUES ('R1', 'Ann')");
  workbook->backupTo(dir / "copy.salesops");
  auto copy = Workbook::open(dir / "copy.salesops", Workbook::Access::ReadOnly);
  EXPECT_EQ(copy->db().queryInt("SELECT count(*) FROM rep"), 1);
  EXPECT_EQ(copy->db().queryInt("SELECT count(*) FROM stage"), 7);
  EXPECT_EQ(copy->schemaVersion(), Workbook::currentSchemaVersion());
}

}  // namespace
}  // namespace salesops
