// The Territories page's dialogs driven for real: Assign, Activate, Rebalance, the rule editor and Carve.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUndoStack>

#include "TerritoriesFixture.h"
#include "seams/MessageBoxSeam.h"
#include "services/TerritoryService.h"
#include "views/territories/CarveDialog.h"
#include "views/territories/RebalanceDialog.h"
#include "views/territories/RuleEditorDialog.h"

using guitest::waitUntil;

namespace {

// With SALESOPS_GUI_SHOTS=DIR set, the dialogs are saved there as PNG for the docs' screenshots.
void saveShot(QWidget* widget, const char* name) {
  const QByteArray dir = qgetenv("SALESOPS_GUI_SHOTS");
  if (dir.isEmpty()) return;
  QTest::qWait(50);  // lets the layout take in what the last change showed
  widget->grab().save(QString::fromLocal8Bit(dir) + QLatin1Char('/') + QLatin1String(name));
}

class TerritoryDialogsTest : public TerritoriesTest {
 protected:
  void TearDown() override {
    MessageBoxSeam::reset();
    TerritoriesTest::TearDown();
  }
  std::int64_t count(const char* sql) { return window_->workbook()->db().queryInt(sql); }
  salesops::TerritoryService service() { return salesops::TerritoryService(*window_->workbook()); }
  salesops::territory::ModelStatus status(const std::string& model) {
    for (const auto& m : service().models())
      if (m.id == model) return m.status;
    ADD_FAILURE() << "no model " << model;
    return salesops::territory::ModelStatus::Planning;
  }
  void showModel(const char* model) {
    ASSERT_TRUE(page_->selectModel(QString::fromLatin1(model)));
    ASSERT_TRUE(waitUntil([&] { return page_->balance() && page_->balance()->modelId == model; }));
  }
  // Selects a territory of the loaded tree by id.
  void selectTerritory(const char* id) {
    const auto items = page_->tree()->findItems(QString::fromLatin1(id), Qt::MatchExactly | Qt::MatchRecursive);
    ASSERT_EQ(items.size(), 1);
    page_->tree()->setCurrentItem(items.front());
  }
  QPushButton* button(const char* name) { return page_->findChild<QPushButton*>(QString::fromLatin1(name)); }
};

TEST_F(TerritoryDialogsTest, AssignWritesOnlyWhenConfirmedAndShowsRefusals) {
  MessageBoxSeam::preload(QMessageBox::No);
  page_->assign();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  // M1 places A1, A2, A5 in DE and A3 in FR; A4 (JP) matches nothing.
  EXPECT_TRUE(
      MessageBoxSeam::shown()[0].text.contains(QStringLiteral("4 of 5 accounts change territory, 1 match none")))
      << MessageBoxSeam::shown()[0].text.toStdString();
  EXPECT_EQ(count("SELECT count(*) FROM territory_assignment"), 0);  // No: nothing written

  MessageBoxSeam::preload(QMessageBox::Yes);
  page_->assign();
  EXPECT_EQ(count("SELECT count(*) FROM territory_assignment WHERE effective_from = '2026-02-01'"), 4);

  // From a day before the history's latest start, the write is refused and shown; the history stays.
  ASSERT_TRUE(waitUntil([&] { return page_->isLoaded(); }));
  page_->setToday(salesops::Date::fromCivil(2026, 1, 15));
  MessageBoxSeam::preload(QMessageBox::Yes);
  MessageBoxSeam::preload(QMessageBox::Ok);
  page_->assign();
  ASSERT_GE(MessageBoxSeam::shown().size(), 3);
  EXPECT_EQ(MessageBoxSeam::shown().back().kind, MessageBoxSeam::Kind::Warning);
  EXPECT_EQ(count("SELECT count(*) FROM territory_assignment"), 4);
}

TEST_F(TerritoryDialogsTest, ActivateAsksForADateAndCancelOrABadDateChangesNothing) {
  showModel("M2");
  whenShown<QInputDialog>([](QInputDialog* d) { d->reject(); });
  page_->activate();
  EXPECT_EQ(status("M2"), salesops::territory::ModelStatus::Planning);

  MessageBoxSeam::preload(QMessageBox::Ok);
  whenShown<QInputDialog>([](QInputDialog* d) {
    d->setTextValue(QStringLiteral("2026-02-30"));
    d->accept();
  });
  page_->activate();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_EQ(MessageBoxSeam::shown()[0].kind, MessageBoxSeam::Kind::Warning);
  EXPECT_EQ(status("M2"), salesops::territory::ModelStatus::Planning);

  whenShown<QInputDialog>([](QInputDialog* d) {
    d->setTextValue(QStringLiteral("2026-03-01"));
    d->accept();
  });
  page_->activate();
  EXPECT_EQ(status("M2"), salesops::territory::ModelStatus::Active);
  EXPECT_EQ(status("M1"), salesops::territory::ModelStatus::Archived);
  // Activation assigns M2's accounts from its first day: A1 goes to DE-ENT.
  EXPECT_EQ(count("SELECT count(*) FROM territory_assignment WHERE territory_id = 'DE-ENT' AND "
                  "effective_from = '2026-03-01'"),
            1);
}

TEST_F(TerritoryDialogsTest, RebalanceAppliesIntoANewPlanningModelUndoablyAndRefusesTheActiveOne) {
  // Cancel: nothing is written.
  whenShown<RebalanceDialog>([](RebalanceDialog* d) {
    d->propose();
    d->reject();
  });
  page_->rebalance();
  EXPECT_EQ(service().models().size(), 2u);

  // Apply into the active model itself: refused and shown, nothing written.
  MessageBoxSeam::preload(QMessageBox::Ok);
  whenShown<RebalanceDialog>([](RebalanceDialog* d) {
    d->propose();
    d->findChild<QLineEdit*>(QStringLiteral("rebalance-into"))->setText(QStringLiteral("M1"));
    d->accept();
  });
  page_->rebalance();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_EQ(MessageBoxSeam::shown()[0].kind, MessageBoxSeam::Kind::Warning);
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account"), 0);

  std::size_t moves = 0;
  whenShown<RebalanceDialog>([&moves](RebalanceDialog* d) {
    d->propose();
    ASSERT_TRUE(d->proposal());
    moves = d->proposal()->moves.size();
    auto* apply = d->findChild<QPushButton*>(QStringLiteral("rebalance-apply"));
    ASSERT_TRUE(apply->isEnabled());
    apply->click();
  });
  page_->rebalance();
  ASSERT_GT(moves, 0u);  // DE holds 1.3M of potential against FR's 0.3M
  EXPECT_EQ(status("M1-rebalanced"), salesops::territory::ModelStatus::Planning);
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account n JOIN territory_model m ON m.id = n.model_id "
                  "WHERE m.external_id = 'M1-rebalanced'"),
            static_cast<std::int64_t>(moves));
  page_->undoStack()->undo();
  EXPECT_EQ(service().models().size(), 2u);
}

