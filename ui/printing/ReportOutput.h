#pragma once
// A ReportDocument out of the GUI: to a file chosen by its suffix (CSV with a definitions sidecar, XLSX,
// HTML, PDF) or to a printer. CSV, XLSX and HTML go through the same writers as `salesops-cli report`; PDF and
// print lay out the HTML page with Qt's rich-text engine, so all formats state the same definitions.
#include <QString>

#include "io/CsvWriter.h"

class QPrinter;
class QWidget;
class UserSettings;

namespace salesops {
struct ReportDocument;
}

namespace reportoutput {

// "CSV (*.csv);;Excel workbook (*.xlsx);;Web page (*.html);;PDF (*.pdf)"
QString fileFilter();

// Writes by the path's suffix (.csv also writes NAME.definitions.csv beside it, both with `csv`). Throws
// salesops::Error naming the file when it cannot be written, or Error(Usage) for an unknown suffix.
void save(const salesops::ReportDocument& report, const QString& path, const salesops::CsvWriteOptions& csv = {});

void printTo(const salesops::ReportDocument& report, QPrinter& printer);

// Asks for a file (FileDialogSeam) and, for CSV, the CSV options (ExportOptionsDialog), writes it and reports
// failures in a message box. True when written.
bool exportInteractively(QWidget* parent, const salesops::ReportDocument& report, UserSettings& settings,
                         const QString& suggestedName);

// The print dialog, then printing; false when the user cancelled.
bool printInteractively(QWidget* parent, const salesops::ReportDocument& report);

}  // namespace reportoutput
