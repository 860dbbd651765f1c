#include "widgets/PeriodPicker.h"

#include <QSignalBlocker>

PeriodPicker::PeriodPicker(QWidget* parent) : QComboBox(parent) {
  setObjectName(QStringLiteral("dashboard-period"));
  setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

void PeriodPicker::setCalendar(const salesops::FiscalCalendar& calendar, salesops::Date around) {
  const QSignalBlocker blocker(this);
  clear();
  const int year = calendar.fiscalYearOf(around);
  periods_ = salesops::precedingQuarters(calendar, calendar.quarter(year + 1, 4), 20);
  const salesops::Period current = calendar.quarterContaining(around);
  int selected = 0;
  for (std::size_t i = 0; i < periods_.size(); ++i) {
    addItem(QString::fromStdString(calendar.nameOf(periods_[i])), static_cast<int>(i));
    if (periods_[i] == current) selected = static_cast<int>(i);
  }
  setCurrentIndex(selected);
}

salesops::Period PeriodPicker::currentPeriod() const {
  const int at = currentData().toInt();
  return at >= 0 && static_cast<std::size_t>(at) < periods_.size() ? periods_[static_cast<std::size_t>(at)]
                                                                   : salesops::Period{};
}

bool PeriodPicker::selectName(const QString& name) {
  const int at = findText(name);
  if (at < 0) return false;
  setCurrentIndex(at);
  return true;
}
