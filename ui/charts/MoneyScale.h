#pragma once
// Chart axes show money in thousands or millions once amounts get large: seven-digit tick labels crowd the
// plot, and an axis is read for shape, not to the cent.
#include <QCoreApplication>
#include <QString>

struct MoneyScale {
  double divisor = 1;
  QString unit;  // "USD", "USD thousands", "USD millions"

  static MoneyScale forMaximum(double maxUnits, const QString& currency) {
    if (maxUnits >= 2e6) return {1e6, QCoreApplication::translate("MoneyScale", "%1 millions").arg(currency)};
    if (maxUnits >= 2e4) return {1e3, QCoreApplication::translate("MoneyScale", "%1 thousands").arg(currency)};
    return {1, currency};
  }
};
