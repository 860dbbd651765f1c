#pragma once
// Step 4: a dry run of the import over every row — the problems as a table (file, line, column, reason),
// filterable and exportable to CSV — and then the import itself, with progress and Cancel.
#include <QWizardPage>

#include "dialogs/import/ImportSession.h"

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

class ImportValidationPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportValidationPage(ImportSession& session, QWidget* parent = nullptr);

  void initializePage() override;
  bool isComplete() const override;
  // Runs the import; false (staying here) when it was cancelled or failed.
  bool validatePage() override;

  // Runs the dry run now (initializePage starts it once the page is shown).
  void runDryRun();
  // Writes the rows the filter shows as CSV; reports failures in a message box.
  bool exportProblems(const QString& path);

  QLineEdit* filter() const noexcept { return filter_; }
  QSortFilterProxyModel* problems() const noexcept { return proxy_; }
  QLabel* status() const noexcept { return status_; }

 private:
  void showReport(const salesops::ImportReport& report);

  ImportSession& session_;
  QStandardItemModel* model_ = nullptr;
  QSortFilterProxyModel* proxy_ = nullptr;
  QTableView* table_ = nullptr;
  QLineEdit* filter_ = nullptr;
  QLabel* status_ = nullptr;
};
