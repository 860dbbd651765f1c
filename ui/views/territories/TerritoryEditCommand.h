#pragma once
// One edit of a planning model (add, rename/re-prioritise, remove a territory, or apply a rebalancing) on the
// Territories page's undo stack. The page makes the change before pushing, so a refused change is reported
// and never pushed; the first redo, which QUndoStack::push runs, only refreshes the page.
#include <QUndoCommand>

#include <functional>

class TerritoryEditCommand : public QUndoCommand {
 public:
  TerritoryEditCommand(const QString& text, std::function<void()> redo, std::function<void()> undo,
                       std::function<void()> changed);

  void redo() override;
  void undo() override;

 private:
  // Errors are logged and leave the workbook as it was (each step is one transaction): an undo stack cannot
  // refuse a step, and the page reloads what the workbook holds either way.
  void attempt(const std::function<void()>& step, const char* what);

  std::function<void()> redo_, undo_, changed_;
  bool done_ = true;
};
