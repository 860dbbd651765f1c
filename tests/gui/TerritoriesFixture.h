#pragma once
// The Territories page of a main window on the territory fixture (support/TerritoryFixture.h), loaded, with
// today pinned to 2026-02-01; and a way to act on a modal dialog once it shows.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLocale>
#include <QTimer>

#include <functional>
#include <memory>

#include "GuiTestSupport.h"
#include "io/NativeImport.h"
#include "mainwindow/MainWindow.h"
#include "support/TempDir.h"
#include "support/TerritoryFixture.h"
#include "views/territories/TerritoriesPage.h"

namespace {

class TerritoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    {
      auto workbook = salesops::Workbook::create(dir_ / "t.salesops");
      std::filesystem::create_directories(dir_ / "in");
      for (const auto& [name, content] : salesops::testing::territoryFixtureFiles())
        salesops::testing::writeFile(dir_ / "in" / name, content);
      ASSERT_TRUE(salesops::importNativeCsv(*workbook, {dir_ / "in"}, {}).committed);
    }
    window_ = std::make_unique<MainWindow>();
    window_->show();
    page_ = window_->findChild<TerritoriesPage*>(QStringLiteral("page-territories"));
    ASSERT_NE(page_, nullptr);
    page_->setToday(salesops::Date::fromCivil(2026, 2, 1));
    ASSERT_TRUE(window_->openWorkbook(guitest::qs(dir_ / "t.salesops")));
    ASSERT_TRUE(guitest::showPage(*window_, QStringLiteral("territories")));
    ASSERT_TRUE(guitest::waitUntil([&] { return page_->isLoaded(); }));
  }
  void TearDown() override {
    window_.reset();
    QLocale::setDefault(QLocale::system());
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
  TerritoriesPage* page_ = nullptr;
};

// Runs `act` on the first visible window of type Dialog, once, as soon as one shows (a modal dialog's exec()
// keeps the event loop going, so the act runs inside it).
template <typename Dialog>
void whenShown(std::function<void(Dialog*)> act) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  QObject::connect(timer, &QTimer::timeout, [timer, act] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      auto* dialog = qobject_cast<Dialog*>(w);
      if (!dialog || !dialog->isVisible()) continue;
      timer->stop();
      timer->deleteLater();
      act(dialog);
      return;
    }
  });
  timer->start();
}

}  // namespace
