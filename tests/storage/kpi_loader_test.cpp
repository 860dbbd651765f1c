// The snapshot loader and the KPI service on workbooks written through SQL: money converted per record at
// the rate in force (opportunities on close_date, quotas on period_start), effective probabilities, scopes.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "kpi/KpiEngine.h"
#include "services/KpiService.h"
#include "storage/KpiSnapshotLoader.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using enum KpiId;

Period range(const char* a, const char* b) { return Period{*parseDate(a), *parseDate(b)}; }

class KpiLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workbook = Workbook::create(dir / "book.salesops");
    db().exec(R"(
      INSERT INTO fx_rate(currency, valid_from, rate) VALUES ('EUR', '2026-01-01', '1.10'), ('EUR', '2026-02-01', '1.20');
      INSERT INTO rep(id, external_id, name, team, manager_id, start_date, end_date) VALUES
        (1, 'R1', 'Vera Boss', 'Lead', NULL, NULL, NULL),
        (2, 'R2', 'Ann Able', 'East', 1, '2020-01-01', NULL),
        (3, 'R3', 'Ben Baker', 'East', 2, '2020-01-01', '2026-02-10'),
        (4, 'R4', 'Cy Cole', 'West', 1, NULL, NULL);
    )");
  }
  Database& db() { return workbook->db(); }
  // stage ids of the default pipeline: 1..5 open, 6 won, 7 lost
  void opp(int id, int owner, int stage, std::int64_t amount, const char* currency, const char* close,
           std::optional<int> probability = std::nullopt) {
    auto q = db().prepare(
        "INSERT INTO opportunity(id, external_id, owner_rep_id, stage_id, amount, currency, probability, "
        "created_date, close_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '2025-12-01', ?8)");
    q.bind(1, id).bind(2, "O" + std::to_string(id)).bind(3, owner).bind(4, stage).bind(5, amount);
    q.bind(6, std::string_view(currency)).bind(7, probability).bind(8, std::string_view(close)).run();
  }

  testing::TempDir dir;
  std::unique_ptr<Workbook> workbook;
};

TEST_F(KpiLoaderTest, DealsConvertAtTheRateInForceOnTheirCloseDate) {
  opp(1, 2, 6, 10001, "EUR", "2026-01-31");  // 1.10: 110.011 -> 110.01
  opp(2, 2, 6, 10005, "EUR", "2026-02-01");  // 1.20: 120.06
  opp(3, 2, 6, 10000, "EUR", "2025-06-01");  // before the first rate: the first
  opp(4, 2, 6, 5, "USD", "2026-02-02");
  const KpiSnapshot s = loadKpiSnapshot(*workbook);
  EXPECT_EQ(s.currency, "USD");
  EXPECT_EQ(s.opportunities.amount, (std::vector<std::int64_t>{11001, 12006, 11000, 5}));
  const auto grid = computeKpis(s, {KpiGroup{"R2", "Ann", {1}}}, {range("2026-01-01", "2026-03-31")},
                                KpiParams{*parseDate("2026-03-31"), std::nullopt});
  EXPECT_EQ(grid.cell(0, 0)[Bookings].minor, 11001 + 12006 + 5);
}

TEST_F(KpiLoaderTest, QuotasConvertOnTheirPeriodStart) {
  db().exec(
      "INSERT INTO quota(rep_id, period_start, period_end, amount, currency) VALUES "
      "(2, '2026-01-01', '2026-01-31', 100000, 'EUR'), (2, '2026-02-01', '2026-02-28', 100000, 'EUR')");
  const KpiSnapshot s = loadKpiSnapshot(*workbook);
  EXPECT_EQ(s.quotas.amount, (std::vector<std::int64_t>{110000, 120000}));
}

