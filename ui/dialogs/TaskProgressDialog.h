#pragma once
// Runs a long core operation (import, export) on a worker thread behind a progress dialog whose Cancel
// button trips the operation's CancelToken. run() returns when the worker has finished, keeping the event
// loop going meanwhile; the caller makes sure nothing else touches what the worker uses.
#include <QProgressDialog>
#include <QString>

#include <functional>

#include "common/Progress.h"

class TaskProgressDialog : public QProgressDialog {
  Q_OBJECT

 public:
  struct Outcome {
    bool ok = false;
    bool cancelled = false;  // the work threw Error(Cancelled)
    QString error;           // what() of anything else it threw
  };

  static Outcome run(QWidget* parent, const QString& title, std::function<void(const salesops::LongTask&)> work);
  // Runs `work` on the calling thread and turns what it throws into an Outcome, as run() does; for workers that
  // report through their own future rather than this dialog.
  static Outcome capture(const std::function<void()>& work);

 private:
  TaskProgressDialog(QWidget* parent, const QString& title);
};
