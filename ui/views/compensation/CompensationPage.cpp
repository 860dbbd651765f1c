#include "views/compensation/CompensationPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include "views/compensation/PlanEditor.h"

CompensationPage::CompensationPage(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("page-compensation"));
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("comp-tabs"));
  payouts_ = new PayoutView(this);
  plans_ = new PlanEditor(this);
  tabs_->addTab(payouts_, tr("Payouts"));
  tabs_->addTab(plans_, tr("Plans"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
}

void CompensationPage::showWorkbook(salesops::Workbook* workbook) {
  payouts_->showWorkbook(workbook);
  plans_->showWorkbook(workbook);
}

void CompensationPage::setRunner(PayoutView::ExclusiveRunner runner) { payouts_->setRunner(std::move(runner)); }
