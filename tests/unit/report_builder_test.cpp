// The standard reports on a small demo workbook: every figure is the KPI service's for the same scope and
// period, team-rollup subtotals equal independent sums over each team, and every report states its choices.
#include <gtest/gtest.h>

#include <algorithm>

#include <map>

#include "common/Error.h"
#include "io/CsvReportWriter.h"
#include "kpi/KpiFormat.h"
#include "services/DemoGenerator.h"
#include "services/KpiService.h"
#include "services/ReportBuilder.h"
#include "services/ReportPipelineStage.h"
#include "storage/OpportunityAttributesLoader.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

const Date kToday = Date::fromCivil(2026, 11, 15);

class ReportBuilderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = new testing::TempDir();
    auto workbook = Workbook::create(*dir / "demo.salesops");
    generateDemo(*workbook, DemoOptions{1500, 5});
    service = new KpiService(*workbook);
    attributes = new OpportunityAttributes(loadOpportunityAttributes(*workbook));
    period = *parsePeriod("FY2026-Q3", service->calendar());
  }
  static void TearDownTestSuite() {
    delete attributes;
    delete service;
    delete dir;
  }

  static ReportDocument build(const std::string& name, const Period& p = period) {
    ReportRequest request;
    request.name = name;
    request.period = p;
    return ReportBuilder(*service, attributes).build(request, kToday);
  }
  static KpiReport kpis(KpiGrouping by, std::vector<Period> periods = {period}) {
    return service->compute(KpiRequest{std::move(periods), by, "", std::nullopt, std::nullopt}, kToday);
  }
  static std::size_t column(const ReportTable& table, const std::string& id) {
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c].id == id) return c;
    }
    ADD_FAILURE() << "no column " << id;
    return 0;
  }
  static std::string text(const ReportCell& cell) { return CsvReportWriter::cellText(cell, 2); }
  static std::string kpiText(const KpiGridCell& cell, KpiId id) {
    return formatKpiValue(cell[id], kpiCatalog()[static_cast<std::size_t>(id)].kind, 2);
  }

  static testing::TempDir* dir;
  static KpiService* service;
  static OpportunityAttributes* attributes;
  static Period period;
};
testing::TempDir* ReportBuilderTest::dir = nullptr;
KpiService* ReportBuilderTest::service = nullptr;
OpportunityAttributes* ReportBuilderTest::attributes = nullptr;
Period ReportBuilderTest::period;

TEST_F(ReportBuilderTest, RepScorecardEqualsTheKpiServiceCellForCell) {
  const ReportDocument doc = build("rep-scorecard");
  const KpiReport byRep = kpis(KpiGrouping::Rep);
  ASSERT_EQ(doc.tables.size(), 1u);
  const ReportTable& table = doc.tables[0];
  ASSERT_EQ(table.rows.size(), byRep.groups.size() + 1);  // every rep, then everyone
  std::int64_t repsWithBookings = 0;
  for (std::size_t g = 0; g < byRep.groups.size(); ++g) {
    EXPECT_EQ(table.rows[g].cells[0].text, byRep.groups[g].id);
    for (const auto& info : kpiCatalog()) {
      const auto id = static_cast<KpiId>(kpiIndex(info));
      EXPECT_EQ(text(table.rows[g].cells[column(table, std::string(info.id))]), kpiText(byRep.grid.cell(g, 0), id))
          << byRep.groups[g].id << " " << info.id;
    }
    repsWithBookings += byRep.grid.cell(g, 0)[KpiId::Bookings].minor != 0;
  }
  EXPECT_GT(repsWithBookings, 0);
  EXPECT_EQ(text(table.rows.back().cells[column(table, "bookings")]),
            kpiText(kpis(KpiGrouping::All).grid.cell(0, 0), KpiId::Bookings));
  const std::string csv = CsvReportWriter::tablesCsv(doc);
  EXPECT_EQ(csv.rfind("rep_id,rep_name,bookings,quota,attainment,", 0), 0u) << csv.substr(0, 200);
}

