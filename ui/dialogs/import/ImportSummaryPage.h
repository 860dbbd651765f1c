#pragma once
// Step 5: what the import did per file (inserted, updated, unchanged, rejected), then the placeholder
// records it created, the notes on defaults and rules, the duplicates and every problem and warning.
#include <QWizardPage>

#include "dialogs/import/ImportSession.h"

class QLabel;
class QPlainTextEdit;
class QTableWidget;

class ImportSummaryPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportSummaryPage(ImportSession& session, QWidget* parent = nullptr);

  void initializePage() override;
  QTableWidget* counts() const noexcept { return counts_; }
  QPlainTextEdit* details() const noexcept { return details_; }

 private:
  void saveReport();

  ImportSession& session_;
  QLabel* headline_ = nullptr;
  QTableWidget* counts_ = nullptr;
  QPlainTextEdit* details_ = nullptr;
};
