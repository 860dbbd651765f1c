#include <gtest/gtest.h>

#include <QBarSeries>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QToolButton>

#include <memory>

#include "GuiTestSupport.h"
#include "charts/BookingsVsQuotaChart.h"
#include "charts/ForecastVsActualChart.h"
#include "charts/PipelineByStageChart.h"
#include "charts/TrendChart.h"
#include "mainwindow/MainWindow.h"
#include "models/EntityTableModel.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"
#include "views/dashboard/DashboardPage.h"
#include "views/dashboard/KpiText.h"
#include "views/tables/EntityTableView.h"
#include "widgets/KpiTile.h"
#include "widgets/PeriodPicker.h"
#include "widgets/ScopePicker.h"

using guitest::qs;
using guitest::waitUntil;
using salesops::KpiId;

namespace {

const QString kDash = QString(QChar(0x2014));

class DashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Hand-checked texts below are in US English, whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  }
  void TearDown() override {
    window_.reset();
    QLocale::setDefault(QLocale::system());
  }

  // Opens `path` in a fresh window with "today" fixed, and waits for the snapshot.
  void open(const std::filesystem::path& path, salesops::Date today) {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    dashboard_ = window_->findChild<DashboardPage*>(QStringLiteral("page-dashboard"));
    ASSERT_NE(dashboard_, nullptr);
    dashboard_->setToday(today);
    ASSERT_TRUE(window_->openWorkbook(qs(path)));
    auto* message = dashboard_->findChild<QLabel*>(QStringLiteral("dashboard-message"));
    ASSERT_NE(message, nullptr);
    EXPECT_EQ(message->text(), QStringLiteral("Loading KPIs…"));
    ASSERT_TRUE(waitUntil([&] { return dashboard_->service() != nullptr; }));
  }

  void select(const QString& quarter, const QString& scopeKey) {
    ASSERT_TRUE(dashboard_->periodPicker()->selectName(quarter)) << quarter.toStdString();
    ASSERT_TRUE(dashboard_->scopePicker()->selectKey(scopeKey)) << scopeKey.toStdString();
  }

  QString value(const char* id) const { return dashboard_->tile(QLatin1String(id))->valueText(); }
  QString change(const char* id) const { return dashboard_->tile(QLatin1String(id))->changeText(); }

  // Every tile against what KpiService computes for the same request, formatted the same way.
  void expectTilesMatchService(const salesops::KpiRequest& request, const std::string& groupId = {}) {
    const salesops::KpiService& service = *dashboard_->service();
    const salesops::KpiReport report = service.compute(request, dashboard_->today());
    std::size_t g = 0;
    for (std::size_t i = 0; i < report.groups.size(); ++i) {
      if (report.groups[i].id == groupId) g = i;
    }
    const auto& current = report.grid.cell(g, report.periods.size() - 1);
    const auto& previous = report.grid.cell(g, report.periods.size() - 2);
    const kpitext::Money money{QString::fromStdString(report.currency), report.minorDigits};
    int checked = 0;
    for (const auto& kpi : salesops::kpiCatalog()) {
      KpiTile* tile = dashboard_->tile(QString::fromUtf8(kpi.id.data(), static_cast<qsizetype>(kpi.id.size())));
      if (!tile) continue;
      const auto id = static_cast<KpiId>(salesops::kpiIndex(kpi));
      EXPECT_EQ(tile->valueText(), kpitext::value(current[id], kpi.kind, money)) << kpi.id;
      EXPECT_EQ(tile->changeText(), kpitext::change(current[id], previous[id], kpi.kind)) << kpi.id;
      ++checked;
    }
    EXPECT_GE(checked, 14);
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
  DashboardPage* dashboard_ = nullptr;
};

