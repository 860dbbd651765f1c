// The Compensation screen's Plan cost, What-if and Reconcile tabs on the small GUI workbook (CompGuiFixture.h),
// offscreen: each computed off the GUI thread where it should be, checked against hand-worked figures.
#include <gtest/gtest.h>

#include <QBarSeries>
#include <QBarSet>
#include <QCheckBox>
#include <QLabel>
#include <QLineSeries>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>

#include <fstream>
#include <sstream>

#include "CompGuiFixture.h"
#include "charts/PayoutBandsChart.h"
#include "charts/PayoutCurveChart.h"
#include "views/compensation/PlanCostView.h"
#include "views/compensation/PlanEditor.h"
#include "views/compensation/ReconcileView.h"
#include "views/compensation/WhatIfView.h"

using comptest::CompensationTest;

namespace {

std::string readAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// The row of `rep` in a table whose first column is the rep id, or -1.
int rowIn(QTableWidget* table, const QString& rep) {
  for (int r = 0; r < table->rowCount(); ++r) {
    if (table->item(r, 0) && table->item(r, 0)->text() == rep) return r;
  }
  return -1;
}

}  // namespace

// Q1 by hand: R001 won 30,000 of a 250,000 quota (12 %): 0.10 × 30,000 + bonus 100 = 3,100.00; R002 and R003
// won nothing: 0.00. AE: bookings 30,000, payout 3,100, cost of sale 3,100 / 30,000 = 10.33 %; all three reps
// under 50 %; pays 0, 0, 3,100: median (2nd of 3) 0.00, p90 (ceil(2.7) = 3rd) 3,100.00.
TEST_F(CompensationTest, PlanCostShowsCostOfSaleBandsAndExports) {
  PlanCostView* view = page_->planCostView();
  view->setToday(salesops::Date::fromCivil(2026, 11, 22));
  ASSERT_TRUE(view->periodPicker()->selectName(QStringLiteral("FY2026-Q1")));
  ASSERT_TRUE(view->compute());
  ASSERT_TRUE(view->result().has_value());
  QTreeWidget* summary = view->summary();
  ASSERT_EQ(summary->topLevelItemCount(), 2);  // AE and all plans
  QTreeWidgetItem* ae = summary->topLevelItem(0);
  EXPECT_EQ(ae->text(0), QStringLiteral("AE"));
  EXPECT_EQ(ae->text(1), QStringLiteral("3"));
  EXPECT_EQ(ae->text(2), QStringLiteral("30000.00"));
  EXPECT_EQ(ae->text(3), QStringLiteral("3100.00"));
  EXPECT_EQ(ae->text(4), QStringLiteral("10.33 %"));
  EXPECT_EQ(ae->text(5), QStringLiteral("0.00"));
  EXPECT_EQ(ae->text(6), QStringLiteral("3100.00"));
  ASSERT_EQ(ae->childCount(), 1);  // the quarter
  EXPECT_EQ(ae->child(0)->text(0), QStringLiteral("2026-01-01..2026-03-31"));
  // Bands of the total (selected by default): three reps under 50 % with all the pay.
  EXPECT_EQ(view->bands()->item(0, 1)->text(), QStringLiteral("3"));
  EXPECT_EQ(view->bands()->item(0, 2)->text(), QStringLiteral("3100.00"));
  ASSERT_NE(view->chart()->series(), nullptr);
  ASSERT_EQ(view->chart()->series()->barSets().size(), 1);
  EXPECT_DOUBLE_EQ(view->chart()->series()->barSets()[0]->at(0), 3100.0);

  // Whole year: Q2..Q4 have no quota and pay nothing, so the figures stay and four quarters are listed.
  view->wholeYear()->setChecked(true);
  ASSERT_TRUE(view->compute());
  EXPECT_EQ(view->summary()->topLevelItem(0)->childCount(), 4);
  EXPECT_EQ(view->summary()->topLevelItem(0)->text(3), QStringLiteral("3100.00"));

  const auto file = dir_ / "cost.csv";
  ASSERT_TRUE(view->exportCsv(guitest::qs(file)));
  const std::string csv = readAll(file);
  // Attainment of the year: 30,000 / (3 × 250,000) = 0.04.
  EXPECT_EQ(csv.rfind("kind,plan_id,", 0), 0u);
  EXPECT_NE(csv.find("summary,AE,,,,3,30000.00,3100.00,0.103333,0.040000"), std::string::npos) << csv;
}

