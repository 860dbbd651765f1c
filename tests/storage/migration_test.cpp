#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>

#include "common/Error.h"
#include "domain/EntitySchema.h"
#include "services/WorkbookCheck.h"
#include "storage/Migrations.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Golden workbooks sit in the source tree; tests run from the repository root (salesops_test_folder), and
// __FILE__ is not absolute under every compiler cache setting.
fs::path goldenDir() { return fs::path("tests") / "data" / "workbooks"; }

// v<N>.salesops, ascending by N.
std::vector<std::pair<int, fs::path>> goldenWorkbooks() {
  std::vector<std::pair<int, fs::path>> found;
  const std::regex name(R"(v(\d+)\.salesops)");
  for (const auto& entry : fs::directory_iterator(goldenDir())) {
    std::smatch match;
    const std::string file = entry.path().filename().string();
    if (std::regex_match(file, match, name)) found.emplace_back(std::stoi(match[1]), entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

struct Table {
  std::vector<std::string> columns;
  std::vector<std::string> rows;  // each row as SQL literals joined by '|'
};
using Snapshot = std::map<std::string, Table>;

std::vector<std::string> rowsOf(Database& db, const std::string& table, const std::vector<std::string>& columns) {
  std::string select;
  for (const auto& c : columns) select += (select.empty() ? "" : " || '|' || ") + ("quote(\"" + c + "\")");
  auto query = db.prepare("SELECT " + select + " FROM \"" + table + "\" ORDER BY 1");
  std::vector<std::string> rows;
  while (query.step()) rows.emplace_back(query.text(0));
  return rows;
}

Snapshot snapshot(Database& db) {
  Snapshot tables;
  auto names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (names.step()) {
    Table& table = tables[std::string(names.text(0))];
    auto info = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    info.bind(1, names.text(0));
    while (info.step()) table.columns.emplace_back(info.text(0));
  }
  for (auto& [name, table] : tables) table.rows = rowsOf(db, name, table.columns);
  return tables;
}

Snapshot snapshotOf(const fs::path& file) {
  auto db = Database::open(file, Database::Mode::ReadOnly);
  return snapshot(db);
}

// Numbers are handed out to features developed side by side, so a branch may skip some (0004 before 0002 is
// merged); the runner applies whatever is above the file's version in increasing order.
// With every feature merged there is no gap: a released workbook at version N has had every migration up to
// N, so a later one numbered below N would never run on it.
TEST(MigrationTest, MigrationsAreNumberedFromOneWithoutGaps) {
  const auto& all = migrations();
  ASSERT_FALSE(all.empty());
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
    EXPECT_FALSE(all[i].name.empty());
    EXPECT_NE(all[i].sql.find("CREATE"), std::string_view::npos);
  }
  EXPECT_EQ(all.front().name, "0001_initial");
  EXPECT_EQ(Workbook::currentSchemaVersion(), all.back().version);
}

TEST(MigrationTest, EmptyDatabaseMigratesToCurrentWithEveryEntityTable) {
  auto db = Database::openInMemory();
  migrate(db);
  EXPECT_EQ(db.queryInt("PRAGMA user_version"), Workbook::currentSchemaVersion());
  for (const auto& entity : entities()) {
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM " + std::string(entity.table)), 0) << entity.name;
  }
  migrate(db);  // nothing left to do, and no error for it
  EXPECT_EQ(db.queryInt("PRAGMA user_version"), Workbook::currentSchemaVersion());
}

TEST(MigrationTest, AFailingMigrationLeavesTheVersionAndSchemaAsTheyWere) {
  auto db = Database::openInMemory();
  db.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");  // clashes with 0001
  EXPECT_THROW(migrate(db), Error);
  EXPECT_EQ(db.queryInt("PRAGMA user_version"), 0);
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'rep'"), 0);
}

TEST(MigrationTest, EveryGoldenWorkbookOpensAndMigratesWithItsDataIntact) {
  const auto golden = goldenWorkbooks();
  ASSERT_FALSE(golden.empty()) << "no golden workbooks in " << goldenDir();
  EXPECT_EQ(golden.back().first, Workbook::currentSchemaVersion())
      << "add tests/data/workbooks/v" << Workbook::currentSchemaVersion() << ".salesops for the newest schema";
  for (const auto& [version, file] : golden) {
    SCOPED_TRACE(file.filename().string());
    TempDir dir;
    const auto copy = dir / "book.salesops";
    fs::copy_file(file, copy);
    const Snapshot before = snapshotOf(copy);
    {
      auto workbook = Workbook::open(copy);
      EXPECT_EQ(workbook->schemaVersion(), Workbook::currentSchemaVersion());
      if (version < Workbook::currentSchemaVersion()) {
        ASSERT_TRUE(workbook->migrationBackup().has_value());
        EXPECT_EQ(*workbook->migrationBackup(), dir / ("book.salesops.v" + std::to_string(version) + ".bak"));
      } else {
        EXPECT_FALSE(workbook->migrationBackup().has_value());
      }
      EXPECT_TRUE(checkWorkbook(*workbook).empty());
      auto after = snapshot(workbook->db());
      for (const auto& [name, table] : before) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(after.count(name));
        auto rows = rowsOf(workbook->db(), name, table.columns);
        if (name == "audit_log") rows.resize(std::min(rows.size(), table.rows.size()));  // + "migrate"
        EXPECT_EQ(rows, table.rows);
      }
    }
    if (version < Workbook::currentSchemaVersion()) {
      const auto backup = dir / ("book.salesops.v" + std::to_string(version) + ".bak");
      const Snapshot saved = snapshotOf(backup);
      EXPECT_EQ(saved.size(), before.size());
      for (const auto& [name, table] : before) EXPECT_EQ(saved.at(name).rows, table.rows) << name;
    }
  }
}

TEST(MigrationTest, TheGoldenWorkbookOfEachVersionHasRowsInEveryTable) {
  for (const auto& [version, file] : goldenWorkbooks()) {
    TempDir dir;
    fs::copy_file(file, dir / "copy.salesops");  // even a read-only open may leave -wal/-shm beside a file
    for (const auto& [name, table] : snapshotOf(dir / "copy.salesops")) {
      EXPECT_FALSE(table.rows.empty()) << file.filename() << ": table " << name << " is empty";
    }
    EXPECT_LT(fs::file_size(file), 100u * 1024) << file.filename();
  }
}

TEST(MigrationTest, GoldenFilesAreLeftPristine) {
  // Tests work on copies; a stray -wal or .lock beside a golden file means something opened it in place.
  for (const auto& [version, file] : goldenWorkbooks()) {
    EXPECT_FALSE(fs::exists(file.string() + "-wal")) << file;
    EXPECT_FALSE(fs::exists(file.string() + ".lock")) << file;
  }
}

}  // namespace
}  // namespace salesops