TEST_F(ReportBuilderTest, TeamRollupSubtotalsEqualSumsOverEachTeam) {
  const ReportDocument doc = build("team-rollup");
  const ReportTable& table = doc.tables.at(0);
  const KpiReport byRep = kpis(KpiGrouping::Rep);
  const auto& reps = service->snapshot().reps;
  std::map<std::string, std::size_t> indexOf, groupOf;
  for (std::size_t r = 0; r < reps.size(); ++r) indexOf[reps.id[r]] = r;
  for (std::size_t g = 0; g < byRep.groups.size(); ++g) groupOf[byRep.groups[g].id] = g;
  // Team of M, independently: every rep whose chain of managers reaches M (or M itself).
  const auto inTeam = [&](std::size_t rep, std::size_t manager) {
    for (std::size_t r = rep, steps = 0; steps <= reps.size(); ++steps) {
      if (r == manager) return true;
      if (reps.manager[r] == kNoIndex) return false;
      r = static_cast<std::size_t>(reps.manager[r]);
    }
    return false;
  };
  const std::size_t scope = column(table, "scope"), pipeline = column(table, "pipeline"),
                    bookings = column(table, "bookings"), size = column(table, "team_size");
  int managers = 0;
  for (const auto& row : table.rows) {
    if (!row.total || row.cells[scope].text == "all") continue;
    ++managers;
    const std::size_t m = indexOf.at(row.cells[scope].text);
    std::int64_t pipelineSum = 0, bookingsSum = 0, members = 0;
    for (std::size_t r = 0; r < reps.size(); ++r) {
      if (!inTeam(r, m)) continue;
      const KpiGridCell& cell = byRep.grid.cell(groupOf.at(reps.id[r]), 0);
      pipelineSum += cell[KpiId::Pipeline].minor;
      bookingsSum += cell[KpiId::Bookings].minor;
      ++members;
    }
    EXPECT_EQ(row.cells[size].number, static_cast<double>(members)) << reps.id[m];
    EXPECT_EQ(row.cells[pipeline].minor, pipelineSum) << reps.id[m];  // belonging: whole minor units, exact
    // Split credit is rounded once per row, so the members' rounded figures may differ by half a unit each.
    EXPECT_LE(std::llabs(row.cells[bookings].minor - bookingsSum), members) << reps.id[m];
    EXPECT_GT(row.indent + 1, 0);
  }
  EXPECT_GT(managers, 0);
  const auto& org = table.rows.back();
  EXPECT_EQ(org.cells[scope].text, "all");
  EXPECT_EQ(text(org.cells[bookings]), kpiText(kpis(KpiGrouping::All).grid.cell(0, 0), KpiId::Bookings));
  int indented = 0;
  for (const auto& row : table.rows) indented += row.indent > 0;
  EXPECT_GT(indented, 0);
}

TEST_F(ReportBuilderTest, PipelineByStageTotalsEqualTheKpis) {
  const ReportDocument doc = build("pipeline-by-stage");
  const ReportTable& table = doc.tables.at(0);
  const KpiReport everyone = kpis(KpiGrouping::All);
  const KpiGridCell& all = everyone.grid.cell(0, 0);
  const auto& total = table.rows.back();
  EXPECT_TRUE(total.total);
  EXPECT_EQ(text(total.cells[column(table, "pipeline")]), kpiText(all, KpiId::Pipeline));
  EXPECT_EQ(text(total.cells[column(table, "weighted_pipeline")]), kpiText(all, KpiId::WeightedPipeline));
  double counted = 0;
  for (std::size_t r = 0; r + 1 < table.rows.size(); ++r) counted += table.rows[r].cells[1].number;
  EXPECT_EQ(counted, total.cells[1].number);
  EXPECT_GT(counted, 0);
  EXPECT_EQ(table.rows.size(), service->snapshot().openStages.size() + 1);
}

TEST_F(ReportBuilderTest, WinLossBreakdownsAddUpToTheWinRate) {
  const Period year = *parsePeriod("FY2026", service->calendar());
  const ReportDocument doc = build("win-loss", year);
  const ReportTable& table = doc.tables.at(0);
  std::map<std::string, std::pair<double, double>> byDimension;  // won, lost
  for (const auto& row : table.rows) {
    auto& sums = byDimension[row.cells[0].text];
    sums.first += row.cells[column(table, "won")].number;
    sums.second += row.cells[column(table, "lost")].number;
  }
  ASSERT_EQ(byDimension.size(), 2u);
  EXPECT_EQ(byDimension["lead_source"], byDimension["type"]);
  const auto [won, lost] = byDimension["type"];
  ASSERT_GT(won + lost, 0);
  const KpiReport everyone = kpis(KpiGrouping::All, {year});
  const KpiGridCell& all = everyone.grid.cell(0, 0);
  EXPECT_NEAR(won / (won + lost), all[KpiId::WinRate].number, 1e-12);
}

