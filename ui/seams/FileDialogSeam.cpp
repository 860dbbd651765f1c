#include "seams/FileDialogSeam.h"

#include <QFileDialog>
#include <QQueue>

namespace {
QQueue<QString>& answers() {
  static QQueue<QString> queue;
  return queue;
}
}  // namespace

QString FileDialogSeam::getOpenFileName(QWidget* parent, const QString& caption, const QString& dir,
                                        const QString& filter) {
  QString answer;
  if (takeAnswer(answer)) return answer;
  return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialogSeam::getSaveFileName(QWidget* parent, const QString& caption, const QString& dir,
                                        const QString& filter) {
  QString answer;
  if (takeAnswer(answer)) return answer;
  return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

QString FileDialogSeam::getExistingDirectory(QWidget* parent, const QString& caption, const QString& dir) {
  QString answer;
  if (takeAnswer(answer)) return answer;
  return QFileDialog::getExistingDirectory(parent, caption, dir);
}

void FileDialogSeam::preload(const QString& answer) { answers().enqueue(answer); }

int FileDialogSeam::pendingAnswers() { return static_cast<int>(answers().size()); }

void FileDialogSeam::reset() { answers().clear(); }

bool FileDialogSeam::takeAnswer(QString& answer) {
  if (answers().isEmpty()) return false;
  answer = answers().dequeue();
  return true;
}