TEST_F(DashboardTest, SmallWorkbookShowsHandCheckedKpis) {
  const auto path = dir_ / "small.salesops";
  guitest::createSmallWorkbook(path);
  open(path, salesops::Date::fromCivil(2026, 5, 1));
  // The workbook sets no as-of date, so the default quarter is the one containing "today".
  EXPECT_EQ(dashboard_->periodPicker()->currentText(), QStringLiteral("FY2026-Q2"));
  select(QStringLiteral("FY2026-Q2"), QStringLiteral("all"));

  // Open in Q2: 120,000 + 750.50 + 9,900 = 130,650.50; in Q1 5,000, so +2,513.01%.
  EXPECT_EQ(value("pipeline"), QStringLiteral("130,651 USD"));
  EXPECT_EQ(change("pipeline"), QStringLiteral("↑ 2,513.0%"));
  // Q1 booked the 30,000 add-on, Q2 nothing.
  EXPECT_EQ(value("bookings"), QStringLiteral("0 USD"));
  EXPECT_EQ(change("bookings"), QStringLiteral("↓ 100.0%"));
  // No quota in Q2: attainment is undefined, and so is its change.
  EXPECT_EQ(value("attainment"), kDash);
  EXPECT_EQ(change("attainment"), QString());
  EXPECT_EQ(value("win_rate"), kDash);
  EXPECT_FALSE(dashboard_->tile(QStringLiteral("win_rate"))->toolTip().isEmpty());

  salesops::KpiRequest request;
  request.periods =
      salesops::precedingQuarters(dashboard_->service()->calendar(), dashboard_->periodPicker()->currentPeriod(), 8);
  expectTilesMatchService(request);

  // Five open stages, drawn bottom-up; Proposal holds the 120,000 (the axis is in thousands).
  const auto stages = dashboard_->pipelineChart()->bars()->barSets();
  ASSERT_EQ(stages.size(), 1);
  ASSERT_EQ(stages[0]->count(), 5);
  EXPECT_DOUBLE_EQ(stages[0]->at(1), 120.0);
  EXPECT_DOUBLE_EQ(stages[0]->at(3), 9.9);
  // Eight quarters; only FY2026-Q1 closed anything (one won, one lost).
  EXPECT_EQ(dashboard_->trendChart()->winRate()->count(), 1);
  EXPECT_DOUBLE_EQ(dashboard_->trendChart()->winRate()->at(0).y(), 50.0);
  EXPECT_DOUBLE_EQ(dashboard_->trendChart()->winRate()->at(0).x(), 6.0);
  const auto forecast = dashboard_->forecastChart()->bars()->barSets();
  ASSERT_EQ(forecast.size(), 2);
  EXPECT_EQ(forecast[0]->count(), 8);
  EXPECT_EQ(forecast[1]->count(), 8);
  ASSERT_EQ(dashboard_->bookingsChart()->bars()->barSets().size(), 1);
  EXPECT_EQ(dashboard_->bookingsChart()->bars()->barSets()[0]->count(), 3);
  EXPECT_EQ(dashboard_->bookingsChart()->target()->count(), 2);

  // One rep in Q1: Ada booked 30,000 of her 250,000 quota.
  select(QStringLiteral("FY2026-Q1"), QStringLiteral("rep:R001"));
  EXPECT_EQ(value("bookings"), QStringLiteral("30,000 USD"));
  EXPECT_EQ(value("quota"), QStringLiteral("250,000 USD"));
  EXPECT_EQ(value("attainment"), QStringLiteral("12.0%"));
  EXPECT_EQ(dashboard_->bookingsChart()->repIds(), QStringList{QStringLiteral("R001")});
  EXPECT_DOUBLE_EQ(dashboard_->bookingsChart()->bars()->barSets()[0]->at(0), 12.0);
}

