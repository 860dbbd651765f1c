#include <gtest/gtest.h>

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>
#include <memory>

#include "GuiTestSupport.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/UserSettings.h"
#include "models/EntityTableModel.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"
#include "views/tables/EntityTableView.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

class MainWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MessageBoxSeam::reset();
    FileDialogSeam::reset();
    path_ = dir_ / "small.salesops";
    guitest::createSmallWorkbook(path_);
    window_ = std::make_unique<MainWindow>();
    window_->show();
    ASSERT_TRUE(window_->openWorkbook(qs(path_)));
  }
  void TearDown() override {
    window_.reset();
    EXPECT_EQ(MessageBoxSeam::pendingAnswers(), 0);
    EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  }

  QTableView* table(const char* entity) const {
    return window_->findChild<QTableView*>(QStringLiteral("table-%1").arg(QLatin1String(entity)));
  }
  // Selects the sidebar entry with this key, as a click would.
  void navigateTo(const QString& key) {
    auto* navigation = window_->findChild<QListWidget*>(QStringLiteral("navigation"));
    for (int i = 0; i < navigation->count(); ++i) {
      if (navigation->item(i)->data(Qt::UserRole).toString() == key) navigation->setCurrentRow(i);
    }
  }
  int columnOf(QTableView* view, const QString& title) const {
    for (int c = 0; c < view->model()->columnCount(); ++c) {
      if (view->model()->headerData(c, Qt::Horizontal).toString() == title) return c;
    }
    return -1;
  }
  QStringList columnText(QTableView* view, int column) const {
    QStringList values;
    for (int r = 0; r < view->model()->rowCount(); ++r) values << view->model()->index(r, column).data().toString();
    return values;
  }

  salesops::testing::TempDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<MainWindow> window_;
};

TEST_F(MainWindowTest, NavigationListsEveryPage) {
  auto* navigation = window_->findChild<QListWidget*>(QStringLiteral("navigation"));
  ASSERT_NE(navigation, nullptr);
  QStringList labels;
  for (int i = 0; i < navigation->count(); ++i) labels << navigation->item(i)->text();
  EXPECT_EQ(labels, (QStringList{"Dashboard", "Opportunities", "Accounts", "Contacts", "Reps", "Quotas", "Forecast",
                                 "Territories", "Compensation", "Reports"}));
  auto* pages = window_->findChild<QStackedWidget*>(QStringLiteral("pages"));
  navigateTo(QStringLiteral("quota"));
  EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("page-quota"));
}

TEST_F(MainWindowTest, TitleStatusAndRecentFilesNameTheWorkbook) {
  EXPECT_EQ(window_->windowTitle(), QStringLiteral("small.salesops — SalesOps Workbench"));
  auto* pathLabel = window_->findChild<QLabel*>(QStringLiteral("status-path"));
  EXPECT_TRUE(pathLabel->text().endsWith(QStringLiteral("small.salesops")));
  EXPECT_EQ(QFileInfo(UserSettings().recentFiles().value(0)).fileName(), QStringLiteral("small.salesops"));

  navigateTo(QStringLiteral("opportunity"));
  auto* rows = window_->findChild<QLabel*>(QStringLiteral("status-rows"));
  EXPECT_TRUE(waitUntil([&] { return rows->text() == QStringLiteral("6 rows"); })) << rows->text().toStdString();
}

TEST_F(MainWindowTest, EveryTableShowsEveryRow) {
  const guitest::SmallWorkbookCounts expected;
  const std::pair<const char*, int> tables[] = {{"opportunity", expected.opportunities},
                                                {"account", expected.accounts},
                                                {"contact", expected.contacts},
                                                {"rep", expected.reps},
                                                {"quota", expected.quotas}};
  for (const auto& [entity, rows] : tables) {
    QTableView* view = table(entity);
    ASSERT_NE(view, nullptr) << entity;
    EXPECT_TRUE(waitUntil([&] { return view->model()->rowCount() == rows; })) << entity;
    EXPECT_TRUE(window_->findChild<QLineEdit*>(QStringLiteral("filter-%1").arg(QLatin1String(entity)))) << entity;
  }
  // References show the referenced row's key, not the surrogate id.
  QTableView* opportunities = table("opportunity");
  const int account = columnOf(opportunities, QStringLiteral("Account ID"));
  const int stage = columnOf(opportunities, QStringLiteral("Stage"));
  EXPECT_EQ(opportunities->model()->index(0, account).data().toString(), QStringLiteral("A001"));
  EXPECT_EQ(opportunities->model()->index(0, stage).data().toString(), QStringLiteral("Prospecting"));
}

