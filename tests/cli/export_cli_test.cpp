// `salesops-cli export` with the spreadsheet options and `--entity`, and the same CSV options on `report`
// and `kpi`: exact bytes for each option, and usage errors (exit 2) for combinations that cannot apply.
#include <gtest/gtest.h>

#include "CliTestSupport.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::readFile;
using testing::runCli;
using testing::TempDir;
using testing::writeFile;

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto in = dir / "in";
    std::filesystem::create_directories(in);
    writeFile(in / "reps.csv", "rep_id,name\nR1,Ann\nR2,=2+3\n");
    writeFile(in / "opportunities.csv",
              "opportunity_id,owner_rep_id,name,stage,amount,currency,probability,created_date,close_date\n"
              "O1,R1,Small; deal,Proposal,99.5,USD,12.5,2026-01-05,2026-02-10\n"
              "O2,R2,-Big deal,Negotiation,25000,,80,2026-01-06,2026-03-20\n"
              "O3,R1,Won deal,Closed Won,1200,,,2026-01-07,2026-02-20\n");
    ASSERT_EQ(runCli({"init", book()}).code, 0);
    const auto imported = runCli({"import", book(), in.string()});
    ASSERT_EQ(imported.code, 0) << imported.err;
  }
  std::string book() const { return (dir / "book.salesops").string(); }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  TempDir dir;
};

TEST_F(ExportCliTest, OneTableWithColumnsSortAndFilter) {
  const auto r = runCli({"export", book(), path("o.csv"), "--entity", "opportunity", "--columns",
                         "opportunity_id,amount,close_date", "--sort", "amount:desc", "--filter", "deal"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, path("o.csv") + ": 3 rows\n");
  // Amounts descending: 25000.00 > 1200.00 > 99.50.
  EXPECT_EQ(readFile(path("o.csv")),
            "opportunity_id,amount,close_date\nO2,25000.00,2026-03-20\nO3,1200.00,2026-02-20\nO1,99.50,2026-02-10\n");
  const auto filtered = runCli({"export", book(), path("f.csv"), "--entity", "opportunities.csv", "--columns",
                                "opportunity_id", "--filter", "won"});
  ASSERT_EQ(filtered.code, 0) << filtered.err;
  EXPECT_EQ(readFile(path("f.csv")), "opportunity_id\nO3\n");
}

TEST_F(ExportCliTest, EverySpreadsheetOptionOnOneTable) {
  const auto r = runCli({"export", book(), path("o.csv"), "--entity", "opportunity", "--columns",
                         "name,amount,probability", "--delimiter", ";", "--encoding", "utf8-bom", "--line-endings",
                         "crlf", "--for-spreadsheets", "--decimal-comma"});
  ASSERT_EQ(r.code, 0) << r.err;
  // "Small; deal" holds the delimiter: quoted. "-Big deal" is text: prefixed. Figures keep no prefix and
  // take the decimal comma; an empty probability stays empty.
  EXPECT_EQ(readFile(path("o.csv")),
            "\xEF\xBB\xBFname;amount;probability\r\n\"Small; deal\";99,50;12,5\r\n'-Big deal;25000,00;80\r\n"
            "Won deal;1200,00;\r\n");
  const auto tabs = runCli({"export", book(), path("t.csv"), "--entity", "rep", "--columns", "rep_id,name",
                            "--delimiter", "tab", "--excel"});
  ASSERT_EQ(tabs.code, 0) << tabs.err;
  EXPECT_EQ(readFile(path("t.csv")), "\xEF\xBB\xBFrep_id\tname\r\nR1\tAnn\r\nR2\t=2+3\r\n");  // not neutralised
}

TEST_F(ExportCliTest, XlsxByFormatOrSuffix) {
  for (const auto& [file, extra] : {std::pair{"a.xlsx", ""}, std::pair{"b.data", "--format=xlsx"}}) {
    std::vector<std::string> args{"export", book(), path(file), "--entity", "opportunity"};
    if (*extra) args.emplace_back(extra);
    const auto r = runCli(args);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, path(file) + ": 3 rows\n");
    const std::string bytes = readFile(path(file));
    EXPECT_EQ(bytes.substr(0, 2), "PK");
    EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  }
}

