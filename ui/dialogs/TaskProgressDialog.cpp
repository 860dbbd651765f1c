#include "dialogs/TaskProgressDialog.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "common/Error.h"

namespace {

// Written by the worker, read by the GUI timer; the dialog never blocks the worker.
struct SharedProgress {
  std::atomic<std::int64_t> done{0};
  std::atomic<std::int64_t> total{0};
  std::mutex mutex;
  std::string stage;
  salesops::CancelToken cancel;
};

constexpr int kScale = 1000;  // progress in bytes may exceed int; the bar shows per mille

}  // namespace

TaskProgressDialog::TaskProgressDialog(QWidget* parent, const QString& title) : QProgressDialog(parent) {
  setObjectName(QStringLiteral("task-progress"));
  setWindowTitle(title);
  setLabelText(title);
  setWindowModality(Qt::WindowModal);
  setAutoClose(false);
  setAutoReset(false);
  setMinimumDuration(300);
  setMinimumWidth(420);
  setRange(0, kScale);
  setValue(0);
}

TaskProgressDialog::Outcome TaskProgressDialog::run(QWidget* parent, const QString& title,
                                                    std::function<void(const salesops::LongTask&)> work) {
  auto shared = std::make_shared<SharedProgress>();
  auto outcome = std::make_shared<Outcome>();
  TaskProgressDialog dialog(parent, title);

  QTimer poll;
  poll.setInterval(100);
  connect(&poll, &QTimer::timeout, &dialog, [&dialog, shared] {
    if (shared->cancel.cancelled()) return;
    const auto total = shared->total.load();
    const auto done = shared->done.load();
    if (total > 0) {
      dialog.setRange(0, kScale);
      dialog.setValue(static_cast<int>(std::min<std::int64_t>(kScale, done * kScale / total)));
    } else {
      dialog.setRange(0, 0);
    }
    std::lock_guard lock(shared->mutex);
    if (!shared->stage.empty()) dialog.setLabelText(QString::fromStdString(shared->stage));
  });
  // Escape rejects the dialog without emitting canceled(); both mean the same to the user.
  const auto cancel = [&dialog, shared] {
    if (shared->cancel.cancelled()) return;
    shared->cancel.cancel();
    // Stays up until the worker has rolled back, so the user sees the cancel take effect.
    dialog.setLabelText(tr("Cancelling…"));
    dialog.show();
  };
  connect(&dialog, &QProgressDialog::canceled, &dialog, cancel);
  connect(&dialog, &QDialog::rejected, &dialog, cancel);

  QFutureWatcher<void> watcher;
  QEventLoop loop;
  connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
  watcher.setFuture(QtConcurrent::run([shared, outcome, work = std::move(work)] {
    salesops::LongTask task;
    task.cancel = &shared->cancel;
    task.progress = [shared](const std::string& stage, std::int64_t done, std::int64_t total) {
      shared->done = done;
      shared->total = total;
      std::lock_guard lock(shared->mutex);
      shared->stage = stage;
    };
    *outcome = capture([&] { work(task); });
  }));
  poll.start();
  if (!watcher.isFinished()) loop.exec();
  poll.stop();
  dialog.hide();
  // A cancel that came too late to stop the work leaves it done: report what really happened.
  return *outcome;
}

TaskProgressDialog::Outcome TaskProgressDialog::capture(const std::function<void()>& work) {
  Outcome outcome;
  try {
    work();
    outcome.ok = true;
  } catch (const salesops::Error& e) {
    outcome.cancelled = e.kind() == salesops::ErrorKind::Cancelled;
    outcome.error = QString::fromStdString(e.what());
  } catch (const std::exception& e) {
    outcome.error = QString::fromStdString(e.what());
  }
  return outcome;
}
