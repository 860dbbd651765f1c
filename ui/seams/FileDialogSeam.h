#pragma once
// Every file dialog of the GUI goes through here, so tests can answer it: while answers are queued, a call
// returns the next one (an empty string = the user cancelled) instead of showing a dialog.
#include <QString>
#include <QStringList>

class QWidget;

class FileDialogSeam {
 public:
  static QString getOpenFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
  static QString getSaveFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter);
  static QString getExistingDirectory(QWidget* parent, const QString& caption, const QString& dir);

  // Test seam.
  static void preload(const QString& answer);
  static int pendingAnswers();
  static void reset();

 private:
  static bool takeAnswer(QString& answer);
};
