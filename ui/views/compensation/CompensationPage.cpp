#include "views/compensation/CompensationPage.h"

#include <QTabWidget>
#include <QVBoxLayout>

#include "views/compensation/PlanCostView.h"
#include "views/compensation/PlanEditor.h"
#include "views/compensation/ReconcileView.h"
#include "views/compensation/WhatIfView.h"

CompensationPage::CompensationPage(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("page-compensation"));
  tabs_ = new QTabWidget(this);
  tabs_->setObjectName(QStringLiteral("comp-tabs"));
  payouts_ = new PayoutView(this);
  plans_ = new PlanEditor(this);
  cost_ = new PlanCostView(this);
  whatIf_ = new WhatIfView(this);
  whatIf_->setEditedPlan([this] { return plans_->editedPlan(); });
  reconcile_ = new ReconcileView(this);
  tabs_->addTab(payouts_, tr("Payouts"));
  tabs_->addTab(plans_, tr("Plans"));
  tabs_->addTab(cost_, tr("Plan cost"));
  tabs_->addTab(whatIf_, tr("What-if"));
  tabs_->addTab(reconcile_, tr("Reconcile"));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
}

void CompensationPage::showWorkbook(salesops::Workbook* workbook) {
  payouts_->showWorkbook(workbook);
  plans_->showWorkbook(workbook);
  cost_->showWorkbook(workbook);
  whatIf_->showWorkbook(workbook);
  reconcile_->showWorkbook(workbook);
}

void CompensationPage::setRunner(PayoutView::ExclusiveRunner runner) {
  payouts_->setRunner(runner);
  cost_->setRunner(runner);
  whatIf_->setRunner(std::move(runner));
}
