#pragma once
// The Compensation screen: the payouts of a quarter (process, lock, payout table, statements), the plan
// editor (live payout curve), the plan cost, the what-if replay and the reconciliation with another system.
#include <QWidget>

#include "views/compensation/PayoutView.h"

class PlanCostView;
class PlanEditor;
class ReconcileView;
class WhatIfView;
class QTabWidget;

class CompensationPage : public QWidget {
  Q_OBJECT

 public:
  explicit CompensationPage(QWidget* parent = nullptr);

  void showWorkbook(salesops::Workbook* workbook);
  void setRunner(PayoutView::ExclusiveRunner runner);

  PlanEditor* planEditor() const { return plans_; }
  PayoutView* payoutView() const { return payouts_; }
  PlanCostView* planCostView() const { return cost_; }
  WhatIfView* whatIfView() const { return whatIf_; }
  ReconcileView* reconcileView() const { return reconcile_; }
  QTabWidget* tabs() const { return tabs_; }

 private:
  QTabWidget* tabs_ = nullptr;
  PlanEditor* plans_ = nullptr;
  PayoutView* payouts_ = nullptr;
  PlanCostView* cost_ = nullptr;
  WhatIfView* whatIf_ = nullptr;
  ReconcileView* reconcile_ = nullptr;
};
