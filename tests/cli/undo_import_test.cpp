#include <gtest/gtest.h>

#include <map>

#include "CliTestSupport.h"
#include "storage/Database.h"

namespace salesops {
namespace {

using testing::lines;
using testing::runCli;
using testing::TempDir;
using testing::writeFile;

class UndoImportCli : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(runCli({"init", book()}).code, 0); }
  std::string book() const { return (dir / "book.salesops").string(); }
  // Writes the files into a new folder and imports it through the CLI.
  void importFolder(const std::string& name, const std::map<std::string, std::string>& files) {
    std::filesystem::create_directories(dir / name);
    for (const auto& [file, content] : files) writeFile(dir / name / file, content);
    const auto imported = runCli({"import", book(), (dir / name).string()});
    ASSERT_EQ(imported.code, 0) << imported.err;
  }
  std::int64_t query(const std::string& sql) const {
    auto db = Database::open(book(), Database::Mode::ReadOnly);
    return db.queryInt(sql);
  }

  TempDir dir;
};

const std::string kReps = "rep_id,name,team\nR1,Ann,East\nR2,Bob,East\n";

TEST_F(UndoImportCli, UndoesTheNewestImportAndSaysWhatItWas) {
  importFolder("first", {{"reps.csv", kReps}});
  importFolder("second", {{"reps.csv", "rep_id,name,team\nR1,Ann,West\nR3,Cy,West\n"}});

  const auto undo = runCli({"undo-import", book()});
  ASSERT_EQ(undo.code, 0) << undo.err;
  const auto out = lines(undo.out);
  ASSERT_EQ(out.size(), 3u) << undo.out;
  EXPECT_EQ(out[0].rfind("Undid import batch 2 of ", 0), 0u) << out[0];
  EXPECT_NE(out[0].find("native: " + (dir / "second").string()), std::string::npos) << out[0];
  // The second import inserted R3 and updated R1's team.
  EXPECT_EQ(out[1], "  it had 1 inserted, 1 updated, 0 deleted");
  EXPECT_EQ(out[2], "  1 inserted rows removed, 1 rows restored to their state before it");
  EXPECT_EQ(query("SELECT count(*) FROM rep"), 2);
  EXPECT_EQ(query("SELECT count(*) FROM rep WHERE team = 'East'"), 2);
}

TEST_F(UndoImportCli, ListsTheBatchesNewestFirstAndChangesNothing) {
  importFolder("first", {{"reps.csv", kReps}});
  importFolder("second", {{"reps.csv", "rep_id,name\nR3,Cy\n"}});
  ASSERT_EQ(runCli({"undo-import", book()}).code, 0);

  const auto listed = runCli({"undo-import", book(), "--list"});
  ASSERT_EQ(listed.code, 0) << listed.err;
  const auto out = lines(listed.out);
  ASSERT_EQ(out.size(), 3u) << listed.out;
  EXPECT_EQ(out[0], "batch\tstarted\tsource\tcounts\tundone");
  EXPECT_EQ(out[1].rfind("2\t", 0), 0u) << out[1];
  EXPECT_NE(out[1].find("\t1 inserted, 0 updated, 0 deleted\t20"), std::string::npos) << out[1];  // undone at
  EXPECT_EQ(out[2].rfind("1\t", 0), 0u) << out[2];
  EXPECT_NE(out[2].find("\t2 inserted, 0 updated, 0 deleted\tno"), std::string::npos) << out[2];
  EXPECT_EQ(query("SELECT count(*) FROM rep"), 2);
}

TEST_F(UndoImportCli, NothingToUndoIsADataError) {
  const auto undo = runCli({"undo-import", book()});
  EXPECT_EQ(undo.code, 3);
  EXPECT_NE(undo.err.find("there is no import to undo"), std::string::npos) << undo.err;
  EXPECT_EQ(lines(runCli({"undo-import", book(), "--list"}).out), std::vector<std::string>{"No imports recorded."});
}

TEST_F(UndoImportCli, RefusesWhenTheWorkbookChangedSince) {
  importFolder("first", {{"reps.csv", kReps}});
  {
    // A territory edit after the import, as the service records it (the test writes the audit row only:
    // the undo decides from the log).
    auto db = Database::open(book(), Database::Mode::ReadWrite);
    db.exec(
        "INSERT INTO audit_log (at, actor, action, entity, detail) VALUES ('2099-01-01T00:00:00Z', 'test', "
        "'territory add', 'territory', 'model M territory T')");
  }
  const auto undo = runCli({"undo-import", book()});
  EXPECT_EQ(undo.code, 3);
  EXPECT_NE(undo.err.find("changed since (\"territory add\" territory at 2099-01-01T00:00:00Z)"), std::string::npos)
      << undo.err;
  EXPECT_EQ(query("SELECT count(*) FROM rep"), 2);
}

}  // namespace
}  // namespace salesops
