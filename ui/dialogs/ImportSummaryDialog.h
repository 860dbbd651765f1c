#pragma once
// What an import did: per file the inserted, updated, unchanged and rejected rows, then every problem and
// warning, with a button to save the full report as text.
#include <QDialog>

#include "io/NativeImport.h"

class ImportSummaryDialog : public QDialog {
  Q_OBJECT

 public:
  ImportSummaryDialog(const salesops::ImportReport& report, const QString& source, QWidget* parent = nullptr);

 private:
  void saveReport();

  salesops::ImportReport report_;
};
