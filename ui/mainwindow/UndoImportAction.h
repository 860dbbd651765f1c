#pragma once
// File → "Undo Last Import…": names the newest import batch of the open workbook, asks for confirmation,
// undoes it off the GUI thread (the window's runExclusive: progress, Cancel, the views reload after) and
// says what was put back. Enabled only when the open, writable workbook has an import to undo.
#include <QObject>

class MainWindow;
class QAction;
class QMenu;

class UndoImportAction : public QObject {
  Q_OBJECT

 public:
  // Adds the action to `menu` at its current end.
  UndoImportAction(MainWindow& window, QMenu& menu);

  QAction* action() const noexcept { return action_; }
  // Enables the action when there is something to undo (called whenever the menu opens).
  void refresh();
  // Confirms and undoes; true when a batch was undone.
  bool run();

 private:
  MainWindow& window_;
  QAction* action_ = nullptr;
};
