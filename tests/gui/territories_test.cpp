#include <gtest/gtest.h>

#include <QBarSet>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

#include "GuiTestSupport.h"
#include "TerritoriesFixture.h"
#include "charts/TerritoryBalanceChart.h"
#include "mainwindow/MainWindow.h"
#include "services/TerritoryService.h"
#include "views/territories/TerritoriesPage.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

TEST_F(TerritoriesTest, LoadsWhenFirstShown) {
  // Opened while another page is current, the page waits; shown, it loads.
  window_.reset();  // the fixture's window showed the page already; a fresh one opens on the dashboard
  window_ = std::make_unique<MainWindow>();
  window_->show();
  page_ = window_->findChild<TerritoriesPage*>(QStringLiteral("page-territories"));
  ASSERT_NE(page_, nullptr);
  ASSERT_TRUE(guitest::showPage(*window_, QStringLiteral("dashboard")));
  ASSERT_TRUE(window_->openWorkbook(qs(dir_ / "t.salesops")));
  QTest::qWait(300);
  EXPECT_FALSE(page_->isLoaded());
  ASSERT_TRUE(guitest::showPage(*window_, QStringLiteral("territories")));
  EXPECT_TRUE(waitUntil([&] { return page_->isLoaded(); }));
}

TEST_F(TerritoriesTest, ShowsTheModelInForceAsATreeWithItsBalance) {
  QTreeWidget* tree = page_->tree();
  ASSERT_EQ(tree->topLevelItemCount(), 1);
  QTreeWidgetItem* emea = tree->topLevelItem(0);
  EXPECT_EQ(emea->text(0), QStringLiteral("EMEA"));
  ASSERT_EQ(emea->childCount(), 2);
  EXPECT_EQ(emea->child(0)->text(0), QStringLiteral("DE"));
  EXPECT_EQ(emea->child(0)->text(5), QStringLiteral("3"));  // A1, A2 and A5 (AT)
  EXPECT_EQ(emea->child(1)->text(0), QStringLiteral("FR"));

  // The rules of the selected territory with the accounts each matches: EMEA's region rule catches A1, A2,
  // A3 and A5.
  tree->setCurrentItem(emea);
  ASSERT_EQ(page_->rules()->rowCount(), 1);
  EXPECT_EQ(page_->rules()->item(0, 4)->text(), QStringLiteral("4"));

  // Accounts 3 and 1: CV 50.0 %, Gini 0.25, max/min 3.
  page_->selectMetric(salesops::BalanceMetric::Accounts);
  auto* stats = page_->findChild<QLabel*>(QStringLiteral("balance-stats"));
  ASSERT_NE(stats, nullptr);
  EXPECT_TRUE(stats->text().startsWith(QStringLiteral("CV 50.0%, Gini 0.250, max/min 3.00")))
      << stats->text().toStdString();
  ASSERT_EQ(page_->balanceTable()->rowCount(), 2);
  EXPECT_EQ(page_->balanceTable()->item(0, 4)->text(), QStringLiteral("1,300,000"));  // potential of DE
  ASSERT_NE(page_->chart()->bars(), nullptr);
  EXPECT_EQ(page_->chart()->bars()->at(0), 3.0);
}

TEST_F(TerritoriesTest, AnotherModelLoadsOnRequest) {
  ASSERT_TRUE(page_->selectModel(QStringLiteral("M2")));
  ASSERT_TRUE(waitUntil([&] { return page_->balance() && page_->balance()->modelId == "M2"; }));
  ASSERT_EQ(page_->tree()->topLevelItem(0)->childCount(), 3);  // DE, FR, DE-ENT
  ASSERT_EQ(page_->balanceTable()->rowCount(), 3);
  EXPECT_EQ(page_->balanceTable()->item(2, 0)->text(), QStringLiteral("DE-ENT"));
  EXPECT_EQ(page_->balanceTable()->item(2, 3)->text(), QStringLiteral("1"));  // A1 (5,000 employees)
  EXPECT_FALSE(page_->selectModel(QStringLiteral("NOPE")));
}

TEST_F(TerritoriesTest, EditsOfAPlanningModelAreUndoable) {
  // The active model is read-only on screen.
  EXPECT_FALSE(page_->tree()->topLevelItem(0)->flags() & Qt::ItemIsEditable);
  ASSERT_TRUE(page_->selectModel(QStringLiteral("M2")));
  ASSERT_TRUE(waitUntil([&] { return page_->balance() && page_->balance()->modelId == "M2"; }));
  QTreeWidgetItem* deEnt = page_->tree()->topLevelItem(0)->child(2);
  ASSERT_EQ(deEnt->text(0), QStringLiteral("DE-ENT"));
  ASSERT_TRUE(deEnt->flags() & Qt::ItemIsEditable);
  deEnt->setText(1, QStringLiteral("Großkunden"));  // as the in-place editor commits it
  ASSERT_EQ(page_->undoStack()->count(), 1);
  const auto nameOfDeEnt = [&] {
    return salesops::TerritoryService(*window_->workbook()).loadModel("M2").find("DE-ENT")->name;
  };
  EXPECT_EQ(nameOfDeEnt(), "Großkunden");
  page_->undoStack()->undo();
  EXPECT_EQ(nameOfDeEnt(), "Germany enterprise");
  ASSERT_TRUE(waitUntil([&] {
    return page_->isLoaded() && page_->tree()->topLevelItemCount() == 1 &&
           page_->tree()->topLevelItem(0)->child(2)->text(1) == QStringLiteral("Germany enterprise");
  }));
}

}  // namespace
