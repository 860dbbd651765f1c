// The main window's native CSV workbook transfer: File > Import CSV Workbook… and Export CSV Workbook….
#include <QDir>
#include <QLabel>

#include "dialogs/ImportSummaryDialog.h"
#include "dialogs/TaskProgressDialog.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "mainwindow/MainWindow.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"

namespace {
std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdString()); }
}  // namespace

bool MainWindow::importCsvWorkbook(const QString& folder) {
  if (!workbook_) return false;
  const std::filesystem::path path = workbook_->path();
  closeWorkbook();
  setBusy(true);
  salesops::ImportReport report;
  const auto outcome =
      TaskProgressDialog::run(this, tr("Importing CSV workbook…"), [&](const salesops::LongTask& task) {
        auto worker = salesops::Workbook::open(path);
        report = salesops::importNativeCsv(*worker, {toPath(folder)}, {}, task);
      });
  setBusy(false);
  reopen(path);
  if (outcome.cancelled) {
    MessageBoxSeam::information(this, tr("Import CSV Workbook"),
                                tr("The import was cancelled. The workbook was not changed."));
    return false;
  }
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, tr("Import CSV Workbook"), outcome.error);
    return false;
  }
  auto* dialog = new ImportSummaryDialog(report, folder, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->open();
  return report.committed;
}

bool MainWindow::exportCsvWorkbook(const QString& folder) {
  if (!workbook_) return false;
  const std::filesystem::path path = workbook_->path();
  closeWorkbook();
  setBusy(true);
  std::vector<salesops::ExportedFile> files;
  const auto outcome =
      TaskProgressDialog::run(this, tr("Exporting CSV workbook…"), [&](const salesops::LongTask& task) {
        auto worker = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
        files = salesops::exportNativeCsv(*worker, toPath(folder), {}, task);
      });
  setBusy(false);
  reopen(path);
  if (outcome.cancelled) {
    MessageBoxSeam::information(this, tr("Export CSV Workbook"), tr("The export was cancelled; no file was written."));
    return false;
  }
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, tr("Export CSV Workbook"), outcome.error);
    return false;
  }
  qint64 rows = 0;
  for (const auto& file : files) rows += file.rows;
  activityLabel_->setText(tr("Exported %n file(s), %L1 rows, to %2", nullptr, static_cast<int>(files.size()))
                              .arg(rows)
                              .arg(QDir::toNativeSeparators(folder)));
  return true;
}

void MainWindow::promptImport() {
  if (!workbook_) {
    MessageBoxSeam::information(this, tr("Import CSV Workbook"), tr("Open or create a workbook first."));
    return;
  }
  const QString folder = FileDialogSeam::getExistingDirectory(
      this, tr("Import CSV Workbook — choose the folder with the CSV files"), settings_.lastDirectory());
  if (!folder.isEmpty()) importCsvWorkbook(folder);
}

void MainWindow::promptExport() {
  if (!workbook_) {
    MessageBoxSeam::information(this, tr("Export CSV Workbook"), tr("Open or create a workbook first."));
    return;
  }
  const QString folder = FileDialogSeam::getExistingDirectory(
      this, tr("Export CSV Workbook — choose the folder for the CSV files"), settings_.lastDirectory());
  if (!folder.isEmpty()) exportCsvWorkbook(folder);
}
