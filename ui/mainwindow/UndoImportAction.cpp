#include "mainwindow/UndoImportAction.h"

#include <QAction>
#include <QMenu>

#include <exception>
#include <optional>

#include "mainwindow/MainWindow.h"
#include "seams/MessageBoxSeam.h"
#include "storage/ImportBatches.h"
#include "storage/Workbook.h"

namespace {

std::optional<salesops::ImportBatchInfo> undoable(salesops::Workbook* workbook) {
  if (!workbook || workbook->readOnly()) return std::nullopt;
  try {
    return salesops::lastUndoableImport(workbook->db());
  } catch (const std::exception&) {
    return std::nullopt;  // a workbook the window could open but not read: nothing to offer
  }
}

}  // namespace

UndoImportAction::UndoImportAction(MainWindow& window, QMenu& menu) : QObject(&window), window_(window) {
  action_ = menu.addAction(tr("&Undo Last Import…"), this, [this] { run(); });
  action_->setObjectName(QStringLiteral("action-undo-import"));
  connect(&menu, &QMenu::aboutToShow, this, &UndoImportAction::refresh);
  refresh();
}

void UndoImportAction::refresh() { action_->setEnabled(undoable(window_.workbook()).has_value()); }

bool UndoImportAction::run() {
  const QString title = tr("Undo Last Import");
  const std::optional<salesops::ImportBatchInfo> batch = undoable(window_.workbook());
  if (!batch) {
    MessageBoxSeam::information(&window_, title, tr("There is no import to undo in this workbook."));
    refresh();
    return false;
  }
  const QString question =
      tr("Undo import batch %1 of %2?\n\nSource: %3\nIt inserted %4 rows, updated %5 and deleted %6. They will be "
         "put back exactly as they were before it.")
          .arg(batch->id)
          .arg(QString::fromStdString(batch->startedAt), QString::fromStdString(batch->source))
          .arg(batch->rowsInserted)
          .arg(batch->rowsUpdated)
          .arg(batch->rowsDeleted);
  if (MessageBoxSeam::question(&window_, title, question) != QMessageBox::Yes) return false;

  salesops::UndoOutcome outcome;
  const bool done = window_.runExclusive(tr("Undoing the last import…"),
                                         [&outcome](salesops::Workbook& workbook, const salesops::LongTask& task) {
                                           outcome = salesops::undoLastImport(workbook, task);
                                         });
  refresh();
  if (!done) return false;
  MessageBoxSeam::information(&window_, title,
                              tr("Import batch %1 was undone: %2 inserted rows removed, %3 rows restored.")
                                  .arg(outcome.batch.id)
                                  .arg(outcome.rowsDeleted)
                                  .arg(outcome.rowsRestored));
  return true;
}