TEST_F(MainWindowTest, FilterNarrowsTheRows) {
  navigateTo(QStringLiteral("opportunity"));
  QTableView* view = table("opportunity");
  auto* filter = window_->findChild<QLineEdit*>(QStringLiteral("filter-opportunity"));
  QTest::keyClicks(filter, QStringLiteral("initech"));
  ASSERT_TRUE(waitUntil([&] { return view->model()->rowCount() == 2; })) << view->model()->rowCount();
  const int name = columnOf(view, QStringLiteral("Name"));
  for (const QString& value : columnText(view, name)) EXPECT_TRUE(value.startsWith(QStringLiteral("Initech")));
  auto* rows = window_->findChild<QLabel*>(QStringLiteral("status-rows"));
  EXPECT_EQ(rows->text(), QStringLiteral("2 of 6 rows"));

  // A referenced key matches too: A001 is the account of two opportunities.
  filter->setText(QStringLiteral("A001"));
  EXPECT_TRUE(waitUntil([&] { return view->model()->rowCount() == 2; }));
  filter->clear();
  EXPECT_TRUE(waitUntil([&] { return view->model()->rowCount() == 6; }));
}

TEST_F(MainWindowTest, ClickingTheAmountHeaderSortsByAmount) {
  navigateTo(QStringLiteral("opportunity"));
  QTableView* view = table("opportunity");
  ASSERT_TRUE(waitUntil([&] { return view->model()->rowCount() == 6; }));
  const int amount = columnOf(view, QStringLiteral("Amount"));
  ASSERT_GE(amount, 0);
  EXPECT_EQ(view->model()->index(0, amount).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
            Qt::AlignRight);
  QHeaderView* header = view->horizontalHeader();
  view->scrollTo(view->model()->index(0, amount));
  const QPoint click(header->sectionViewportPosition(amount) + header->sectionSize(amount) / 2, header->height() / 2);

  const auto amounts = [&] {
    QList<double> values;
    for (const QString& text : columnText(view, amount)) values << text.toDouble();
    return values;
  };
  QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, click);
  ASSERT_TRUE(waitUntil([&] { return !window_->tableView("opportunity")->model()->isLoading(); }));
  auto ascending = amounts();
  EXPECT_TRUE(std::is_sorted(ascending.begin(), ascending.end())) << columnText(view, amount).join(",").toStdString();
  EXPECT_DOUBLE_EQ(ascending.first(), 0.01);

  QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, click);
  ASSERT_TRUE(waitUntil([&] { return amounts().first() == 120000.0; }));
  auto descending = amounts();
  EXPECT_TRUE(std::is_sorted(descending.rbegin(), descending.rend()));
}

TEST_F(MainWindowTest, LargeTablesSortOnAWorkerThread) {
  navigateTo(QStringLiteral("opportunity"));  // tables load when shown (or after the dashboard's numbers)
  EntityTableView* page = window_->tableView(QStringLiteral("opportunity"));
  page->model()->setBackgroundThreshold(0);
  QTableView* view = table("opportunity");
  const int close = columnOf(view, QStringLiteral("Close date"));
  view->sortByColumn(close, Qt::AscendingOrder);
  EXPECT_TRUE(page->model()->isLoading());
  EXPECT_TRUE(page->statusText().startsWith(QStringLiteral("Sorting")));
  ASSERT_TRUE(waitUntil([&] { return !page->model()->isLoading(); }));
  const QStringList dates = columnText(view, close);
  EXPECT_EQ(dates.size(), 6);
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << dates.join(",").toStdString();
}

TEST_F(MainWindowTest, TablesWaitForTheDashboardUnlessShown) {
  // Opened on the dashboard, a table attaches once the KPIs are in; opened on a table, at once.
  window_.reset();
  window_ = std::make_unique<MainWindow>();
  window_->show();
  navigateTo(QStringLiteral("dashboard"));
  ASSERT_TRUE(window_->openWorkbook(qs(path_)));
  EntityTableView* accounts = window_->tableView(QStringLiteral("account"));
  EXPECT_EQ(accounts->model()->rowCount(), 0);
  EXPECT_TRUE(waitUntil([&] { return accounts->model()->rowCount() == 4; }));
}

TEST_F(MainWindowTest, HiddenColumnsAreRemembered) {
  UserSettings().setHiddenColumns(QStringLiteral("rep"), {QStringLiteral("email")});
  MainWindow second;
  auto* view = second.findChild<QTableView*>(QStringLiteral("table-rep"));
  EXPECT_TRUE(view->isColumnHidden(2));
  EXPECT_FALSE(view->isColumnHidden(1));
  UserSettings().setHiddenColumns(QStringLiteral("rep"), {});
}

