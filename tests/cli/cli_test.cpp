// End-to-end tests of salesops-cli: exit codes, messages and files, run in-process through cli::run and,
// for a few cases, through the real binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "CliTestSupport.h"
#include "cli/Cli.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::CliResult;
using testing::lines;
using testing::readFile;
using testing::runCli;
using testing::TempDir;
using testing::writeFile;

int runBinary(const std::string& arguments) {
  int status = std::system((std::string(SALESOPS_CLI_PATH) + " " + arguments + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

class CliTest : public ::testing::Test {
 protected:
  TempDir dir;
  std::string book(const std::string& name = "book.salesops") const { return (dir / name).string(); }
};

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(runCli({}).code, 2);
  auto unknown = runCli({"frobnicate"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("frobnicate"), std::string::npos) << unknown.err;
  EXPECT_EQ(runCli({"info", book(), "--no-such-option"}).code, 2);
  EXPECT_EQ(runCli({"init", book(), "--currency", "dollars"}).code, 2);
  EXPECT_EQ(runCli({"init", book(), "--fiscal-start-month", "13"}).code, 2);
  EXPECT_FALSE(std::filesystem::exists(book()));
}

TEST_F(CliTest, HelpListsTheCommands) {
  auto help = runCli({"--help"});
  EXPECT_EQ(help.code, 0);
  for (const char* verb : {"init", "demo", "info", "check", "import", "export"}) {
    EXPECT_NE(help.out.find(verb), std::string::npos) << verb;
  }
  EXPECT_EQ(runCli({"import", "--help"}).code, 0);
}

TEST_F(CliTest, InitCreatesAWorkbookAndRefusesToOverwrite) {
  auto created = runCli({"init", book(), "--currency", "EUR", "--fiscal-start-month", "2"});
  ASSERT_EQ(created.code, 0) << created.err;
  auto info = runCli({"info", book()});
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_NE(info.out.find("EUR"), std::string::npos) << info.out;
  auto again = runCli({"init", book()});
  EXPECT_EQ(again.code, 4);
  EXPECT_NE(again.err.find("book.salesops"), std::string::npos) << again.err;
}

TEST_F(CliTest, OpeningWhatIsNotAWorkbookExitsWithFour) {
  writeFile(dir / "notes.salesops", "just some text, not a database\n");
  auto result = runCli({"info", book("notes.salesops")});
  EXPECT_EQ(result.code, 4);
  EXPECT_NE(result.err.find("notes.salesops"), std::string::npos) << result.err;
  EXPECT_EQ(readFile(dir / "notes.salesops"), "just some text, not a database\n");
  EXPECT_EQ(runCli({"info", book("missing.salesops")}).code, 4);
}

TEST_F(CliTest, ASecondWriterIsRefused) {
  ASSERT_EQ(runCli({"init", book()}).code, 0);
  auto holder = Workbook::open(book());
  writeFile(dir / "reps.csv", "rep_id,name\nR1,Ann\n");
  auto result = runCli({"import", book(), (dir / "reps.csv").string()});
  EXPECT_EQ(result.code, 4);
  EXPECT_NE(result.err.find("in use"), std::string::npos) << result.err;
}

TEST_F(CliTest, DemoExportImportRoundTripIsByteIdentical) {
  auto demo = runCli({"demo", book(), "--opportunities", "300", "--seed", "7"});
  ASSERT_EQ(demo.code, 0) << demo.err;
  ASSERT_EQ(runCli({"check", book()}).code, 0);
  ASSERT_EQ(runCli({"export", book(), (dir / "first").string()}).code, 0);
  ASSERT_EQ(runCli({"init", book("copy.salesops")}).code, 0);
  auto imported = runCli({"import", book("copy.salesops"), (dir / "first").string()});
  ASSERT_EQ(imported.code, 0) << imported.err;
  ASSERT_EQ(runCli({"export", book("copy.salesops"), (dir / "second").string()}).code, 0);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "first")) {
    auto twin = dir / "second" / entry.path().filename();
    ASSERT_TRUE(std::filesystem::exists(twin)) << twin;
    EXPECT_EQ(readFile(entry.path()), readFile(twin)) << entry.path().filename();
    ++files;
  }
  EXPECT_GE(files, 12);
  auto opportunities = readFile(dir / "first" / "opportunities.csv");
  EXPECT_GT(std::count(opportunities.begin(), opportunities.end(), '\n'), 300);
}

TEST_F(CliTest, ABadRowFailsTheWholeImportWithItsPlace) {
  ASSERT_EQ(runCli({"init", book()}).code, 0);
  writeFile(dir / "reps.csv", "rep_id,name\nR1,Ann\nR2,Bob\n");
  writeFile(dir / "opportunities.csv",
            "opportunity_id,owner_rep_id,stage,amount,created_date,close_date\n"
            "O1,R1,Prospecting,100.00,2026-01-01,2026-03-01\n"
            "O2,R2,Prospecting,250.50,2026-01-02,2026-02-30\n");
  auto result = runCli({"import", book(), dir.path().string()});
  EXPECT_EQ(result.code, 3);
  EXPECT_NE(result.err.find("opportunities.csv:3: close_date"), std::string::npos) << result.err;
  ASSERT_EQ(runCli({"export", book(), (dir / "after-failure").string()}).code, 0);
  EXPECT_EQ(readFile(dir / "after-failure" / "reps.csv"),
            "rep_id,name,email,team,manager_id,role,start_date,end_date\n");
  auto reps = runCli({"import", book(), (dir / "reps.csv").string(), "--report", (dir / "report.txt").string()});
  ASSERT_EQ(reps.code, 0) << reps.err;
  EXPECT_NE(reps.out.find("reps.csv"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "report.txt"));
}

TEST_F(CliTest, DryRunWritesNothingAndSkipBadRowsKeepsTheGoodOnes) {
  ASSERT_EQ(runCli({"init", book()}).code, 0);
  writeFile(dir / "reps.csv", "rep_id,name,start_date\nR1,Ann,2024-01-01\nR2,Bob,not-a-date\n");
  auto dry = runCli({"import", book(), (dir / "reps.csv").string(), "--dry-run"});
  EXPECT_EQ(dry.code, 3);
  auto skip = runCli({"import", book(), (dir / "reps.csv").string(), "--skip-bad-rows"});
  EXPECT_EQ(skip.code, 0) << skip.err;
  EXPECT_NE(skip.err.find("reps.csv:3: start_date"), std::string::npos) << skip.err;
  ASSERT_EQ(runCli({"export", book(), (dir / "out").string()}).code, 0);
  EXPECT_EQ(readFile(dir / "out" / "reps.csv"),
            "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
            "R1,Ann,,,,,2024-01-01,\n");
}

TEST_F(CliTest, TheBinaryReturnsTheContractExitCodes) {
  EXPECT_EQ(runBinary("--help"), 0);
  EXPECT_EQ(runBinary("no-such-verb"), 2);
  EXPECT_EQ(runBinary("info " + book("absent.salesops")), 4);
  EXPECT_EQ(runBinary("init " + book()), 0);
  EXPECT_EQ(runBinary("info " + book()), 0);
}

}  // namespace
}  // namespace salesops
