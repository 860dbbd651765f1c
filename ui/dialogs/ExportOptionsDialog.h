#pragma once
// The options of an export from the GUI, asked before the file name: the format (CSV or XLSX, for tables)
// and the CSV options — delimiter, encoding, line ends, decimal mark, and "for spreadsheets" (neutralise
// formulas). Starts from the choice remembered in UserSettings (first time: the system locale's habits) and
// remembers what was accepted. Tests answer it through preload() instead of showing it.
#include <QDialog>

#include <optional>

#include "io/CsvWriter.h"

class QCheckBox;
class QComboBox;
class QGroupBox;
class UserSettings;

struct ExportChoice {
  bool xlsx = false;  // else CSV with `csv`
  salesops::CsvWriteOptions csv;
};

class ExportOptionsDialog : public QDialog {
  Q_OBJECT

 public:
  enum class Mode {
    TableFormats,  // CSV or XLSX
    CsvOnly,       // the file's format is already chosen (a report saved as .csv)
  };

  ExportOptionsDialog(UserSettings& settings, Mode mode, QWidget* parent = nullptr);

  ExportChoice choice() const;
  void setChoice(const ExportChoice& choice);

  // Shows the dialog; on OK remembers the choice in `settings` and returns it; nullopt when cancelled.
  static std::optional<ExportChoice> ask(QWidget* parent, UserSettings& settings, Mode mode);

  // Test seam: while answers are queued, ask() takes the next one (nullopt = the user cancelled).
  static void preload(std::optional<ExportChoice> answer);
  static int pendingAnswers();
  static void reset();

 private:
  void updateEnabled();

  Mode mode_;
  QComboBox* format_;
  QGroupBox* csvBox_;
  QComboBox* delimiter_;
  QComboBox* encoding_;
  QComboBox* lineEndings_;
  QCheckBox* decimalComma_;
  QCheckBox* forSpreadsheets_;
};
