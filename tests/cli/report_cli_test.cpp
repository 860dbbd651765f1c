// `salesops-cli report` end to end on a small demo workbook: every report in every format, the same figures
// as `kpi`, the definitions sidecar, and the exit codes of CLI.md.
#include <gtest/gtest.h>

#include <sstream>

#include "CliTestSupport.h"
#include "cli/Cli.h"
#include "services/ReportBuilder.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::cells;
using testing::CliResult;
using testing::lines;
using testing::runCli;
using testing::TempDir;

using ReportCliTest = testing::DemoWorkbookSuite<4>;

TEST_F(ReportCliTest, EveryReportInEveryFormat) {
  for (const auto& name : ReportBuilder::names()) {
    const auto csv = runCli({"report", book(), name, "--period", "FY2026-Q3"});
    ASSERT_EQ(csv.code, 0) << name << ": " << csv.err;
    EXPECT_GE(lines(csv.out).size(), 2u) << name;
    const auto xlsx =
        runCli({"report", book(), name, "--period", "FY2026-Q3", "--format", "xlsx", "--output", file(name + ".xlsx")});
    ASSERT_EQ(xlsx.code, 0) << name << ": " << xlsx.err;
    const std::string bytes = testing::readFile(file(name + ".xlsx"));
    EXPECT_EQ(bytes.substr(0, 2), "PK") << name;
    EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos) << name;
    const auto html =
        runCli({"report", book(), name, "--period", "FY2026-Q3", "--format", "html", "--output", file(name + ".html")});
    ASSERT_EQ(html.code, 0) << name << ": " << html.err;
    const std::string page = testing::readFile(file(name + ".html"));
    EXPECT_NE(page.find("<footer>"), std::string::npos) << name;
    EXPECT_NE(page.find("win_rate_basis"), std::string::npos) << name;
  }
}

TEST_F(ReportCliTest, ScorecardBookingsEqualTheKpiVerb) {
  const auto report = lines(runCli({"report", book(), "rep-scorecard", "--period", "FY2026-Q3"}).out);
  const auto kpi = lines(runCli({"kpi", book(), "--period", "FY2026-Q3", "--by", "rep", "--kpis", "bookings"}).out);
  ASSERT_EQ(report.size(), kpi.size() + 1);  // plus the everyone row
  ASSERT_EQ(cells(report[0])[2], "bookings");
  for (std::size_t i = 1; i < kpi.size(); ++i) {
    const auto r = cells(report[i]);
    const auto k = cells(kpi[i]);
    EXPECT_EQ(r[0], k[0]);
    EXPECT_EQ(r[2], k.back()) << r[0];
  }
}

TEST_F(ReportCliTest, CsvToFileAndDefinitionsSidecar) {
  const auto stdoutRun = runCli({"report", book(), "pipeline-by-stage", "--period", "FY2026-Q4"});
  const auto written = runCli({"report", book(), "pipeline-by-stage", "--period", "FY2026-Q4", "--output",
                               file("p.csv"), "--definitions", file("p.definitions.csv")});
  ASSERT_EQ(written.code, 0) << written.err;
  EXPECT_TRUE(written.out.empty());
  EXPECT_EQ(testing::readFile(file("p.csv")), stdoutRun.out);
  const std::string definitions = testing::readFile(file("p.definitions.csv"));
  EXPECT_EQ(definitions.rfind("name,value,description\n", 0), 0u);
  EXPECT_NE(definitions.find("win_rate_basis,count,"), std::string::npos) << definitions;
  EXPECT_NE(definitions.find("coverage_base,remaining_quota,"), std::string::npos);
}

TEST_F(ReportCliTest, ChosenDefinitionsChangeTheNumbersAndAreStated) {
  const auto base = runCli({"report", book(), "rep-scorecard", "--period", "FY2026"});
  const auto full = runCli({"report", book(), "rep-scorecard", "--period", "FY2026", "--definition",
                            "coverage_base=full_quota", "--definitions", file("s.definitions.csv")});
  ASSERT_EQ(full.code, 0) << full.err;
  EXPECT_NE(full.out, base.out);  // coverage over the whole quota differs from over the remaining quota
  const std::string definitions = testing::readFile(file("s.definitions.csv"));
  EXPECT_NE(definitions.find("coverage_base,full_quota,"), std::string::npos) << definitions;
  EXPECT_NE(definitions.find("win_rate_basis,count,"), std::string::npos) << definitions;
  const auto bad = runCli({"report", book(), "rep-scorecard", "--period", "FY2026", "--definition", "coverage=all"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("coverage_base"), std::string::npos) << bad.err;  // lists the known names
}

TEST_F(ReportCliTest, ExitCodes) {
  const auto unknown = runCli({"report", book(), "nonsense", "--period", "FY2026-Q3"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("rep-scorecard"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("forecast-vs-actual"), std::string::npos) << unknown.err;
  EXPECT_EQ(runCli({"report", book(), "rep-scorecard", "--period", "FY2026-Q5"}).code, 2);
  EXPECT_EQ(runCli({"report", book(), "rep-scorecard"}).code, 2);
  EXPECT_EQ(runCli({"report", book(), "rep-scorecard", "--period", "FY2026", "--format", "pdf"}).code, 2);
  const auto xlsx = runCli({"report", book(), "rep-scorecard", "--period", "FY2026", "--format", "xlsx"});
  EXPECT_EQ(xlsx.code, 2);
  EXPECT_NE(xlsx.err.find("--output"), std::string::npos) << xlsx.err;
  EXPECT_EQ(runCli({"report", book(), "win-loss", "--period", "FY2026", "--format", "html"}).code, 2);
  EXPECT_EQ(runCli({"report", file("missing.salesops"), "rep-scorecard", "--period", "FY2026"}).code, 4);
  EXPECT_EQ(runCli({"report", book(), "rep-scorecard", "--period", "FY2026", "--format", "xlsx", "--output",
                    file("no/such/folder/r.xlsx")})
                .code,
            4);
}

}  // namespace
}  // namespace salesops