TEST_F(ExportCliTest, NativeFolderTakesTheOptionsToo) {
  const auto r = runCli({"export", book(), path("out"), "--for-spreadsheets", "--encoding", "utf8-bom"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(readFile(path("out/reps.csv")),
            "\xEF\xBB\xBFrep_id,name,email,team,manager_id,role,start_date,end_date\nR1,Ann,,,,,,\nR2,'=2+3,,,,,,\n");
  const auto lossless = runCli({"export", book(), path("plain")});
  ASSERT_EQ(lossless.code, 0) << lossless.err;
  EXPECT_NE(readFile(path("plain/reps.csv")).find("\nR2,=2+3,"), std::string::npos);  // untouched by default
}

TEST_F(ExportCliTest, OptionsThatCannotApplyAreUsageErrors) {
  const std::vector<std::vector<std::string>> bad{
      {"export", book(), path("x.csv"), "--excel", "--encoding", "utf8"},
      {"export", book(), path("x.csv"), "--excel", "--line-endings", "lf"},
      {"export", book(), path("x.xlsx"), "--entity", "opportunity", "--delimiter", ";"},
      {"export", book(), path("x.csv"), "--entity", "opportunity", "--format", "xlsx", "--for-spreadsheets"},
      {"export", book(), path("x"), "--format", "csv"},
      {"export", book(), path("x"), "--columns", "amount"},
      {"export", book(), path("x.csv"), "--entity", "opportunity", "--encoding", "latin1"},
      {"export", book(), path("x.csv"), "--entity", "opportunity", "--delimiter", "|"},
      {"export", book(), path("x.csv"), "--entity", "opportunity", "--sort", "amount:down"},
      {"kpi", book(), "--period", "FY2026-Q1", "--format", "json", "--for-spreadsheets"},
      {"report", book(), "rep-scorecard", "--period", "FY2026-Q1", "--format", "xlsx", "--output", path("r.xlsx"),
       "--delimiter", ";"}};
  for (const auto& args : bad) {
    const auto r = runCli(args);
    std::string line;
    for (const auto& a : args) line += a + " ";
    EXPECT_EQ(r.code, 2) << line << "\n" << r.err;
  }
  const auto unknown = runCli({"export", book(), path("x.csv"), "--entity", "deal"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("opportunity"), std::string::npos) << unknown.err;  // lists the entities
  const auto column = runCli({"export", book(), path("x.csv"), "--entity", "rep", "--columns", "colour"});
  EXPECT_EQ(column.code, 2);
  EXPECT_NE(column.err.find("\"colour\""), std::string::npos) << column.err;
  EXPECT_FALSE(std::filesystem::exists(path("x.csv")));
}

TEST_F(ExportCliTest, HelpSaysSpreadsheetFilesDoNotImportBack) {
  const auto help = runCli({"export", "--help"});
  EXPECT_NE(help.out.find("not for importing back"), std::string::npos) << help.out;
}

TEST_F(ExportCliTest, KpiAndReportCsvTakeTheSameOptions) {
  const auto kpi = runCli({"kpi", book(), "--period", "FY2026-Q1", "--kpis", "bookings,pipeline", "--delimiter", ";",
                           "--line-endings", "crlf", "--encoding", "utf8-bom", "--decimal-comma"});
  ASSERT_EQ(kpi.code, 0) << kpi.err;
  // Q1 bookings: the won 1,200.00; pipeline: the open 99.50 + 25,000.00 = 25,099.50.
  EXPECT_EQ(kpi.out,
            "\xEF\xBB\xBFscope;scope_name;period_start;period_end;currency;bookings;pipeline\r\n"
            "all;Everyone;2026-01-01;2026-03-31;USD;1200,00;25099,50\r\n");
  const auto report = runCli({"report", book(), "rep-scorecard", "--period", "FY2026-Q1", "--delimiter", "tab",
                              "--line-endings", "crlf", "--output", path("r.csv"), "--definitions", path("d.csv")});
  ASSERT_EQ(report.code, 0) << report.err;
  const std::string csv = readFile(path("r.csv"));
  EXPECT_EQ(csv.substr(0, csv.find("\r\n")).find(','), std::string::npos) << csv;  // tab-separated header
  EXPECT_NE(csv.find('\t'), std::string::npos);
  EXPECT_EQ(readFile(path("d.csv")).substr(0, 24), "name\tvalue\tdescription\r\n");
}

}  // namespace
}  // namespace salesops