// The fixture's opportunities (GuiTestSupport): O001 R001 Prospecting 03-31, O002 R002 Proposal 04-30,
// O003 R003 Negotiation 05-15, O004 R001 Closed Won 02-28, O005 R002 Qualification 06-30,
// O006 R003 Closed Lost 01-31 (2026).
TEST_F(DashboardTest, TileAndBarClicksShowTheOpportunitiesBehindThem) {
  const auto path = dir_ / "small.salesops";
  guitest::createSmallWorkbook(path);
  open(path, salesops::Date::fromCivil(2026, 5, 1));
  EntityTableView* table = window_->tableView(QStringLiteral("opportunity"));
  ASSERT_NE(table, nullptr);
  auto* navigation = window_->findChild<QListWidget*>(QStringLiteral("navigation"));
  const auto shownIds = [&] {
    QStringList ids;
    EXPECT_TRUE(waitUntil([&] { return !table->model()->isLoading(); }));
    for (int row = 0; row < table->model()->rowCount(); ++row) ids << table->model()->index(row, 0).data().toString();
    return ids;
  };

  // Ada's bookings in Q1: her one won deal.
  select(QStringLiteral("FY2026-Q1"), QStringLiteral("rep:R001"));
  QTest::mouseClick(dashboard_->tile(QStringLiteral("bookings")), Qt::LeftButton);
  EXPECT_EQ(navigation->currentItem()->data(Qt::UserRole).toString(), QStringLiteral("opportunity"));
  EXPECT_EQ(shownIds(), QStringList{QStringLiteral("O004")});
  EXPECT_TRUE(table->drillDownText().startsWith(QStringLiteral("Won opportunities closing in FY2026-Q1")))
      << table->drillDownText().toStdString();

  // Everyone's win rate in Q1: the won and the lost deal.
  select(QStringLiteral("FY2026-Q1"), QStringLiteral("all"));
  QTest::mouseClick(dashboard_->tile(QStringLiteral("win_rate")), Qt::LeftButton);
  EXPECT_EQ(shownIds(), (QStringList{QStringLiteral("O004"), QStringLiteral("O006")}));

  // Everyone's open pipeline in Q2, then one stage's bar.
  select(QStringLiteral("FY2026-Q2"), QStringLiteral("all"));
  QTest::mouseClick(dashboard_->tile(QStringLiteral("pipeline")), Qt::LeftButton);
  EXPECT_EQ(shownIds(), (QStringList{QStringLiteral("O002"), QStringLiteral("O003"), QStringLiteral("O005")}));
  emit dashboard_->pipelineChart()->stageClicked(QStringLiteral("Proposal"));
  EXPECT_EQ(shownIds(), QStringList{QStringLiteral("O002")});

  // A rep's bar: that rep's won deals in the quarter (Ben has none in Q2).
  emit dashboard_->bookingsChart()->repClicked(QStringLiteral("R002"));
  EXPECT_EQ(shownIds(), QStringList{});

  table->findChild<QToolButton*>(QStringLiteral("drill-clear-opportunity"))->click();
  EXPECT_EQ(shownIds().size(), 6);
  EXPECT_TRUE(table->drillDownText().isEmpty());
}

TEST_F(DashboardTest, DemoWorkbookMatchesTheServiceForEveryScopeKind) {
  const auto path = dir_ / "demo.salesops";
  {
    auto workbook = salesops::Workbook::create(path);
    salesops::generateDemo(*workbook, {.opportunities = 2000, .seed = 7});
  }
  open(path, salesops::Date::fromCivil(2030, 1, 1));
  // The demo's as-of date (2026-11-15) wins over "today".
  EXPECT_EQ(dashboard_->periodPicker()->currentText(), QStringLiteral("FY2026-Q4"));
  ScopePicker* scopes = dashboard_->scopePicker();
  const auto& calendar = dashboard_->service()->calendar();
  for (const QString& prefix :
       {QStringLiteral("all"), QStringLiteral("team:"), QStringLiteral("manager:"), QStringLiteral("rep:")}) {
    int at = -1;
    for (int i = 0; i < scopes->count() && at < 0; ++i) {
      if (scopes->itemData(i).toString().startsWith(prefix)) at = i;
    }
    ASSERT_GE(at, 0) << prefix.toStdString();
    select(QStringLiteral("FY2026-Q3"), scopes->itemData(at).toString());
    const DashboardScope scope = scopes->currentScope();
    salesops::KpiRequest request;
    request.periods = salesops::precedingQuarters(calendar, dashboard_->periodPicker()->currentPeriod(), 8);
    request.by = scope.by;
    request.scope = scope.scope;
    expectTilesMatchService(request, scope.rep);
    EXPECT_LE(dashboard_->bookingsChart()->bars()->barSets()[0]->count(), BookingsVsQuotaChart::kMaxReps);
    EXPECT_EQ(dashboard_->forecastChart()->bars()->barSets()[1]->count(), 8);
  }
  // Closing and reopening (as an import does) loads the snapshot again and keeps the chosen quarter.
  window_->closeWorkbook();
  ASSERT_TRUE(window_->openWorkbook(qs(path)));
  EXPECT_EQ(dashboard_->service(), nullptr);
  ASSERT_TRUE(waitUntil([&] { return dashboard_->service() != nullptr; }));
  EXPECT_EQ(dashboard_->periodPicker()->currentText(), QStringLiteral("FY2026-Q3"));
}

}  // namespace
