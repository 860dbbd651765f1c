#pragma once
// The Compensation screen's GUI tests share this: the small GUI workbook (GuiTestSupport.h) with plan AE (flat
// 10 % plus a 100.00 bonus from 10 % attainment) assigned to R001..R003, opened in a main window on the
// Compensation page with FY2026-Q1 chosen.
#include <gtest/gtest.h>

#include <memory>

#include "GuiTestSupport.h"
#include "mainwindow/MainWindow.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "services/CompService.h"
#include "support/TempDir.h"
#include "views/compensation/CompensationPage.h"
#include "views/compensation/PayoutView.h"
#include "widgets/PeriodPicker.h"

namespace comptest {

// Flat 10 % on everything plus a 100.00 bonus from 10 % attainment.
inline const char* kPlan = R"({"plan_id": "AE", "name": "Account Executive", "effective_from": "2026-01-01",
  "payout_period": "quarter", "components": [
    {"id": "commission", "kind": "commission", "rates": {"semantics": "retroactive", "tiers": [{"from": 0, "rate": "0.1"}]}},
    {"id": "bonus", "kind": "bonus", "min_attainment": 0.1, "amount": "100.00"}]})";

class CompensationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_ / "comp.salesops";
    guitest::createSmallWorkbook(path_);
    {
      auto workbook = salesops::Workbook::open(path_);
      salesops::CompService service(*workbook);
      service.importPlan(kPlan, "ae.json");
      for (const char* rep : {"R001", "R002", "R003"})
        service.assign({rep, "AE", salesops::Date::fromCivil(2026, 1, 1), {}});
    }
    window_ = std::make_unique<MainWindow>();
    window_->show();
    ASSERT_TRUE(window_->openWorkbook(guitest::qs(path_)));
    ASSERT_TRUE(guitest::showPage(*window_, QStringLiteral("compensation")));
    page_ = window_->findChild<CompensationPage*>();
    ASSERT_NE(page_, nullptr);
    payouts_ = page_->payoutView();
    ASSERT_TRUE(payouts_->periodPicker()->selectName(QStringLiteral("FY2026-Q1")));
  }
  void TearDown() override {
    window_.reset();
    MessageBoxSeam::reset();
    FileDialogSeam::reset();
  }
  // The payout table row of a rep, or -1.
  int rowOf(const QString& rep) const {
    for (int r = 0; r < payouts_->payoutTable()->rowCount(); ++r) {
      if (payouts_->payoutTable()->item(r, 0)->text() == rep) return r;
    }
    return -1;
  }

  salesops::testing::TempDir dir_;
  std::filesystem::path path_;
  std::unique_ptr<MainWindow> window_;
  CompensationPage* page_ = nullptr;
  PayoutView* payouts_ = nullptr;
};

}  // namespace comptest
