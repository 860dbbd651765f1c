#pragma once
// A combo box of fiscal quarters of one fiscal calendar, named as the CLI names them ("FY2026-Q3").
#include <QComboBox>

#include <vector>

#include "common/Period.h"

class PeriodPicker : public QComboBox {
  Q_OBJECT

 public:
  explicit PeriodPicker(QWidget* parent = nullptr);

  // Offers the quarters from three fiscal years before `around`'s through the one after, and selects the
  // quarter containing `around`.
  void setCalendar(const salesops::FiscalCalendar& calendar, salesops::Date around);
  // False when empty (no workbook).
  bool hasPeriod() const { return currentIndex() >= 0; }
  salesops::Period currentPeriod() const;
  // Selects the quarter with this name; false when it is not offered.
  bool selectName(const QString& name);

 private:
  std::vector<salesops::Period> periods_;
};
