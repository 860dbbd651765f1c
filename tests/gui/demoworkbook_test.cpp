#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>

#include <cstdio>
#include <memory>

#include "GuiTestSupport.h"
#include "mainwindow/MainWindow.h"
#include "models/EntityTableModel.h"
#include "seams/MessageBoxSeam.h"
#include "services/DemoGenerator.h"
#include "support/TempDir.h"
#include "views/tables/EntityTableView.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

QTableView* table(const MainWindow& window, const char* entity) {
  return window.findChild<QTableView*>(QStringLiteral("table-%1").arg(QLatin1String(entity)));
}

TEST(DemoWorkbookTest, TablesCountTheGeneratedRows) {
  salesops::testing::TempDir dir;
  const auto path = dir / "demo.salesops";
  salesops::DemoSummary summary;
  {
    auto workbook = salesops::Workbook::create(path);
    summary = salesops::generateDemo(*workbook, {.opportunities = 2000, .seed = 7});
  }
  MainWindow window;
  window.show();
  ASSERT_TRUE(window.openWorkbook(qs(path)));
  const std::pair<const char*, std::int64_t> expected[] = {{"opportunity", summary.opportunities},
                                                           {"account", summary.accounts},
                                                           {"contact", summary.contacts},
                                                           {"rep", summary.reps},
                                                           {"quota", summary.quotas}};
  EXPECT_EQ(summary.opportunities, 2000);
  for (const auto& [entity, rows] : expected) {
    EXPECT_TRUE(waitUntil([&] { return table(window, entity)->model()->rowCount() == rows; }))
        << entity << ": " << table(window, entity)->model()->rowCount() << " of " << rows;
  }

  // The same sort on a worker thread and on the GUI thread gives the same order.
  EntityTableView* page = window.tableView(QStringLiteral("opportunity"));
  QTableView* view = table(window, "opportunity");
  view->sortByColumn(6, Qt::DescendingOrder);
  const auto firstIds = [&] {
    QStringList ids;
    for (int r = 0; r < 50; ++r) ids << view->model()->index(r, 0).data().toString();
    return ids;
  };
  const QStringList synchronous = firstIds();
  page->model()->setBackgroundThreshold(0);
  view->sortByColumn(10, Qt::AscendingOrder);
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading(); }));
  view->sortByColumn(6, Qt::DescendingOrder);
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading(); }));
  EXPECT_EQ(firstIds(), synchronous);
}

// Opt-in: SALESOPS_GUI_BIG_WORKBOOK=/path/to/a-1M-row.salesops prints how long the opportunity table takes.
TEST(DemoWorkbookTest, BigWorkbookTimings) {
  const QString path = qEnvironmentVariable("SALESOPS_GUI_BIG_WORKBOOK");
  if (path.isEmpty()) GTEST_SKIP() << "set SALESOPS_GUI_BIG_WORKBOOK to time a large workbook";
  MainWindow window;
  window.show();
  QElapsedTimer timer;
  timer.start();
  ASSERT_TRUE(window.openWorkbook(path));
  const qint64 opened = timer.restart();
  EntityTableView* page = window.tableView(QStringLiteral("opportunity"));
  QTableView* view = table(window, "opportunity");
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading() && view->model()->rowCount() > 0; }, 60000));
  const qint64 rowsReady = timer.restart();
  view->sortByColumn(6, Qt::DescendingOrder);
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading(); }, 120000));
  const qint64 sorted = timer.restart();
  view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() / 2);
  QCoreApplication::processEvents();
  view->viewport()->repaint();
  const qint64 scrolled = timer.restart();
  window.findChild<QLineEdit*>(QStringLiteral("filter-opportunity"))->setText(QStringLiteral("Renewal 2025"));
  ASSERT_TRUE(waitUntil([&] { return page->model()->filterText() == QStringLiteral("Renewal 2025"); }));
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading(); }, 120000));
  const qint64 filtered = timer.restart();
  std::printf(
      "rows %d: open %lld ms, row order %lld ms, sort by amount %lld ms, jump+paint %lld ms, "
      "filter+sort %lld ms (%d rows)\n",
      static_cast<int>(page->model()->totalRows()), static_cast<long long>(opened), static_cast<long long>(rowsReady),
      static_cast<long long>(sorted), static_cast<long long>(scrolled), static_cast<long long>(filtered),
      view->model()->rowCount());
}

}  // namespace
