#pragma once
// What-if (issue 7, part 5) in the GUI: a candidate plan (a JSON file, or the plan being edited in the Plans
// tab) replayed on a past fiscal year off the GUI thread, beside the plans as stored: per-rep pay and the
// difference (table), pay per attainment band of both (chart) and the two payout curves overlaid.
#include <QWidget>

#include <functional>
#include <optional>

#include "comp/CompPlan.h"
#include "services/CompService.h"
#include "views/compensation/PayoutView.h"

class PayoutBandsChart;
class PayoutCurveChart;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

class WhatIfView : public QWidget {
  Q_OBJECT

 public:
  // The plan being edited, or nullopt (the editor's status line says why).
  using EditedPlan = std::function<std::optional<salesops::comp::CompPlan>()>;

  explicit WhatIfView(QWidget* parent = nullptr);

  void setRunner(PayoutView::ExclusiveRunner runner) { runner_ = std::move(runner); }
  void setEditedPlan(EditedPlan editedPlan) { editedPlan_ = std::move(editedPlan); }
  void showWorkbook(salesops::Workbook* workbook);
  void setToday(salesops::Date today) { today_ = today; }

  // The candidate comes from this file from now on (what "Choose file…" sets).
  void setCandidateFile(const QString& file);
  // The candidate is the plan being edited instead of a file.
  void useEditedPlan();
  // Replays the candidate on the chosen year; false (status says why) when there is none or it failed.
  bool run();

  QSpinBox* year() const { return year_; }
  QTableWidget* table() const { return table_; }
  PayoutBandsChart* bandsChart() const { return bands_; }
  PayoutCurveChart* curveChart() const { return curves_; }
  QLabel* status() const { return status_; }
  const std::optional<salesops::WhatIfResult>& result() const { return result_; }

 private:
  std::optional<salesops::comp::CompPlan> candidate();
  void showResult(const salesops::comp::CompPlan& candidate);

  salesops::Workbook* workbook_ = nullptr;
  PayoutView::ExclusiveRunner runner_;
  EditedPlan editedPlan_;
  std::optional<salesops::Date> today_;
  std::optional<salesops::WhatIfResult> result_;
  QString file_;
  QComboBox* source_ = nullptr;
  QPushButton* choose_ = nullptr;
  QSpinBox* year_ = nullptr;
  QPushButton* run_ = nullptr;
  QLabel* status_ = nullptr;
  QTableWidget* table_ = nullptr;
  PayoutBandsChart* bands_ = nullptr;
  PayoutCurveChart* curves_ = nullptr;
};
