#pragma once
// The Compensation screen: the plan editor (rate table and live payout curve) and the payouts of a quarter
// (process, lock, payout table, statements).
#include <QWidget>

#include "views/compensation/PayoutView.h"

class PlanEditor;
class QTabWidget;

class CompensationPage : public QWidget {
  Q_OBJECT

 public:
  explicit CompensationPage(QWidget* parent = nullptr);

  void showWorkbook(salesops::Workbook* workbook);
  void setRunner(PayoutView::ExclusiveRunner runner);

  PlanEditor* planEditor() const { return plans_; }
  PayoutView* payoutView() const { return payouts_; }
  QTabWidget* tabs() const { return tabs_; }

 private:
  QTabWidget* tabs_ = nullptr;
  PlanEditor* plans_ = nullptr;
  PayoutView* payouts_ = nullptr;
};
