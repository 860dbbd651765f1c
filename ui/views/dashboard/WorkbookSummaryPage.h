#pragma once
// The Dashboard page until the KPI dashboard fills it: the open workbook's settings and row counts.
#include <QFutureWatcher>
#include <QWidget>

#include "services/WorkbookInfo.h"

class QLabel;
class QTableWidget;

namespace salesops {
class Workbook;
}

class WorkbookSummaryPage : public QWidget {
  Q_OBJECT

 public:
  explicit WorkbookSummaryPage(QWidget* parent = nullptr);

  // nullptr shows how to open or create a workbook. The row counts are read on a worker thread with
  // its own read-only connection, since counting millions of rows would freeze the window.
  void showWorkbook(salesops::Workbook* workbook);

 private:
  struct Loaded {
    quint64 generation = 0;
    salesops::WorkbookInfo info;
    QString error;
  };
  void showInfo(const Loaded& loaded);

  QFutureWatcher<Loaded> watcher_;
  quint64 generation_ = 0;
  QLabel* title_;
  QLabel* details_;
  QTableWidget* counts_;
  QLabel* note_;
};
