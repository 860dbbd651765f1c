#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <stdexcept>

#include "common/Error.h"
#include "storage/Database.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::TempDir;

ErrorKind kindOf(const std::function<void()>& action, std::string* message = nullptr) {
  try {
    action();
  } catch (const Error& e) {
    if (message) *message = e.message();
    return e.kind();
  }
  ADD_FAILURE() << "no Error was thrown";
  return ErrorKind::Internal;
}

TEST(DatabaseTest, BindsAndReadsEveryType) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE t (i INTEGER, r REAL, s TEXT, n TEXT)");
  db.prepare("INSERT INTO t VALUES (?1, ?2, ?3, ?4)")
      .bind(1, std::int64_t{1} << 40)
      .bind(2, 2.5)
      .bind(3, std::string_view("héllo\0x", 8))
      .bind(4, std::optional<std::string>{})
      .run();
  EXPECT_EQ(db.changes(), 1);
  EXPECT_EQ(db.lastInsertRowId(), 1);
  auto query = db.prepare("SELECT i, r, s, n FROM t");
  ASSERT_TRUE(query.step());
  EXPECT_EQ(query.columnCount(), 4);
  EXPECT_EQ(query.columnName(2), "s");
  EXPECT_EQ(query.int64(0), std::int64_t{1} << 40);
  EXPECT_DOUBLE_EQ(query.real(1), 2.5);
  EXPECT_EQ(query.text(2), std::string_view("héllo\0x", 8));
  EXPECT_TRUE(query.isNull(3));
  EXPECT_EQ(query.optionalText(3), std::nullopt);
  EXPECT_EQ(query.optionalInt64(0), std::int64_t{1} << 40);
  EXPECT_EQ(query.text(3), "");
  EXPECT_FALSE(query.step());
}

TEST(DatabaseTest, StatementIsReusableAfterRun) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE t (v INTEGER)");
  auto insert = db.prepare("INSERT INTO t VALUES (?1)");
  for (int i = 0; i < 5; ++i) insert.bind(1, i).run();
  EXPECT_EQ(db.queryInt("SELECT sum(v) FROM t"), 10);
}

TEST(DatabaseTest, ForeignKeysAreEnforced) {
  auto db = Database::openInMemory();
  EXPECT_EQ(db.queryInt("PRAGMA foreign_keys"), 1);
  db.exec("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id))");
  EXPECT_EQ(kindOf([&] { db.prepare("INSERT INTO c VALUES (?1)").bind(1, 42).run(); }), ErrorKind::Data);
}

TEST(DatabaseTest, ConstraintViolationIsADataError) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE t (k TEXT NOT NULL UNIQUE)");
  db.prepare("INSERT INTO t VALUES (?1)").bind(1, std::string_view("a")).run();
  std::string message;
  EXPECT_EQ(kindOf([&] { db.prepare("INSERT INTO t VALUES (?1)").bind(1, std::string_view("a")).run(); }, &message),
            ErrorKind::Data);
  EXPECT_NE(message.find("UNIQUE"), std::string::npos) << message;
}

TEST(DatabaseTest, SyntaxErrorIsInternal) {
  auto db = Database::openInMemory();
  EXPECT_EQ(kindOf([&] { db.prepare("SELEKT 1"); }), ErrorKind::Internal);
  EXPECT_EQ(kindOf([&] { db.exec("CREATE TABEL x (a)"); }), ErrorKind::Internal);
}

TEST(DatabaseTest, FailMapsResultCodesToWorkbookErrors) {
  TempDir dir;
  auto db = Database::open(dir / "x.db", Database::Mode::Create);
  const std::string path = (dir / "x.db").string();
  std::string message;

  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_FULL, "inserting"); }, &message), ErrorKind::Workbook);
  EXPECT_EQ(message, path + ": disk full; nothing was changed");
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_IOERR_WRITE, "writing"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find(path), std::string::npos);
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_BUSY, "writing"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find("workbook in use by another program"), std::string::npos) << message;
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_LOCKED, "writing"); }), ErrorKind::Workbook);
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_READONLY, "writing"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find("read-only"), std::string::npos) << message;
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_CANTOPEN, "opening"); }), ErrorKind::Workbook);
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_PERM, "opening"); }), ErrorKind::Workbook);
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_NOTADB, "reading"); }, &message), ErrorKind::Workbook);
  EXPECT_EQ(message, path + " is not a SalesOps workbook (not a SQLite file)");
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_CORRUPT, "reading"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find("is damaged"), std::string::npos) << message;
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_CONSTRAINT_UNIQUE, "inserting"); }), ErrorKind::Data);
  EXPECT_EQ(kindOf([&] { db.fail(SQLITE_MISUSE, "stepping"); }), ErrorKind::Internal);
}

TEST(DatabaseTest, OpeningAMissingFileForWritingFails) {
  TempDir dir;
  std::string message;
  EXPECT_EQ(kindOf([&] { Database::open(dir / "missing.db", Database::Mode::ReadWrite); }, &message),
            ErrorKind::Workbook);
  EXPECT_NE(message.find("missing.db"), std::string::npos) << message;
  EXPECT_FALSE(std::filesystem::exists(dir / "missing.db"));
  EXPECT_EQ(kindOf([&] { Database::open(dir / "missing.db", Database::Mode::ReadOnly); }), ErrorKind::Workbook);
}

TEST(DatabaseTest, ReadingAJunkFileSaysNotAWorkbook) {
  TempDir dir;
  testing::writeFile(dir / "junk.db", std::string(4096, 'x'));
  auto db = Database::open(dir / "junk.db", Database::Mode::ReadOnly);
  std::string message;
  EXPECT_EQ(kindOf([&] { db.queryInt("SELECT count(*) FROM sqlite_master"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find("is not a SalesOps workbook"), std::string::npos) << message;
}

TEST(DatabaseTest, ReadOnlyConnectionRefusesWrites) {
  TempDir dir;
  {
    auto db = Database::open(dir / "x.db", Database::Mode::Create);
    db.exec("CREATE TABLE t (v INTEGER)");
  }
  auto db = Database::open(dir / "x.db", Database::Mode::ReadOnly);
  EXPECT_TRUE(db.readOnly());
  std::string message;
  EXPECT_EQ(kindOf([&] { db.exec("INSERT INTO t VALUES (1)"); }, &message), ErrorKind::Workbook);
  EXPECT_NE(message.find("read-only"), std::string::npos) << message;
}

TEST(DatabaseTest, TransactionCommitsOnlyWhenAsked) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE t (v INTEGER)");
  {
    Transaction transaction(db);
    db.exec("INSERT INTO t VALUES (1)");
    transaction.commit();
  }
  {
    Transaction transaction(db);
    db.exec("INSERT INTO t VALUES (2)");
  }
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM t"), 1);
  EXPECT_EQ(sqlite3_get_autocommit(db.handle()), 1);
}

TEST(DatabaseTest, TransactionRollsBackWhenAnExceptionPassesThrough) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE t (v INTEGER)");
  EXPECT_THROW(
      {
        Transaction transaction(db);
        db.prepare("INSERT INTO t VALUES (?1)").bind(1, 7).run();
        throw std::runtime_error("import failed half-way");
      },
      std::runtime_error);
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM t"), 0);
  Transaction again(db);  // the connection is usable: no transaction was left open
  again.commit();
}

TEST(DatabaseTest, MovedFromDatabaseIsHarmless) {
  auto db = Database::openInMemory();
  Database other = std::move(db);
  EXPECT_EQ(other.queryInt("SELECT 40 + 2"), 42);
}

}  // namespace
}  // namespace salesops
