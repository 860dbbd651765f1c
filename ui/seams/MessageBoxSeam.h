#pragma once
// Every message box of the GUI goes through here, so tests can answer it without a modal loop: a test
// preloads answers; while answers are queued, a call takes the next one instead of showing a box, and
// records what would have been shown.
#include <QMessageBox>
#include <QString>
#include <QStringList>

class MessageBoxSeam {
 public:
  enum class Kind { Information, Warning, Critical, Question };
  struct Shown {
    Kind kind;
    QString title;
    QString text;
  };

  static void information(QWidget* parent, const QString& title, const QString& text);
  static void warning(QWidget* parent, const QString& title, const QString& text);
  static void critical(QWidget* parent, const QString& title, const QString& text);
  static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                              QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                     QMessageBox::No);

  // Test seam.
  static void preload(QMessageBox::StandardButton answer = QMessageBox::Ok);
  static int pendingAnswers();
  static const QList<Shown>& shown();
  static void reset();

 private:
  static QMessageBox::StandardButton show(Kind kind, QWidget* parent, const QString& title, const QString& text,
                                          QMessageBox::StandardButtons buttons);
};
