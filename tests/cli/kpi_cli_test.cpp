// `salesops-cli kpi` end to end on a small demo workbook: exit codes, the exact header, one row per rep and
// period, formats and the usage errors of CLI.md.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "CliTestSupport.h"
#include "cli/Cli.h"
#include "kpi/KpiCatalog.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::CliResult;
using testing::lines;
using testing::runCli;
using testing::TempDir;

class KpiCliTest : public testing::DemoWorkbookSuite<3> {
 protected:
  static std::int64_t reps() {
    return Workbook::open(book(), Workbook::Access::ReadOnly)->db().queryInt("SELECT count(*) FROM rep");
  }
};

TEST_F(KpiCliTest, HeaderIsExactlyTheContractColumns) {
  const auto result = runCli({"kpi", book(), "--period", "FY2026-Q3"});
  ASSERT_EQ(result.code, 0) << result.err;
  const auto rows = lines(result.out);
  ASSERT_EQ(rows.size(), 2u);  // --by all: one row
  EXPECT_EQ(rows[0],
            "scope,scope_name,period_start,period_end,currency,bookings,quota,attainment,attainment_rate,win_rate,"
            "win_rate_value,cycle_days,cycle_days_median,deal_size,deal_size_median,pipeline,weighted_pipeline,"
            "coverage,velocity,past_due_share,forecast,forecast_error,forecast_accuracy,forecast_wape,"
            "lead_response_hours,lead_response_hours_median,leads_unanswered,lead_conversion,meetings_per_rep,"
            "selling_time_share,stage_conversion");
  EXPECT_EQ(rows[1].rfind("all,Everyone,2026-07-01,2026-09-30,USD,", 0), 0u) << rows[1];
}

