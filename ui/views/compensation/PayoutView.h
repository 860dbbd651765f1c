#pragma once
// Payouts of a fiscal quarter: Process (off the GUI thread, with progress) and Lock, the payout table per
// rep, and for the selected rep the statement: its lines with the credited deals under each, and the
// printable statement (HTML preview, Print, Export PDF).
#include <QWidget>

#include <functional>
#include <vector>

#include "common/Progress.h"
#include "services/CompService.h"

class PeriodPicker;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;
class QTreeWidget;

namespace salesops {
class Workbook;
}

class PayoutView : public QWidget {
  Q_OBJECT

 public:
  // Runs work on a worker thread with the workbook to itself (see MainWindow::runExclusive); false when it
  // failed or was cancelled (the runner has told the user).
  using ExclusiveRunner =
      std::function<bool(const QString& title, std::function<void(salesops::Workbook&, const salesops::LongTask&)>)>;

  explicit PayoutView(QWidget* parent = nullptr);

  void setRunner(ExclusiveRunner runner) { runner_ = std::move(runner); }
  void showWorkbook(salesops::Workbook* workbook);
  // "Today" when the workbook sets no as-of date; tests fix it.
  void setToday(salesops::Date today) { today_ = today; }

  bool process();
  bool lock();
  // Shows the statement of the rep in row `row` of the payout table.
  void showStatement(int row);

  PeriodPicker* periodPicker() const { return period_; }
  QTableWidget* payoutTable() const { return payouts_; }
  QTreeWidget* statementLines() const { return lines_; }
  QTextBrowser* statementPreview() const { return preview_; }
  QLabel* status() const { return status_; }

 private:
  void refresh();
  salesops::Date today() const;

  salesops::Workbook* workbook_ = nullptr;
  ExclusiveRunner runner_;
  std::optional<salesops::Date> today_;
  QString chosen_;  // the quarter last shown
  PeriodPicker* period_ = nullptr;
  QPushButton* process_ = nullptr;
  QPushButton* lock_ = nullptr;
  QPushButton* print_ = nullptr;
  QPushButton* pdf_ = nullptr;
  QLabel* status_ = nullptr;
  QTableWidget* payouts_ = nullptr;
  QTreeWidget* lines_ = nullptr;
  QTextBrowser* preview_ = nullptr;
  std::vector<salesops::comp::LedgerLine> periodLines_;
  std::vector<salesops::StoredPeriod> periodStatus_;
};