// The candidate pays 20 %: R001 0.20 × 30,000 + 100 = 6,100.00 for FY2026, 3,000.00 more than now.
TEST_F(CompensationTest, WhatIfReplaysAFileOrTheEditedPlanBesideTheCurrentOne) {
  WhatIfView* view = page_->whatIfView();
  std::string candidate = comptest::kPlan;
  candidate.replace(candidate.find("\"0.1\""), 5, "\"0.2\"");
  writeText(dir_ / "candidate.json", candidate);
  view->year()->setValue(2026);
  EXPECT_FALSE(view->run()) << "no candidate chosen yet";
  view->setCandidateFile(guitest::qs(dir_ / "candidate.json"));
  MessageBoxSeam::preload();  // a failed replay would say why in a message box instead of waiting for a click
  const bool replayed = view->run();
  for (const auto& shown : MessageBoxSeam::shown()) ADD_FAILURE() << shown.text.toStdString();
  ASSERT_TRUE(replayed);
  QTableWidget* table = view->table();
  ASSERT_EQ(table->rowCount(), 3);
  const int ada = rowIn(table, QStringLiteral("R001"));
  ASSERT_GE(ada, 0);
  EXPECT_EQ(table->item(ada, 1)->text(), QStringLiteral("12.0 %"));  // 30,000 / 250,000
  EXPECT_EQ(table->item(ada, 2)->text(), QStringLiteral("3100.00"));
  EXPECT_EQ(table->item(ada, 3)->text(), QStringLiteral("6100.00"));
  EXPECT_EQ(table->item(ada, 4)->text(), QStringLiteral("3000.00"));
  EXPECT_EQ(table->item(rowIn(table, QStringLiteral("R002")), 4)->text(), QStringLiteral("0.00"));
  // Band chart: current and candidate pay of the <50 % band.
  ASSERT_EQ(view->bandsChart()->series()->barSets().size(), 2);
  EXPECT_DOUBLE_EQ(view->bandsChart()->series()->barSets()[0]->at(0), 3100.0);
  EXPECT_DOUBLE_EQ(view->bandsChart()->series()->barSets()[1]->at(0), 6100.0);
  // Curves at 1,000,000 of quota, point 20 = 100 %: 0.1 × 1,000,000 + 100 now, 0.2 × 1,000,000 + 100 candidate.
  EXPECT_DOUBLE_EQ(view->curveChart()->stored()->at(20).y(), 100100.0);
  EXPECT_DOUBLE_EQ(view->curveChart()->edited()->at(20).y(), 200100.0);

  // The plan being edited: 30 % typed in the grid, never saved. R001: 0.30 × 30,000 + 100 = 9,100.00.
  PlanEditor* editor = page_->planEditor();
  ASSERT_TRUE(editor->selectPlan(QStringLiteral("AE")));
  editor->rateTable()->item(0, 1)->setText(QStringLiteral("0.3"));
  view->useEditedPlan();
  MessageBoxSeam::preload();
  const bool replayedEdit = view->run();
  for (const auto& shown : MessageBoxSeam::shown()) ADD_FAILURE() << shown.text.toStdString();
  ASSERT_TRUE(replayedEdit) << view->status()->text().toStdString();
  EXPECT_EQ(view->table()->item(rowIn(view->table(), QStringLiteral("R001")), 3)->text(), QStringLiteral("9100.00"));
  EXPECT_EQ(salesops::CompService(*window_->workbook()).plan("AE").components[0].tiers[0].rateNano, 100000000)
      << "the what-if stored nothing";

  writeText(dir_ / "bad.json", R"({"plan_id": "AE", "effective_from": "2026-01-01", "components": [{"id": "x"}]})");
  view->setCandidateFile(guitest::qs(dir_ / "bad.json"));
  EXPECT_FALSE(view->run());
  EXPECT_TRUE(view->status()->text().contains(QStringLiteral("components[0]"))) << view->status()->text().toStdString();
}

TEST_F(CompensationTest, ReconcileShowsEachDifferenceFiltersAndExports) {
  ASSERT_TRUE(payouts_->process());  // the ledger of Q1: R001 3,100.00, R002 and R003 0.00
  ReconcileView* view = page_->reconcileView();
  const auto theirs = dir_ / "payroll.csv";
  writeText(theirs,
            "rep_id,period_start,period_end,amount\n"
            "R001,2026-01-01,2026-03-31,3100.00\n"  // match
            "R002,2026-01-01,2026-03-31,25.00\n"    // differs: ours 0.00
            "R009,2026-01-01,2026-03-31,10.00\n");  // only theirs; R003 is only ours
  ASSERT_TRUE(view->open(guitest::qs(theirs)));
  QTableWidget* table = view->table();
  ASSERT_EQ(table->rowCount(), 4);
  const int ben = rowIn(table, QStringLiteral("R002"));
  ASSERT_GE(ben, 0);
  EXPECT_EQ(table->item(ben, 4)->text(), QStringLiteral("0.00"));
  EXPECT_EQ(table->item(ben, 5)->text(), QStringLiteral("25.00"));
  EXPECT_EQ(table->item(ben, 6)->text(), QStringLiteral("25.00"));
  EXPECT_EQ(table->item(ben, 7)->text(), QStringLiteral("differs"));
  EXPECT_EQ(table->item(rowIn(table, QStringLiteral("R003")), 7)->text(), QStringLiteral("only_ours"));
  EXPECT_EQ(table->item(rowIn(table, QStringLiteral("R009")), 7)->text(), QStringLiteral("only_theirs"));
  EXPECT_EQ(table->item(rowIn(table, QStringLiteral("R001")), 7)->text(), QStringLiteral("match"));

  view->setFilter(ReconcileView::kProblems);
  EXPECT_EQ(table->rowCount(), 3);
  EXPECT_EQ(rowIn(table, QStringLiteral("R001")), -1);
  view->setFilter(ReconcileView::kOnlyTheirs);
  ASSERT_EQ(table->rowCount(), 1);
  EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("R009"));
  const auto out = dir_ / "diff.csv";
  ASSERT_TRUE(view->exportCsv(guitest::qs(out)));
  EXPECT_EQ(readAll(out),
            "rep_id,period_start,period_end,component,ours,theirs,difference,status\n"
            "R009,2026-01-01,2026-03-31,,,10.00,10.00,only_theirs\n");

  writeText(theirs, "rep_id,period_start,period_end\nR001,2026-01-01,2026-03-31\n");
  EXPECT_FALSE(view->open(guitest::qs(theirs)));
  EXPECT_TRUE(view->status()->text().contains(QStringLiteral("payroll.csv"))) << view->status()->text().toStdString();
  EXPECT_EQ(view->table()->rowCount(), 0);
}
