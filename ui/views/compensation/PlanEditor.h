#pragma once
// The plan list and editor: pick a plan, edit its fields and components (PlanForm) and a commission
// component's rate table in a grid, and watch the payout curve of the edited plan beside the stored one; Save
// stores the edit as a plan version from the effective date typed, refused when a locked period lies on or
// after that date. Works on the window's workbook on the GUI thread (plans are a few kilobytes).
#include <QWidget>

#include <optional>
#include <string>

#include "comp/CompPlan.h"

class PayoutCurveChart;
class PlanForm;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace salesops {
class Workbook;
}

class PlanEditor : public QWidget {
  Q_OBJECT

 public:
  explicit PlanEditor(QWidget* parent = nullptr);

  void showWorkbook(salesops::Workbook* workbook);
  // Selects a plan by id; false when it is not listed.
  bool selectPlan(const QString& planId);
  // The plan as the grid says, or nullopt with the reason in the status line.
  std::optional<salesops::comp::CompPlan> editedPlan();
  // Stores the edited plan; false (status line says why) when the grid does not make a valid plan.
  bool save();

  QTableWidget* rateTable() const { return rates_; }
  PlanForm* form() const { return form_; }
  QLineEdit* effectiveFrom() const { return effective_; }
  PayoutCurveChart* curve() const { return chart_; }
  QLabel* status() const { return status_; }

 private:
  void loadPlan();
  void loadComponent();
  void refreshCurve();
  void listCommissions();

  salesops::Workbook* workbook_ = nullptr;
  std::optional<salesops::comp::CompPlan> stored_;
  QListWidget* plans_ = nullptr;
  QComboBox* component_ = nullptr;
  QComboBox* semantics_ = nullptr;
  QTableWidget* rates_ = nullptr;
  QLineEdit* quota_ = nullptr;
  QLabel* summary_ = nullptr;
  QLabel* status_ = nullptr;
  QPushButton* save_ = nullptr;
  PayoutCurveChart* chart_ = nullptr;
  PlanForm* form_ = nullptr;
  QLineEdit* effective_ = nullptr;
  bool loading_ = false;
};
