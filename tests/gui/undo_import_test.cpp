#include <gtest/gtest.h>

#include <QAction>
#include <QDialog>
#include <QTableView>

#include <map>
#include <memory>

#include "GuiTestSupport.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/UndoImportAction.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

const std::string kReps =
    "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
    "R1,Ada Park,ada@example.com,East,,manager,2024-01-01,\n"
    "R2,Ben Ortiz,ben@example.com,East,R1,ae,2024-02-01,\n";
const std::string kOpportunities =
    "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
    "forecast_category,lead_source\n"
    "O1,,R2,Acme pilot,new_business,Proposal,1500.00,USD,,2026-01-10,2026-06-30,pipeline,web\n";

class UndoImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MessageBoxSeam::reset();
    FileDialogSeam::reset();
    window_ = std::make_unique<MainWindow>();
    window_->show();
    ASSERT_TRUE(window_->createWorkbook(qs(dir_ / "undo.salesops")));
  }
  void TearDown() override {
    window_.reset();
    EXPECT_EQ(MessageBoxSeam::pendingAnswers(), 0);
  }
  QAction* undoAction() const { return window_->findChild<QAction*>(QStringLiteral("action-undo-import")); }
  // Opening the File menu refreshes the action; then the user picks it.
  void chooseUndo() {
    window_->findChild<UndoImportAction*>()->refresh();
    ASSERT_TRUE(undoAction()->isEnabled());
    undoAction()->trigger();
  }
  void importFolder(const std::string& name, const std::map<std::string, std::string>& files) {
    const auto folder = dir_ / name;
    std::filesystem::create_directories(folder);
    for (const auto& [file, content] : files) salesops::testing::writeFile(folder / file, content);
    ASSERT_TRUE(window_->importCsvWorkbook(qs(folder)));
    if (auto* summary = window_->findChild<QDialog*>(QStringLiteral("import-summary"))) summary->close();
  }
  int rows(const char* entity) const {
    auto* view = window_->findChild<QTableView*>(QStringLiteral("table-%1").arg(QLatin1String(entity)));
    return view ? view->model()->rowCount() : -1;
  }
  std::string repName(const char* id) const {
    auto query = window_->workbook()->db().prepare("SELECT name FROM rep WHERE external_id = ?1");
    query.bind(1, std::string_view(id));
    return query.step() ? std::string(query.text(0)) : "";
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
};

TEST_F(UndoImportTest, TheActionIsOffUntilSomethingWasImported) {
  ASSERT_NE(undoAction(), nullptr);
  EXPECT_FALSE(undoAction()->isEnabled());
  importFolder("first", {{"reps.csv", kReps}});
  auto* undo = window_->findChild<UndoImportAction*>();
  ASSERT_NE(undo, nullptr);
  undo->refresh();  // what opening the File menu does
  EXPECT_TRUE(undoAction()->isEnabled());
}

TEST_F(UndoImportTest, UndoNamesTheBatchAndPutsTheWorkbookBack) {
  importFolder("first", {{"reps.csv", kReps}, {"opportunities.csv", kOpportunities}});
  importFolder("second", {{"reps.csv", "rep_id,name\nR1,Ada Park-Lee\nR3,Cy Young\n"}});
  ASSERT_EQ(repName("R1"), "Ada Park-Lee");

  MessageBoxSeam::preload(QMessageBox::Yes);  // the confirmation
  MessageBoxSeam::preload();                  // the outcome
  chooseUndo();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 2);
  const MessageBoxSeam::Shown& question = MessageBoxSeam::shown()[0];
  EXPECT_EQ(question.kind, MessageBoxSeam::Kind::Question);
  EXPECT_TRUE(question.text.contains(QStringLiteral("Undo import batch 2 of "))) << question.text.toStdString();
  EXPECT_TRUE(question.text.contains(qs(dir_ / "second"))) << question.text.toStdString();
  // R3 inserted, R1 updated, nothing deleted.
  EXPECT_TRUE(question.text.contains(QStringLiteral("It inserted 1 rows, updated 1 and deleted 0")))
      << question.text.toStdString();
  EXPECT_EQ(MessageBoxSeam::shown()[1].text,
            QStringLiteral("Import batch 2 was undone: 1 inserted rows removed, 1 rows restored."));

  ASSERT_NE(window_->workbook(), nullptr);  // reopened after the worker
  EXPECT_EQ(repName("R1"), "Ada Park");
  EXPECT_EQ(repName("R3"), "");
  EXPECT_TRUE(waitUntil([&] { return rows("rep") == 2; }));
}

TEST_F(UndoImportTest, AnsweringNoChangesNothing) {
  importFolder("first", {{"reps.csv", kReps}});
  MessageBoxSeam::preload(QMessageBox::No);
  chooseUndo();
  EXPECT_EQ(window_->workbook()->db().queryInt("SELECT count(*) FROM rep"), 2);
  EXPECT_EQ(window_->workbook()->db().queryInt("SELECT count(*) FROM import_batch WHERE undone_at IS NULL"), 1);
}

TEST_F(UndoImportTest, UndoingEveryImportEmptiesTheTablesAndTurnsTheActionOff) {
  importFolder("first", {{"reps.csv", kReps}, {"opportunities.csv", kOpportunities}});
  ASSERT_TRUE(waitUntil([&] { return rows("opportunity") == 1; }));
  MessageBoxSeam::preload(QMessageBox::Yes);
  MessageBoxSeam::preload();
  chooseUndo();
  EXPECT_TRUE(waitUntil([&] { return rows("opportunity") == 0 && rows("rep") == 0; }));
  EXPECT_FALSE(undoAction()->isEnabled());
}

TEST_F(UndoImportTest, ARefusedUndoSaysWhy) {
  importFolder("first", {{"reps.csv", kReps}});
  {
    salesops::Transaction edit(window_->workbook()->db());
    window_->workbook()->db().exec("UPDATE rep SET team = 'West'");
    window_->workbook()->audit("edit", "rep", "team");
    edit.commit();
  }
  MessageBoxSeam::preload(QMessageBox::Yes);
  MessageBoxSeam::preload();
  chooseUndo();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 2);
  EXPECT_EQ(MessageBoxSeam::shown()[1].kind, MessageBoxSeam::Kind::Critical);
  EXPECT_TRUE(MessageBoxSeam::shown()[1].text.contains(QStringLiteral("changed since")))
      << MessageBoxSeam::shown()[1].text.toStdString();
  EXPECT_EQ(window_->workbook()->db().queryInt("SELECT count(*) FROM rep"), 2);
}

}  // namespace
