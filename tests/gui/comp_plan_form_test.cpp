// The whole-plan editor on the small GUI workbook (CompGuiFixture.h): plan fields and components edited with
// the parser's messages shown on the field they name, undo, and saving as a new version that never changes
// how a locked period was paid.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>

#include "CompGuiFixture.h"
#include "views/compensation/PlanEditor.h"
#include "views/compensation/PlanForm.h"

using comptest::CompensationTest;

namespace {

void type(QLineEdit* edit, const QString& text) {
  edit->setText(text);
  emit edit->editingFinished();
}

}  // namespace

TEST_F(CompensationTest, PlanFormEditsFieldsAndComponentsWithUndoAndSavesANewVersion) {
  PlanEditor* editor = page_->planEditor();
  ASSERT_TRUE(editor->selectPlan(QStringLiteral("AE")));
  PlanForm* form = editor->form();
  ASSERT_EQ(form->components()->rowCount(), 2);  // commission, bonus
  EXPECT_EQ(form->components()->item(1, PlanForm::kMinAttainment)->text(), QStringLiteral("0.1"));

  // A bad money value is named by the field's label and nothing can be saved.
  type(form->field(QStringLiteral("plan-base-salary")), QStringLiteral("12,000"));
  EXPECT_TRUE(editor->status()->text().startsWith(QStringLiteral("Base salary:")))
      << editor->status()->text().toStdString();
  EXPECT_FALSE(editor->save());
  type(form->field(QStringLiteral("plan-base-salary")), QStringLiteral("120000.00"));
  EXPECT_TRUE(editor->status()->text().isEmpty()) << editor->status()->text().toStdString();

  // A SPIFF of 500.00 per new-business deal: added, then its amount and rule typed into the grid.
  form->newKind()->setCurrentIndex(2);
  form->addComponent();
  ASSERT_EQ(form->components()->rowCount(), 3);
  EXPECT_EQ(form->components()->item(2, PlanForm::kKind)->text(), QStringLiteral("spiff"));
  form->components()->item(2, PlanForm::kAmount)->setText(QStringLiteral("500.00"));
  form->components()->item(2, PlanForm::kRule)->setText(QStringLiteral("type=new_business; min_amount=1000.00"));
  auto plan = editor->editedPlan();
  ASSERT_TRUE(plan.has_value()) << editor->status()->text().toStdString();
  ASSERT_EQ(plan->components.size(), 3u);
  EXPECT_EQ(plan->baseSalary, 12000000);
  EXPECT_EQ(*plan->components[2].amount, 50000);
  EXPECT_EQ(*plan->components[2].filter.type, "new_business");
  EXPECT_EQ(*plan->components[2].filter.minAmount, 100000);

  // A bad bonus threshold points at its cell; undo takes the edit back.
  form->components()->item(1, PlanForm::kMinAttainment)->setText(QStringLiteral("lots"));
  EXPECT_FALSE(editor->editedPlan().has_value());
  EXPECT_TRUE(editor->status()->text().startsWith(QStringLiteral("Component 2 (bonus), min attainment:")))
      << editor->status()->text().toStdString();
  ASSERT_TRUE(form->undo());
  ASSERT_TRUE(editor->editedPlan().has_value()) << editor->status()->text().toStdString();
  EXPECT_EQ(editor->editedPlan()->components[1].minAttainmentMicro, 100000);

  // Saved as a version from 2026-07-01: the first half-year keeps the plan as it was.
  editor->effectiveFrom()->setText(QStringLiteral("2026-07-01"));
  ASSERT_TRUE(editor->save()) << editor->status()->text().toStdString();
  salesops::CompService service(*window_->workbook());
  EXPECT_EQ(service.plan("AE", salesops::Date::fromCivil(2026, 8, 1)).components.size(), 3u);
  EXPECT_EQ(service.plan("AE", salesops::Date::fromCivil(2026, 2, 1)).components.size(), 2u);
  EXPECT_EQ(service.plan("AE", salesops::Date::fromCivil(2026, 2, 1)).baseSalary, 0);
}

TEST_F(CompensationTest, PlanEditorNeverRewritesALockedPeriod) {
  MessageBoxSeam::preload(QMessageBox::Yes);
  ASSERT_TRUE(payouts_->lock());  // FY2026-Q1
  PlanEditor* editor = page_->planEditor();
  ASSERT_TRUE(editor->selectPlan(QStringLiteral("AE")));
  EXPECT_EQ(editor->effectiveFrom()->text(), QStringLiteral("2026-04-01")) << "the day after the lock";
  editor->rateTable()->item(0, 1)->setText(QStringLiteral("0.2"));
  editor->effectiveFrom()->setText(QStringLiteral("2026-01-01"));
  EXPECT_FALSE(editor->save());
  EXPECT_TRUE(editor->status()->text().contains(QStringLiteral("is locked"))) << editor->status()->text().toStdString();
  salesops::CompService service(*window_->workbook());
  EXPECT_EQ(service.plans().size(), 1u);
  EXPECT_EQ(service.plan("AE").components[0].tiers[0].rateNano, 100000000);
  editor->effectiveFrom()->setText(QStringLiteral("2026-04-01"));
  ASSERT_TRUE(editor->save()) << editor->status()->text().toStdString();
  EXPECT_EQ(service.plans().size(), 2u);
  EXPECT_EQ(service.plan("AE", salesops::Date::fromCivil(2026, 4, 1)).components[0].tiers[0].rateNano, 200000000);
}