TEST_F(KpiCliTest, ByRepListsEveryRepForEveryPeriod) {
  const auto result = runCli({"kpi", book(), "--period", "FY2026-Q3", "--period", "FY2026-Q2", "--by", "rep"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(static_cast<std::int64_t>(lines(result.out).size()), 1 + 2 * reps());
  const auto single = runCli({"kpi", book(), "--period", "2026-07-01..2026-07-31", "--by", "rep"});
  EXPECT_EQ(static_cast<std::int64_t>(lines(single.out).size()), 1 + reps());
}

TEST_F(KpiCliTest, ByManagerAndScopeNarrowTheRows) {
  const auto managers = runCli({"kpi", book(), "--period", "FY2026", "--by", "manager", "--kpis", "bookings"});
  ASSERT_EQ(managers.code, 0) << managers.err;
  const auto rows = lines(managers.out);
  ASSERT_GE(rows.size(), 2u);
  EXPECT_EQ(rows[0], "scope,scope_name,period_start,period_end,currency,bookings");
  // The top manager's team is everyone: same bookings as --by all.
  const auto all = lines(runCli({"kpi", book(), "--period", "FY2026", "--kpis", "bookings"}).out);
  EXPECT_EQ(rows[1].substr(rows[1].rfind(',')), all[1].substr(all[1].rfind(',')));
  const std::string topManager = rows[1].substr(0, rows[1].find(','));
  const auto scoped = runCli({"kpi", book(), "--period", "FY2026", "--scope", topManager, "--kpis", "bookings"});
  ASSERT_EQ(scoped.code, 0) << scoped.err;
  EXPECT_EQ(lines(scoped.out)[1].substr(lines(scoped.out)[1].rfind(',')), all[1].substr(all[1].rfind(',')));
}

TEST_F(KpiCliTest, SubsetsFormatsAndOutputFile) {
  const auto table =
      runCli({"kpi", book(), "--period", "FY2026-Q3", "--kpis", "win_rate,bookings", "--format", "table"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("win_rate"), std::string::npos);
  const auto json =
      runCli({"kpi", book(), "--period", "FY2026-Q3", "--kpis", "bookings,forecast_error", "--format", "json"});
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_NE(json.out.find("\"bookings\": \""), std::string::npos) << json.out;  // money as exact decimal text
  const auto file = (*dir / "out.csv").string();
  const auto written = runCli({"kpi", book(), "--period", "FY2026-Q3", "--output", file});
  ASSERT_EQ(written.code, 0) << written.err;
  EXPECT_TRUE(written.out.empty());
  EXPECT_EQ(testing::readFile(file), runCli({"kpi", book(), "--period", "FY2026-Q3"}).out);
}

// Coverage over the full quota is pipeline / quota, recomputed here from the same row's money columns.
TEST_F(KpiCliTest, DefinitionOptionChangesCoverageBase) {
  const auto row = [&](std::initializer_list<std::string> extra) {
    std::vector<std::string> args{"kpi", book(), "--period", "FY2026-Q3", "--kpis", "quota,pipeline,coverage"};
    args.insert(args.end(), extra);
    const auto result = runCli(args);
    EXPECT_EQ(result.code, 0) << result.err;
    return testing::cells(lines(result.out).at(1));  // scope, name, start, end, currency, quota, pipeline, coverage
  };
  const auto full = row({"--definition", "coverage_base=full_quota"});
  ASSERT_EQ(full.size(), 8u);
  const double quota = std::stod(full[5]), pipeline = std::stod(full[6]);
  ASSERT_GT(quota, 0);
  EXPECT_NEAR(std::stod(full[7]), pipeline / quota, 1e-5 * pipeline / quota);
  const auto remaining = row({});
  ASSERT_EQ(remaining.size(), 8u);
  EXPECT_NE(remaining[7], full[7]);
}

// The demo's active territory model has four regions at the top; every won deal falls in one of them or in
// "(none)", so their bookings add up to everyone's, and a region's scope equals its row.
TEST_F(KpiCliTest, ByTerritoryPartitionsBookingsAcrossTheTopTerritories) {
  const auto byTerritory = runCli({"kpi", book(), "--period", "FY2026", "--by", "territory", "--kpis", "bookings"});
  ASSERT_EQ(byTerritory.code, 0) << byTerritory.err;
  const auto rows = lines(byTerritory.out);
  ASSERT_GT(rows.size(), 5u);
  const auto cents = [](const std::string& row) {
    const std::string amount = row.substr(row.rfind(',') + 1);
    return std::llround(std::stod(amount) * 100);
  };
  long long top = 0;
  for (const auto& row : rows) {
    const std::string id = row.substr(0, row.find(','));
    if (id == "NA" || id == "EMEA" || id == "APAC" || id == "LATAM" || id == "(none)") top += cents(row);
  }
  const auto all = lines(runCli({"kpi", book(), "--period", "FY2026", "--kpis", "bookings"}).out);
  EXPECT_EQ(top, cents(all.at(1)));
  EXPECT_GT(top, 0);
  const auto emea = lines(runCli({"kpi", book(), "--period", "FY2026", "--scope", "EMEA", "--kpis", "bookings"}).out);
  for (const auto& row : rows) {
    if (row.rfind("EMEA,", 0) == 0) {
      EXPECT_EQ(cents(row), cents(emea.at(1)));
    }
  }
}

TEST_F(KpiCliTest, UsageErrorsExitWithTwo) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"kpi", book(), "--period", "FY2026-Q5"},
           {"kpi", book(), "--period", "2026-13"},
           {"kpi", book()},
           {"kpi", book(), "--period", "FY2026", "--kpis", "bookings,nonsense"},
           {"kpi", book(), "--period", "FY2026", "--by", "region"},
           {"kpi", book(), "--period", "FY2026", "--by", "territory", "--scope", "NOWHERE"},
           {"kpi", book(), "--period", "FY2026", "--format", "xml"},
           {"kpi", book(), "--period", "FY2026", "--as-of", "2026-02-30"},
           {"kpi", book(), "--period", "FY2026", "--scope", "NOBODY"},
           {"kpi", book(), "--period", "FY2026", "--definition", "cycle_statistic=mode"},
           {"kpi", book(), "--period", "FY2026", "--definition", "cycle_statistic"},
       }) {
    const auto result = runCli(args);
    EXPECT_EQ(result.code, 2) << args[2] << " " << (args.size() > 3 ? args[3] : "") << ": " << result.err;
    EXPECT_FALSE(result.err.empty());
  }
  EXPECT_EQ(runCli({"kpi", (*dir / "missing.salesops").string(), "--period", "FY2026"}).code, 4);
}

}  // namespace
}  // namespace salesops
