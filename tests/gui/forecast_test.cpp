#include <gtest/gtest.h>

#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTreeWidget>

#include <memory>

#include "GuiTestSupport.h"
#include "charts/OutcomeHistogramChart.h"
#include "mainwindow/MainWindow.h"
#include "seams/MessageBoxSeam.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"
#include "views/forecast/ForecastPage.h"
#include "views/forecast/ForecastTree.h"
#include "widgets/PeriodPicker.h"

using guitest::qs;
using guitest::waitUntil;
using salesops::forecast::Layer;
using salesops::forecast::View;

namespace {

class ForecastPageTest : public ::testing::Test {
 protected:
  void SetUp() override { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
  void TearDown() override {
    window_.reset();
    MessageBoxSeam::reset();
    QLocale::setDefault(QLocale::system());
  }

  void open(const std::filesystem::path& path, salesops::Date today) {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    page_ = window_->findChild<ForecastPage*>(QStringLiteral("page-forecast"));
    ASSERT_NE(page_, nullptr);
    page_->setToday(today);
    ASSERT_TRUE(window_->openWorkbook(qs(path)));
    ASSERT_TRUE(guitest::showPage(*window_, QStringLiteral("forecast")));
    ASSERT_TRUE(settled());
  }
  bool settled() {
    return waitUntil([&] { return page_->pipeline() != nullptr && !page_->busy(); }, 30000);
  }
  QTreeWidgetItem* item(const QString& repId) {
    for (QTreeWidgetItemIterator it(page_->tree()); *it; ++it) {
      if ((*it)->data(0, ForecastTree::kRepIdRole).toString() == repId) return *it;
    }
    return nullptr;
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
  ForecastPage* page_ = nullptr;
};

TEST_F(ForecastPageTest, AdjustSubmitAndSimulateOnASmallWorkbook) {
  const auto path = dir_ / "small.salesops";
  guitest::createSmallWorkbook(path);
  open(path, salesops::Date::fromCivil(2026, 5, 1));
  EXPECT_EQ(page_->periodPicker()->currentText(), QStringLiteral("FY2026-Q2"));
  // Three reps without managers: three roots. R002's Q2 pipeline: 120,000.00 + 9,900.00.
  EXPECT_EQ(page_->tree()->topLevelItemCount(), 3);
  ASSERT_NE(item(QStringLiteral("R002")), nullptr);
  EXPECT_EQ(item(QStringLiteral("R002"))->text(ForecastTree::Pipeline), QStringLiteral("129,900"));
  EXPECT_EQ(item(QStringLiteral("R002"))->text(ForecastTree::Commit), QStringLiteral("0"));

  ASSERT_TRUE(page_->tree()->selectRep(QStringLiteral("R002")));
  ASSERT_TRUE(waitUntil([&] { return page_->shownScope() == "R002" && !page_->busy(); }));
  // No history: configured probabilities. 0.6 × 120,000.00 + 0.2 × 9,900.00 = 73,980.00 expected.
  const auto& scope = page_->pipeline()->nodes.front();
  EXPECT_EQ(scope.openDeals, 2);
  EXPECT_DOUBLE_EQ(scope.expected, 7398000.0);
  EXPECT_LE(scope.p10, scope.p50);
  EXPECT_LE(scope.p50, scope.p90);
  std::int64_t trials = 0;
  for (const auto c : page_->pipeline()->histogramCounts) trials += c;
  EXPECT_EQ(trials, ForecastPage::kTrials);

  ASSERT_TRUE(page_->applyAdjustment(View::Commit, Layer::Manager, 5000000, QStringLiteral("Globex verbally agreed")));
  ASSERT_TRUE(settled());
  ASSERT_TRUE(waitUntil([&] { return item(QStringLiteral("R002"))->text(ForecastTree::CommitAdjusted) == "50,000"; }));
  auto* r2 = item(QStringLiteral("R002"));
  EXPECT_EQ(r2->text(ForecastTree::Commit), QStringLiteral("0"));  // the unadjusted number stays
  EXPECT_TRUE(r2->font(ForecastTree::CommitAdjusted).bold());
  EXPECT_TRUE(r2->toolTip(ForecastTree::CommitAdjusted).contains(QStringLiteral("Globex verbally agreed")));
  EXPECT_EQ(page_->shownScope(), "R002");  // the selection survives the rebuild

  // An adjustment without a note is refused with a message and changes nothing.
  MessageBoxSeam::preload();
  EXPECT_FALSE(page_->applyAdjustment(View::Commit, Layer::Manager, 1, QString()));
  EXPECT_EQ(window_->workbook()->db().queryInt("SELECT count(*) FROM forecast_adjustment"), 1);

  MessageBoxSeam::preload();
  ASSERT_TRUE(page_->submitSelected());
  ASSERT_TRUE(settled());
  auto& db = window_->workbook()->db();
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM forecast_submission"), 3);
  EXPECT_EQ(db.queryInt("SELECT amount FROM forecast_submission WHERE category = 'commit'"), 5000000);
  EXPECT_EQ(db.queryInt("SELECT amount FROM forecast_submission WHERE category = 'pipeline'"), 12990000);
}

TEST_F(ForecastPageTest, DemoWorkbookShowsTrendSimulationAndStatistics) {
  const auto path = dir_ / "demo.salesops";
  {
    auto workbook = salesops::Workbook::create(path);
    salesops::generateDemo(*workbook, {.opportunities = 2000, .seed = 7});
  }
  open(path, salesops::Date::fromCivil(2030, 1, 1));
  EXPECT_EQ(page_->periodPicker()->currentText(), QStringLiteral("FY2026-Q4"));  // the demo's as-of quarter
  ASSERT_FALSE(page_->shownScope().empty());
  // The demo's reps call weekly: the trend runs from before the quarter to the as-of date 2026-11-15.
  ASSERT_NE(page_->trend(), nullptr);
  ASSERT_GE(page_->trend()->points.size(), 6u);
  EXPECT_EQ(page_->trend()->points.back().weekEnd.toString(), "2026-11-15");
  EXPECT_GT(page_->trend()->points.back().commit, 0);
  // Learned probabilities have enough demo history for every stage.
  for (const auto& s : page_->pipeline()->probabilities.stages) EXPECT_FALSE(s.win.insufficient);
  ASSERT_NE(page_->statistical(), nullptr);
  EXPECT_GE(page_->statistical()->history.size(), 24u);
  EXPECT_EQ(page_->statistical()->result.forecast.mean.size(), 2u);  // November and December
  auto* table = window_->findChild<QTableWidget*>(QStringLiteral("forecast-backtest"));
  ASSERT_NE(table, nullptr);
  EXPECT_GE(table->rowCount(), 5);
  auto* histogram = window_->findChild<OutcomeHistogramChart*>(QStringLiteral("chart-monte-carlo"));
  ASSERT_NE(histogram, nullptr);
  EXPECT_EQ(histogram->binCount(), 40);
  auto* simulation = window_->findChild<QLabel*>(QStringLiteral("forecast-simulation"));
  EXPECT_TRUE(simulation->text().contains(QStringLiteral("10,000 trials"))) << simulation->text().toStdString();
}

}  // namespace
