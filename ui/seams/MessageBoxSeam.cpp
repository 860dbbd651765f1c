#include "seams/MessageBoxSeam.h"

#include <QQueue>

namespace {
QQueue<QMessageBox::StandardButton>& answers() {
  static QQueue<QMessageBox::StandardButton> queue;
  return queue;
}
QList<MessageBoxSeam::Shown>& history() {
  static QList<MessageBoxSeam::Shown> list;
  return list;
}
}  // namespace

void MessageBoxSeam::information(QWidget* parent, const QString& title, const QString& text) {
  show(Kind::Information, parent, title, text, QMessageBox::Ok);
}

void MessageBoxSeam::warning(QWidget* parent, const QString& title, const QString& text) {
  show(Kind::Warning, parent, title, text, QMessageBox::Ok);
}

void MessageBoxSeam::critical(QWidget* parent, const QString& title, const QString& text) {
  show(Kind::Critical, parent, title, text, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBoxSeam::question(QWidget* parent, const QString& title, const QString& text,
                                                     QMessageBox::StandardButtons buttons) {
  return show(Kind::Question, parent, title, text, buttons);
}

void MessageBoxSeam::preload(QMessageBox::StandardButton answer) { answers().enqueue(answer); }

int MessageBoxSeam::pendingAnswers() { return static_cast<int>(answers().size()); }

const QList<MessageBoxSeam::Shown>& MessageBoxSeam::shown() { return history(); }

void MessageBoxSeam::reset() {
  answers().clear();
  history().clear();
}

QMessageBox::StandardButton MessageBoxSeam::show(Kind kind, QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons) {
  history().append({kind, title, text});
  if (!answers().isEmpty()) return answers().dequeue();
  switch (kind) {
    case Kind::Information:
      return QMessageBox::information(parent, title, text, buttons);
    case Kind::Warning:
      return QMessageBox::warning(parent, title, text, buttons);
    case Kind::Critical:
      return QMessageBox::critical(parent, title, text, buttons);
    case Kind::Question:
      return QMessageBox::question(parent, title, text, buttons);
  }
  return QMessageBox::NoButton;
}
