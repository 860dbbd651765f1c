#pragma once
// Reconciliation (issue 7, part 6) in the GUI: open another system's commission statement or payroll CSV and
// see, line by line, where it differs from the stored ledger (matched, differs with both amounts, only theirs,
// only ours); filter by status and export what is shown as the CLI's CSV. Reads the ledger only.
#include <QWidget>

#include <optional>

#include "services/CompReconcile.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

class ReconcileView : public QWidget {
  Q_OBJECT

 public:
  enum Filter { kAll, kProblems, kDiffers, kOnlyTheirs, kOnlyOurs, kMatched };

  explicit ReconcileView(QWidget* parent = nullptr);

  void showWorkbook(salesops::Workbook* workbook);
  // Compares `file` with the ledger; false (status names the file, line and column) when it is unreadable.
  bool open(const QString& file);
  void setFilter(Filter filter);
  // Writes the rows shown; false when there are none or the file cannot be written.
  bool exportCsv(const QString& file);

  QTableWidget* table() const { return table_; }
  QComboBox* filter() const { return filter_; }
  QLabel* status() const { return status_; }

 private:
  void showRows();
  std::vector<salesops::ReconcileRow> shownRows() const;

  salesops::Workbook* workbook_ = nullptr;
  std::optional<salesops::ReconcileResult> result_;
  QString file_;
  QPushButton* open_ = nullptr;
  QComboBox* filter_ = nullptr;
  QPushButton* export_ = nullptr;
  QLabel* status_ = nullptr;
  QTableWidget* table_ = nullptr;
};