TEST_F(TerritoryDialogsTest, RuleEditorCountsLiveValidatesInlineAndSavesUndoably) {
  selectTerritory("DE");
  EXPECT_FALSE(button("territory-edit-rules")->isEnabled());  // the active model is read-only
  showModel("M2");
  selectTerritory("DE");
  ASSERT_TRUE(button("territory-edit-rules")->isEnabled());

  whenShown<RuleEditorDialog>([](RuleEditorDialog* d) {
    d->table()->item(0, RuleEditorDialog::ValueColumn)->setText(QStringLiteral("FR"));
    d->reject();
  });
  page_->editRules();
  EXPECT_EQ(service().loadModel("M2").find("DE")->rules[0].conditions[0].value, "DE|AT");  // cancelled

  whenShown<RuleEditorDialog>([](RuleEditorDialog* d) {
    ASSERT_EQ(d->table()->rowCount(), 1);
    EXPECT_EQ(d->matchesOfRow(0), 3);  // country in DE|AT: A1, A2 ("de "), A5 (AT)
    d->table()->setCurrentCell(0, RuleEditorDialog::ValueColumn);
    d->addCondition(false);  // another condition of r1
    ASSERT_EQ(d->table()->rowCount(), 2);
    EXPECT_EQ(d->table()->item(1, RuleEditorDialog::RuleColumn)->text(), QStringLiteral("r1"));
    d->setField(1, QStringLiteral("employees"));
    d->setOperator(1, QStringLiteral("range"));
    d->table()->item(1, RuleEditorDialog::ValueColumn)->setText(QStringLiteral("ten.."));
    EXPECT_FALSE(d->isValid());
    EXPECT_TRUE(d->problem()->text().contains(QStringLiteral("\"ten\" is not a whole number")))
        << d->problem()->text().toStdString();
    EXPECT_FALSE(d->okButton()->isEnabled());
    EXPECT_EQ(d->matchesOfRow(0), -1);
    // r1 = country in DE|AT AND NOT (employees <= 99): A1 (5,000) stays, A2 (50) and A5 (20) are excluded.
    d->table()->item(1, RuleEditorDialog::ValueColumn)->setText(QStringLiteral("..99"));
    d->table()->item(1, RuleEditorDialog::GroupColumn)->setText(QStringLiteral("small"));
    EXPECT_TRUE(d->isValid());
    EXPECT_EQ(d->matchesOfRow(0), 1);
    EXPECT_EQ(d->matchesOfRow(1), 1);
    d->findChild<QSpinBox*>(QStringLiteral("rule-priority"))->setValue(7);
    saveShot(d, "territory-rule-editor.png");
    d->okButton()->click();
  });
  page_->editRules();
  const auto edited = *service().loadModel("M2").find("DE");
  ASSERT_EQ(edited.rules.size(), 1u);
  ASSERT_EQ(edited.rules[0].conditions.size(), 2u);
  EXPECT_EQ(edited.rules[0].conditions[1].negatedGroup, "small");
  EXPECT_EQ(edited.priority, 7);
  EXPECT_EQ(count("SELECT count(*) FROM territory_rule WHERE rule_id = 'r1!small'"), 1);

  page_->undoStack()->undo();
  const auto restored = *service().loadModel("M2").find("DE");
  EXPECT_EQ(restored.rules[0].conditions.size(), 1u);
  EXPECT_EQ(restored.priority, 0);
}

