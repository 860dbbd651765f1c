#include "views/territories/TerritoryEditCommand.h"

#include <exception>

#include "common/Logging.h"

TerritoryEditCommand::TerritoryEditCommand(const QString& text, std::function<void()> redo, std::function<void()> undo,
                                           std::function<void()> changed)
    : redo_(std::move(redo)), undo_(std::move(undo)), changed_(std::move(changed)) {
  setText(text);
}

void TerritoryEditCommand::attempt(const std::function<void()>& step, const char* what) {
  try {
    step();
  } catch (const std::exception& e) {
    salesops::logger("salesops.ui")->error("{} of \"{}\" failed: {}", what, text().toStdString(), e.what());
  }
}

void TerritoryEditCommand::redo() {
  if (!done_) attempt(redo_, "redo");
  done_ = true;
  changed_();
}

void TerritoryEditCommand::undo() {
  attempt(undo_, "undo");
  done_ = false;
  changed_();
}
