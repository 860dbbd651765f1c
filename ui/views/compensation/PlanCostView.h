#pragma once
// Plan cost of a quarter or a fiscal year (issue 7, part 4): per plan and in total, payout against bookings
// and cost of sale, with each payout period under its plan; for the selected plan, reps and pay per
// attainment band (table and chart) and pay percentiles. Computed off the GUI thread; Export writes the CLI's
// CSV.
#include <QWidget>

#include <memory>
#include <optional>

#include "services/CompService.h"
#include "views/compensation/PayoutView.h"

class PayoutBandsChart;
class PeriodPicker;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

class PlanCostView : public QWidget {
  Q_OBJECT

 public:
  explicit PlanCostView(QWidget* parent = nullptr);

  void setRunner(PayoutView::ExclusiveRunner runner) { runner_ = std::move(runner); }
  void showWorkbook(salesops::Workbook* workbook);
  void setToday(salesops::Date today) { today_ = today; }

  // Computes the cost of the chosen quarter (or its fiscal year); false when it failed or was cancelled.
  bool compute();
  // Writes the CSV to `file`; false (status says why) when there is nothing to write or it failed.
  bool exportCsv(const QString& file);

  PeriodPicker* periodPicker() const { return period_; }
  QCheckBox* wholeYear() const { return wholeYear_; }
  QTreeWidget* summary() const { return summary_; }
  QTableWidget* bands() const { return bands_; }
  PayoutBandsChart* chart() const { return chart_; }
  QLabel* status() const { return status_; }
  const std::optional<salesops::PlanCostOutcome>& result() const { return result_; }

 private:
  void showResult();
  void showPlan(int index);  // index into result_->report.plans, or plans.size() for the total

  salesops::Workbook* workbook_ = nullptr;
  PayoutView::ExclusiveRunner runner_;
  std::optional<salesops::Date> today_;
  std::optional<salesops::PlanCostOutcome> result_;
  QString chosen_;  // the quarter last shown
  PeriodPicker* period_ = nullptr;
  QCheckBox* wholeYear_ = nullptr;
  QPushButton* compute_ = nullptr;
  QPushButton* export_ = nullptr;
  QLabel* status_ = nullptr;
  QTreeWidget* summary_ = nullptr;
  QTableWidget* bands_ = nullptr;
  QLabel* percentiles_ = nullptr;
  PayoutBandsChart* chart_ = nullptr;
};
