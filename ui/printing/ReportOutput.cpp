#include "printing/ReportOutput.h"

#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPrintDialog>
#include <QPrinter>
#include <QTextDocument>

#include "common/Error.h"
#include "dialogs/ExportOptionsDialog.h"
#include "io/CsvReportWriter.h"
#include "io/HtmlReportWriter.h"
#include "io/ReportDocument.h"
#include "io/XlsxReportWriter.h"
#include "mainwindow/UserSettings.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"

namespace reportoutput {
namespace {

std::filesystem::path fsPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

}  // namespace

QString fileFilter() { return QObject::tr("CSV (*.csv);;Excel workbook (*.xlsx);;Web page (*.html);;PDF (*.pdf)"); }

void printTo(const salesops::ReportDocument& report, QPrinter& printer) {
  QTextDocument document;
  document.setHtml(QString::fromStdString(salesops::HtmlReportWriter::html(report)));
  document.print(&printer);
}

void save(const salesops::ReportDocument& report, const QString& path, const salesops::CsvWriteOptions& csv) {
  const QFileInfo info(path);
  const QString suffix = info.suffix().toLower();
  if (suffix == QLatin1String("csv")) {
    salesops::CsvReportWriter::writeTables(report, fsPath(path), csv);
    const QString sidecar = info.dir().filePath(info.completeBaseName() + QStringLiteral(".definitions.csv"));
    salesops::CsvReportWriter::writeDefinitions(report, fsPath(sidecar), csv);
  } else if (suffix == QLatin1String("xlsx")) {
    salesops::XlsxReportWriter::write(report, fsPath(path));
  } else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
    salesops::HtmlReportWriter::write(report, fsPath(path));
  } else if (suffix == QLatin1String("pdf")) {
    if (!info.dir().exists())
      throw salesops::Error(salesops::ErrorKind::Workbook, "cannot write " + path.toStdString() + ": no such folder");
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Landscape);
    printTo(report, printer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
      throw salesops::Error(salesops::ErrorKind::Workbook, "cannot write " + path.toStdString());
  } else {
    throw salesops::Error(salesops::ErrorKind::Usage,
                          "cannot tell the format of " + path.toStdString() + ": use .csv, .xlsx, .html or .pdf");
  }
}

bool exportInteractively(QWidget* parent, const salesops::ReportDocument& report, UserSettings& settings,
                         const QString& suggestedName) {
  const QString start =
      QDir(settings.lastDirectory().isEmpty() ? QDir::homePath() : settings.lastDirectory()).filePath(suggestedName);
  QString path = FileDialogSeam::getSaveFileName(parent, QObject::tr("Export Report"), start, fileFilter());
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".xlsx");
  salesops::CsvWriteOptions csv;
  if (QFileInfo(path).suffix().toLower() == QLatin1String("csv")) {
    const auto choice = ExportOptionsDialog::ask(parent, settings, ExportOptionsDialog::Mode::CsvOnly);
    if (!choice) return false;
    csv = choice->csv;
  }
  try {
    save(report, path, csv);
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(parent, QObject::tr("Export Report"),
                             QObject::tr("The report was not written.\n\n%1").arg(QString::fromStdString(e.what())));
    return false;
  }
  settings.setLastDirectory(QFileInfo(path).absolutePath());
  return true;
}

bool printInteractively(QWidget* parent, const salesops::ReportDocument& report) {
  QPrinter printer(QPrinter::HighResolution);
  printer.setPageOrientation(QPageLayout::Landscape);
  QPrintDialog dialog(&printer, parent);
  dialog.setWindowTitle(QObject::tr("Print Report"));
  if (dialog.exec() != QDialog::Accepted) return false;
  printTo(report, printer);
  return true;
}

}  // namespace reportoutput
