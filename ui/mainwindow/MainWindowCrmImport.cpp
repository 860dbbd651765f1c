// The main window's part of the CRM import: the wizard, the workbook it borrows, and dropped files.
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

#include <exception>

#include "dialogs/import/ImportWizard.h"
#include "io/MappingProfile.h"
#include "mainwindow/MainWindow.h"
#include "seams/MessageBoxSeam.h"
#include "storage/MappingProfileStore.h"
#include "storage/Workbook.h"

TaskProgressDialog::Outcome MainWindow::runOnWorker(
    QWidget* parent, const QString& title, std::function<void(salesops::Workbook&, const salesops::LongTask&)> work) {
  TaskProgressDialog::Outcome outcome;
  if (!workbook_ || workbook_->readOnly()) {
    outcome.error = tr("Open a workbook you can write to first.");
    return outcome;
  }
  const std::filesystem::path path = workbook_->path();
  closeWorkbook();
  setBusy(true);
  outcome = TaskProgressDialog::run(parent, title, [&](const salesops::LongTask& task) {
    auto worker = salesops::Workbook::open(path);
    work(*worker, task);
  });
  setBusy(false);
  reopen(path);
  return outcome;
}

ImportWizard* MainWindow::promptCrmImport(const QStringList& paths) {
  if (!workbook_ || workbook_->readOnly()) {
    MessageBoxSeam::information(this, tr("Import from CRM"), tr("Open or create a workbook you can write to first."));
    return nullptr;
  }
  // The built-in profiles, then the ones saved in this workbook; a stored profile that no longer loads
  // (written by a newer version) is left out and said so rather than blocking the import.
  std::vector<salesops::MappingProfile> profiles = salesops::builtinMappingProfiles();
  QStringList unreadable;
  try {
    salesops::MappingProfileStore store(*workbook_);
    for (const auto& stored : store.list()) {
      try {
        if (const auto json = store.loadJson(stored.id))
          profiles.push_back(salesops::MappingProfile::fromJson(*json, stored.name));
      } catch (const std::exception& e) {
        unreadable << QString::fromStdString(e.what());
      }
    }
  } catch (const std::exception& e) {
    unreadable << QString::fromStdString(e.what());
  }
  if (!unreadable.isEmpty()) {
    MessageBoxSeam::warning(this, tr("Import from CRM"),
                            tr("Some mapping profiles saved in the workbook could not be read:\n%1")
                                .arg(unreadable.join(QLatin1Char('\n'))));
  }
  auto runner = [this](QWidget* parent, const QString& title, WorkbookWork work) {
    return runOnWorker(parent, title, std::move(work));
  };
  auto* wizard = new ImportWizard(runner, std::move(profiles), this);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  wizard->show();
  if (!paths.isEmpty()) wizard->addPaths(paths);
  return wizard;
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
  if (workbook_ && !droppedPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
  const QStringList paths = droppedPaths(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  promptCrmImport(paths);
}