TEST_F(ReportBuilderTest, KpiTrendListsEightQuartersEndingWithThePeriod) {
  const ReportDocument doc = build("kpi-trend");
  const ReportTable& table = doc.tables.at(0);
  ASSERT_EQ(table.rows.size(), 8u);
  const auto quarters = precedingQuarters(service->calendar(), period, 8);
  const KpiReport trend = kpis(KpiGrouping::All, quarters);
  for (std::size_t p = 0; p < 8; ++p) {
    EXPECT_EQ(table.rows[p].cells[1].date, quarters[p].start);
    EXPECT_EQ(text(table.rows[p].cells[column(table, "bookings")]), kpiText(trend.grid.cell(0, p), KpiId::Bookings));
  }
  EXPECT_EQ(table.rows.back().cells[0].text, "FY2026-Q3");
}

TEST_F(ReportBuilderTest, ForecastVsActualPerRepAndWape) {
  const ReportDocument doc = build("forecast-vs-actual");
  const ReportTable& table = doc.tables.at(0);
  const KpiReport byRep = kpis(KpiGrouping::Rep);
  ASSERT_EQ(table.rows.size(), byRep.groups.size() + 1);
  for (std::size_t g = 0; g < byRep.groups.size(); ++g) {
    for (const KpiId id : {KpiId::Forecast, KpiId::Bookings, KpiId::ForecastAccuracy}) {
      const std::string name(kpiCatalog()[static_cast<std::size_t>(id)].id);
      EXPECT_EQ(text(table.rows[g].cells[column(table, name)]), kpiText(byRep.grid.cell(g, 0), id));
    }
  }
  EXPECT_EQ(text(table.rows.back().cells[column(table, "forecast_wape")]),
            kpiText(kpis(KpiGrouping::All).grid.cell(0, 0), KpiId::ForecastWape));
}

TEST_F(ReportBuilderTest, EveryReportStatesTheDefaultChoices) {
  for (const auto& name : ReportBuilder::names()) {
    const ReportDocument doc = build(name);
    std::map<std::string, std::string> stated;
    for (const auto& d : doc.definitions) stated[d.name] = d.value;
    EXPECT_EQ(stated["win_rate_basis"], "count") << name;
    EXPECT_EQ(stated["closed_set"], "snapshot") << name;
    EXPECT_EQ(stated["cycle_set"], "won_only") << name;
    EXPECT_EQ(stated["cycle_statistic"], "mean") << name;
    EXPECT_EQ(stated["coverage_base"], "remaining_quota") << name;
    EXPECT_EQ(stated["accuracy_base"], "actual") << name;
    EXPECT_EQ(stated["period"], "FY2026-Q3") << name;
    EXPECT_FALSE(doc.tables.empty()) << name;
  }
}

TEST_F(ReportBuilderTest, ChosenDefinitionsAreAppliedAndStated) {
  ReportRequest request{"rep-scorecard", period, std::nullopt, {}};
  request.choices.cycleStatistic = KpiDefinitionChoices::CycleStatistic::Median;
  const ReportDocument doc = ReportBuilder(*service, attributes).build(request, kToday);
  const auto stated = std::find_if(doc.definitions.begin(), doc.definitions.end(),
                                   [](const ReportDefinition& d) { return d.name == "cycle_statistic"; });
  ASSERT_NE(stated, doc.definitions.end());
  EXPECT_EQ(stated->value, "median");
  // Under the median statistic the headline cycle and deal size are the medians, row by row.
  const ReportTable& table = doc.tables.at(0);
  const auto cycle = column(table, "cycle_days"), cycleMedian = column(table, "cycle_days_median");
  const auto deal = column(table, "deal_size"), dealMedian = column(table, "deal_size_median");
  int compared = 0;
  for (const auto& row : table.rows) {
    EXPECT_EQ(text(row.cells[cycle]), text(row.cells[cycleMedian]));
    EXPECT_EQ(text(row.cells[deal]), text(row.cells[dealMedian]));
    compared += row.cells[cycle].kind != ReportCellKind::Empty;
  }
  EXPECT_GT(compared, 0);
  // And the default differs somewhere, so the check above is not vacuous.
  request.choices = {};
  const ReportDocument mean = ReportBuilder(*service, attributes).build(request, kToday);
  bool differs = false;
  for (const auto& row : mean.tables.at(0).rows) differs |= text(row.cells[cycle]) != text(row.cells[cycleMedian]);
  EXPECT_TRUE(differs);
}

TEST_F(ReportBuilderTest, UnknownReportIsAUsageError) {
  try {
    build("nonsense");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_NE(e.message().find("rep-scorecard"), std::string::npos);
  }
}

}  // namespace
}  // namespace salesops
