// The Compensation screen on a small fixture workbook: Process on a worker with progress, the payout table
// and a rep's statement with its credited deals, Lock, and the plan editor's rate grid with its live curve.
#include <gtest/gtest.h>

#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>

#include <memory>

#include "CompGuiFixture.h"
#include "GuiTestSupport.h"
#include "charts/PayoutCurveChart.h"
#include "mainwindow/MainWindow.h"
#include "seams/MessageBoxSeam.h"
#include "services/CompService.h"
#include "support/TempDir.h"
#include "views/compensation/CompensationPage.h"
#include "views/compensation/PayoutView.h"
#include "views/compensation/PlanEditor.h"
#include "widgets/PeriodPicker.h"

using comptest::CompensationTest;
using guitest::qs;
using guitest::waitUntil;

namespace {

TEST_F(CompensationTest, ProcessFillsThePayoutTableAndTheStatementShowsTheDeals) {
  EXPECT_EQ(payouts_->payoutTable()->rowCount(), 0);
  EXPECT_EQ(payouts_->status()->text(), QStringLiteral("Not processed yet: press Process"));
  ASSERT_TRUE(payouts_->process());
  // The window reopened the workbook after the worker; the page kept its quarter.
  EXPECT_EQ(payouts_->periodPicker()->currentText(), QStringLiteral("FY2026-Q1"));
  ASSERT_EQ(payouts_->payoutTable()->rowCount(), 3);
  const int ada = rowOf(QStringLiteral("R001"));
  ASSERT_GE(ada, 0);
  // R001 won 30,000 against a 250,000 quota (12 %): 0.10 × 30,000 = 3,000 + bonus 100 = 3,100.00.
  EXPECT_EQ(payouts_->payoutTable()->item(ada, 2)->text(), QStringLiteral("3000.00"));
  EXPECT_EQ(payouts_->payoutTable()->item(ada, 3)->text(), QStringLiteral("100.00"));
  EXPECT_EQ(payouts_->payoutTable()->item(ada, 8)->text(), QStringLiteral("3100.00"));
  EXPECT_EQ(payouts_->payoutTable()->item(rowOf(QStringLiteral("R002")), 8)->text(), QStringLiteral("0.00"));

  payouts_->payoutTable()->selectRow(ada);
  payouts_->showStatement(ada);
  QTreeWidget* lines = payouts_->statementLines();
  ASSERT_EQ(lines->topLevelItemCount(), 2);  // the commission and the bonus
  QTreeWidgetItem* commission = lines->topLevelItem(0);
  EXPECT_EQ(commission->text(1), QStringLiteral("commission"));
  ASSERT_EQ(commission->childCount(), 1);
  EXPECT_EQ(commission->child(0)->text(0), QStringLiteral("O004"));
  EXPECT_EQ(commission->child(0)->text(3), QStringLiteral("30000.00"));
  EXPECT_TRUE(payouts_->statementPreview()->toHtml().contains(QStringLiteral("Ada Park")));
  EXPECT_TRUE(payouts_->statementPreview()->toPlainText().contains(QStringLiteral("3100.00")));
}

TEST_F(CompensationTest, LockAsksAndThenFreezesTheQuarter) {
  MessageBoxSeam::preload(QMessageBox::Cancel);
  EXPECT_FALSE(payouts_->lock());
  EXPECT_EQ(payouts_->payoutTable()->rowCount(), 0) << "cancelled: nothing processed or locked";
  MessageBoxSeam::preload(QMessageBox::Yes);
  ASSERT_TRUE(payouts_->lock());
  EXPECT_EQ(payouts_->status()->text(), QStringLiteral("1 payout period(s) locked, 0 processed"));
  EXPECT_EQ(payouts_->payoutTable()->rowCount(), 3);
}

TEST_F(CompensationTest, TheRateGridDrivesTheLiveCurveAndSaves) {
  PlanEditor* editor = page_->planEditor();
  ASSERT_TRUE(editor->selectPlan(QStringLiteral("AE")));
  QTableWidget* grid = editor->rateTable();
  ASSERT_EQ(grid->rowCount(), 1);
  EXPECT_EQ(grid->item(0, 0)->text(), QStringLiteral("0"));
  EXPECT_EQ(grid->item(0, 1)->text(), QStringLiteral("0.1"));
  // The curve assumes a 1,000,000.00 quota; point 20 of 40 is 100 %: 0.1 × 1,000,000 + 100 = 100,100.
  ASSERT_EQ(editor->curve()->stored()->count(), 41);
  EXPECT_DOUBLE_EQ(editor->curve()->stored()->at(20).x(), 100.0);
  EXPECT_DOUBLE_EQ(editor->curve()->stored()->at(20).y(), 100100.0);
  grid->item(0, 1)->setText(QStringLiteral("0.2"));
  // Edited: 0.2 × 1,000,000 + 100 = 200,100; the stored curve stays as it was.
  EXPECT_DOUBLE_EQ(editor->curve()->edited()->at(20).y(), 200100.0);
  EXPECT_DOUBLE_EQ(editor->curve()->stored()->at(20).y(), 100100.0);

  grid->item(0, 1)->setText(QStringLiteral("abc"));
  EXPECT_TRUE(editor->status()->text().startsWith(QStringLiteral("Tier 1:"))) << editor->status()->text().toStdString();
  EXPECT_FALSE(editor->save());
  grid->item(0, 1)->setText(QStringLiteral("0.2"));
  ASSERT_TRUE(editor->save());
  const auto saved = salesops::CompService(*window_->workbook()).plan("AE");
  EXPECT_EQ(saved.components[0].tiers[0].rateNano, 200000000);
  EXPECT_EQ(saved.components.size(), 2u) << "the bonus survives the edit";
}

}  // namespace