TEST_F(MainWindowTest, OpeningAFileThatIsNoWorkbookShowsTheError) {
  const auto junk = dir_ / "notes.salesops";
  salesops::testing::writeFile(junk, "these are not the rows you are looking for\n");
  MessageBoxSeam::preload(QMessageBox::Ok);
  EXPECT_FALSE(window_->openWorkbook(qs(junk)));
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_EQ(MessageBoxSeam::shown().front().kind, MessageBoxSeam::Kind::Critical);
  EXPECT_TRUE(MessageBoxSeam::shown().front().text.contains(QStringLiteral("notes.salesops")))
      << MessageBoxSeam::shown().front().text.toStdString();
  // The workbook that was open stays open.
  ASSERT_NE(window_->workbook(), nullptr);
  EXPECT_EQ(window_->workbook()->path(), path_);
}

TEST_F(MainWindowTest, OpenThroughTheFileDialogSeam) {
  const auto other = dir_ / "other.salesops";
  guitest::createSmallWorkbook(other);
  FileDialogSeam::preload(qs(other));
  QMetaObject::invokeMethod(window_.get(), "promptOpen", Qt::DirectConnection);
  ASSERT_NE(window_->workbook(), nullptr);
  EXPECT_EQ(window_->workbook()->path(), other);
  EXPECT_TRUE(waitUntil([&] { return table("opportunity")->model()->rowCount() == 6; }));
}

TEST_F(MainWindowTest, EveryPageIsARealScreen) {
  // No page is a "coming soon" placeholder any more; the dashboard's workbook summary lives on in a tab.
  for (const char* key : {"dashboard", "forecast", "territories", "compensation", "reports"}) {
    ASSERT_NE(window_->findChild<QWidget*>(QStringLiteral("page-%1").arg(QLatin1String(key))), nullptr) << key;
    // The workbook summary inside the dashboard keeps its old note, hidden.
    auto* note = window_->findChild<QLabel*>(QStringLiteral("placeholder-%1").arg(QLatin1String(key)));
    EXPECT_TRUE(note == nullptr || note->isHidden()) << key;
  }
  ASSERT_NE(window_->findChild<QWidget*>(QStringLiteral("comp-tabs")), nullptr);
  auto* counts = window_->findChild<QTableWidget*>(QStringLiteral("summary-counts"));
  ASSERT_NE(counts, nullptr);
  // The counts arrive from a worker thread.
  EXPECT_TRUE(waitUntil([&] { return !counts->isHidden(); }));
  ASSERT_GT(counts->rowCount(), 5);
  EXPECT_EQ(counts->item(5, 0)->text(), QStringLiteral("Opportunities"));
  EXPECT_EQ(counts->item(1, 0)->text(), QStringLiteral("FX rates"));
  EXPECT_EQ(counts->item(5, 1)->text(), QStringLiteral("6"));
}

TEST_F(MainWindowTest, NewWorkbookIsCreatedAndOpened) {
  const auto fresh = dir_ / "fresh";
  FileDialogSeam::preload(qs(fresh));
  QMetaObject::invokeMethod(window_.get(), "promptNew", Qt::DirectConnection);
  ASSERT_NE(window_->workbook(), nullptr);
  EXPECT_EQ(window_->workbook()->path().filename(), "fresh.salesops");
  EXPECT_EQ(table("opportunity")->model()->rowCount(), 0);
  EXPECT_EQ(window_->windowTitle(), QStringLiteral("fresh.salesops — SalesOps Workbench"));
}

TEST_F(MainWindowTest, ASecondWindowCannotOpenAWorkbookInUse) {
  MainWindow second;
  MessageBoxSeam::preload(QMessageBox::Ok);
  EXPECT_FALSE(second.openWorkbook(qs(path_)));
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_TRUE(MessageBoxSeam::shown().front().text.contains(QStringLiteral("in use"), Qt::CaseInsensitive))
      << MessageBoxSeam::shown().front().text.toStdString();
}

}  // namespace

namespace {

TEST(MainWindowStartTest, StartsOnTheRememberedPage) {
  UserSettings().setCurrentPage(QStringLiteral("opportunity"));
  MainWindow window;
  auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
  EXPECT_EQ(pages->currentWidget()->objectName(), QStringLiteral("page-opportunity"));
  EXPECT_EQ(window.windowTitle(), QStringLiteral("SalesOps Workbench"));
  UserSettings().setCurrentPage({});
}

}  // namespace
