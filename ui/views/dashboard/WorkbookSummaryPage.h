#pragma once
// The Dashboard page until the KPI dashboard fills it: the open workbook's settings and row counts.
#include <QWidget>

class QLabel;
class QTableWidget;

namespace salesops {
class Workbook;
}

class WorkbookSummaryPage : public QWidget {
  Q_OBJECT

 public:
  explicit WorkbookSummaryPage(QWidget* parent = nullptr);

  // nullptr shows how to open or create a workbook.
  void showWorkbook(salesops::Workbook* workbook);

 private:
  QLabel* title_;
  QLabel* details_;
  QTableWidget* counts_;
  QLabel* note_;
};