TEST_F(TerritoryDialogsTest, CarveProposesAppliesUndoablyAndShowsRefusals) {
  EXPECT_FALSE(button("territory-carve")->isEnabled());  // the active model is read-only
  showModel("M2");
  selectTerritory("DE");

  // FR holds one account (A3): two territories cannot be carved out of it.
  MessageBoxSeam::preload(QMessageBox::Ok);
  whenShown<CarveDialog>([](CarveDialog* d) {
    d->setFromTerritory(QStringLiteral("FR"));
    d->propose();
    EXPECT_FALSE(d->proposal());
    EXPECT_FALSE(d->applyButton()->isEnabled());
    d->reject();
  });
  page_->carve();
  ASSERT_EQ(MessageBoxSeam::shown().size(), 1);
  EXPECT_EQ(MessageBoxSeam::shown()[0].kind, MessageBoxSeam::Kind::Warning);

  whenShown<CarveDialog>([](CarveDialog* d) {
    d->setCount(2);
    d->setFromTerritory(QStringLiteral("EMEA"));
    d->propose();
    ASSERT_TRUE(d->proposal());
    EXPECT_EQ(d->territories()->rowCount(), 2);
    EXPECT_EQ(d->proposal()->accounts, 4);  // A1, A2, A3, A5: every account EMEA holds
    saveShot(d, "territory-carve.png");
    d->applyButton()->click();
  });
  page_->carve();
  EXPECT_EQ(count("SELECT count(*) FROM territory WHERE territory_id IN ('DE-1', 'DE-2') AND parent_id = 'DE'"), 2);
  // The page reloads and shows the new territories under DE.
  ASSERT_TRUE(waitUntil([&] {
    return page_->isLoaded() &&
           !page_->tree()->findItems(QStringLiteral("DE-2"), Qt::MatchExactly | Qt::MatchRecursive).isEmpty();
  }));
  saveShot(window_.get(), "territory-carve-result.png");
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account"), 4);  // each account named exactly once
  page_->undoStack()->undo();
  EXPECT_EQ(count("SELECT count(*) FROM territory WHERE territory_id LIKE 'DE-_'"), 0);
  EXPECT_EQ(count("SELECT count(*) FROM territory_named_account"), 0);
}

}  // namespace
