#include <gtest/gtest.h>

#include <QDialog>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>

#include <memory>

#include "GuiTestSupport.h"
#include "mainwindow/MainWindow.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "support/TempDir.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

class TransferTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MessageBoxSeam::reset();
    FileDialogSeam::reset();
    window_ = std::make_unique<MainWindow>();
    window_->show();
  }
  void TearDown() override {
    window_.reset();
    EXPECT_EQ(MessageBoxSeam::pendingAnswers(), 0);
  }
  int rows(const char* entity) const {
    auto* view = window_->findChild<QTableView*>(QStringLiteral("table-%1").arg(QLatin1String(entity)));
    return view ? view->model()->rowCount() : -1;
  }
  void writeCsvWorkbook(const std::filesystem::path& folder, const std::string& closeDate) {
    std::filesystem::create_directories(folder);
    salesops::testing::writeFile(folder / "reps.csv",
                                 "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
                                 "R1,Ada Park,ada@example.com,East,,manager,2024-01-01,\n"
                                 "R2,Ben Ortiz,ben@example.com,East,R1,ae,2024-02-01,\n");
    salesops::testing::writeFile(folder / "accounts.csv",
                                 "account_id,name,industry,country,region,postal_code,employees,annual_revenue,"
                                 "owner_rep_id,territory_id\n"
                                 "A1,Acme,Manufacturing,US,West,94107,250,1000000.00,R2,\n");
    salesops::testing::writeFile(folder / "opportunities.csv",
                                 "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,"
                                 "created_date,close_date,forecast_category,lead_source\n"
                                 "O1,A1,R2,Acme pilot,new_business,Proposal,1500.00,USD,,2026-01-10," +
                                     closeDate +
                                     ",pipeline,web\n"
                                     "O2,A1,R2,Acme rollout,expansion,Prospecting,98000.50,USD,,2026-01-12,"
                                     "2026-09-30,pipeline,event\n");
  }
  QDialog* summary() const { return window_->findChild<QDialog*>(QStringLiteral("import-summary")); }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
};

TEST_F(TransferTest, ImportFillsTheTablesAndShowsASummary) {
  ASSERT_TRUE(window_->createWorkbook(qs(dir_ / "imported.salesops")));
  writeCsvWorkbook(dir_ / "csv", "2026-06-30");
  EXPECT_TRUE(window_->importCsvWorkbook(qs(dir_ / "csv")));
  EXPECT_TRUE(MessageBoxSeam::shown().isEmpty());
  ASSERT_NE(summary(), nullptr);
  auto* counts = summary()->findChild<QTableWidget*>(QStringLiteral("import-counts"));
  ASSERT_EQ(counts->rowCount(), 3);
  EXPECT_EQ(counts->item(0, 1)->text(), QStringLiteral("2"));  // reps.csv: inserted
  summary()->close();

  ASSERT_NE(window_->workbook(), nullptr);
  EXPECT_TRUE(waitUntil([&] { return rows("opportunity") == 2 && rows("rep") == 2 && rows("account") == 1; }));
}

TEST_F(TransferTest, AnImportWithProblemsChangesNothing) {
  ASSERT_TRUE(window_->createWorkbook(qs(dir_ / "strict.salesops")));
  writeCsvWorkbook(dir_ / "bad", "2026-02-30");
  EXPECT_FALSE(window_->importCsvWorkbook(qs(dir_ / "bad")));
  ASSERT_NE(summary(), nullptr);
  const QString problems = summary()->findChild<QPlainTextEdit*>(QStringLiteral("import-problems"))->toPlainText();
  EXPECT_TRUE(problems.contains(QStringLiteral("opportunities.csv"))) << problems.toStdString();
  summary()->close();
  EXPECT_EQ(rows("rep"), 0);
  EXPECT_EQ(rows("opportunity"), 0);
}

TEST_F(TransferTest, ImportThroughTheMenuAsksForAFolder) {
  ASSERT_TRUE(window_->createWorkbook(qs(dir_ / "menu.salesops")));
  writeCsvWorkbook(dir_ / "csv", "2026-06-30");
  FileDialogSeam::preload(qs(dir_ / "csv"));
  window_->promptImport();
  EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  ASSERT_NE(summary(), nullptr);
  summary()->close();
  EXPECT_TRUE(waitUntil([&] { return rows("opportunity") == 2; }));
}

TEST_F(TransferTest, ExportWritesOneFilePerEntity) {
  const auto path = dir_ / "small.salesops";
  guitest::createSmallWorkbook(path);
  ASSERT_TRUE(window_->openWorkbook(qs(path)));
  const auto out = dir_ / "export";
  EXPECT_TRUE(window_->exportCsvWorkbook(qs(out)));
  EXPECT_TRUE(MessageBoxSeam::shown().isEmpty());
  const std::string opportunities = salesops::testing::readFile(out / "opportunities.csv");
  EXPECT_EQ(std::count(opportunities.begin(), opportunities.end(), '\n'), 7) << opportunities;
  EXPECT_TRUE(std::filesystem::exists(out / "reps.csv"));
  // The workbook is open again afterwards, with its rows.
  ASSERT_NE(window_->workbook(), nullptr);
  EXPECT_TRUE(waitUntil([&] { return rows("opportunity") == 6; }));
}

TEST_F(TransferTest, ExportWithoutAWorkbookSaysSo) {
  MessageBoxSeam::preload(QMessageBox::Ok);
  window_->promptExport();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_EQ(MessageBoxSeam::shown().front().kind, MessageBoxSeam::Kind::Information);
}

}  // namespace
