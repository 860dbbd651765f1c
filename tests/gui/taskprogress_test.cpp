#include <gtest/gtest.h>

#include <QApplication>
#include <QPushButton>
#include <QTimer>

#include <chrono>
#include <thread>

#include "common/Error.h"
#include "dialogs/TaskProgressDialog.h"

namespace {

TEST(TaskProgressDialogTest, CancelReachesTheWorker) {
  QTimer::singleShot(600, [] {
    for (QWidget* widget : QApplication::topLevelWidgets()) {
      if (auto* dialog = qobject_cast<QProgressDialog*>(widget); dialog && dialog->isVisible()) {
        if (auto* button = dialog->findChild<QPushButton*>()) button->click();
      }
    }
  });
  const auto outcome = TaskProgressDialog::run(nullptr, QStringLiteral("Waiting"), [](const salesops::LongTask& task) {
    for (int i = 0; i < 1000; ++i) {
      task.report("waiting", i, 1000);
      task.checkCancelled();
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.cancelled);
}

TEST(TaskProgressDialogTest, ErrorsComeBackAsText) {
  const auto outcome = TaskProgressDialog::run(nullptr, QStringLiteral("Failing"), [](const salesops::LongTask&) {
    throw salesops::Error(salesops::ErrorKind::Workbook, "disk full");
  });
  EXPECT_FALSE(outcome.ok);
  EXPECT_FALSE(outcome.cancelled);
  EXPECT_TRUE(outcome.error.contains(QStringLiteral("disk full")));
}

TEST(TaskProgressDialogTest, SuccessIsOk) {
  int runs = 0;
  const auto outcome =
      TaskProgressDialog::run(nullptr, QStringLiteral("Quick"), [&](const salesops::LongTask&) { ++runs; });
  EXPECT_TRUE(outcome.ok);
  EXPECT_EQ(runs, 1);
}

}  // namespace