TEST_F(KpiLoaderTest, ProbabilitiesAndStagesAreResolved) {
  opp(1, 2, 4, 100, "USD", "2026-03-01");        // Proposal: the stage's 60 %
  opp(2, 2, 4, 100, "USD", "2026-03-01", 1250);  // its own 12.5 %
  opp(3, 2, 6, 100, "USD", "2026-03-01", 3000);  // won forces 100 %
  opp(4, 2, 7, 100, "USD", "2026-03-01", 3000);  // lost forces 0
  db().exec(
      "INSERT INTO opportunity_history(opportunity_id, changed_at, stage_id) VALUES "
      "(4, '2026-01-05T10:00:00Z', 5), (4, '2026-01-06T10:00:00Z', NULL)");
  const KpiSnapshot s = loadKpiSnapshot(*workbook);
  EXPECT_EQ(s.opportunities.probability, (std::vector<std::uint16_t>{6000, 1250, 10000, 0}));
  EXPECT_EQ(s.opportunities.kind[2], StageKind::Won);
  EXPECT_EQ(s.history.opportunity.size(), 1u);  // the row without a stage says nothing about stages
  EXPECT_EQ(s.reachedLevel, (std::vector<std::uint8_t>{4, 4, 6, 5}));
}

TEST_F(KpiLoaderTest, AnOpportunityInACurrencyWithoutRatesIsADataError) {
  opp(1, 2, 6, 100, "CHF", "2026-01-31");
  try {
    loadKpiSnapshot(*workbook);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(e.message().find("CHF"), std::string::npos) << e.message();
  }
}

TEST_F(KpiLoaderTest, ServiceScopesFollowTheHierarchyAndTeams) {
  const KpiService service(*workbook);
  const auto names = [](const std::vector<KpiGroup>& groups) {
    std::vector<std::string> out;
    for (const auto& g : groups) out.push_back(g.id + ":" + std::to_string(g.reps.size()));
    return out;
  };
  EXPECT_EQ(names(service.groups(KpiGrouping::All, "")), (std::vector<std::string>{"all:4"}));
  EXPECT_EQ(names(service.groups(KpiGrouping::Rep, "")), (std::vector<std::string>{"R1:1", "R2:1", "R3:1", "R4:1"}));
  EXPECT_EQ(names(service.groups(KpiGrouping::Manager, "")), (std::vector<std::string>{"R1:4", "R2:2"}));
  EXPECT_EQ(names(service.groups(KpiGrouping::Team, "")), (std::vector<std::string>{"East:2", "Lead:1", "West:1"}));
  EXPECT_EQ(names(service.groups(KpiGrouping::All, "R2")), (std::vector<std::string>{"R2:2"}));  // R2 and R3
  EXPECT_EQ(names(service.groups(KpiGrouping::All, "R3")), (std::vector<std::string>{"R3:1"}));
  EXPECT_EQ(names(service.groups(KpiGrouping::Rep, "East")), (std::vector<std::string>{"R2:1", "R3:1"}));
  EXPECT_EQ(service.groups(KpiGrouping::All, "R2").front().name, "Ann Able");
  for (auto by : {KpiGrouping::All, KpiGrouping::Territory}) {
    try {
      service.groups(by, by == KpiGrouping::All ? "nobody" : "");
      FAIL() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Usage);
    }
  }
}

TEST_F(KpiLoaderTest, AsOfComesFromTheRequestThenTheWorkbookThenToday) {
  opp(1, 2, 3, 100, "USD", "2026-01-15");
  opp(2, 2, 3, 300, "USD", "2026-03-15");
  const Date today = *parseDate("2026-12-31");
  KpiRequest request;
  request.periods = {range("2026-01-01", "2026-03-31")};
  {
    const KpiService service(*workbook);
    EXPECT_EQ(service.compute(request, today).asOf, today);
    EXPECT_DOUBLE_EQ(service.compute(request, today).grid.cell(0, 0)[PastDueShare].number, 1.0);
  }
  WorkbookSettings settings = workbook->settings();
  settings.asOf = *parseDate("2026-02-01");
  workbook->saveSettings(settings);
  const KpiService service(*workbook);
  EXPECT_EQ(service.compute(request, today).asOf, *parseDate("2026-02-01"));
  EXPECT_DOUBLE_EQ(service.compute(request, today).grid.cell(0, 0)[PastDueShare].number, 0.25);
  request.asOf = *parseDate("2026-01-01");
  EXPECT_DOUBLE_EQ(service.compute(request, today).grid.cell(0, 0)[PastDueShare].number, 0.0);
}

}  // namespace
}  // namespace salesops
