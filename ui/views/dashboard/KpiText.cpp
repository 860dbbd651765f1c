#include "views/dashboard/KpiText.h"

#include <QCoreApplication>

#include <cmath>

namespace kpitext {

double units(std::int64_t minor, int minorDigits) { return static_cast<double>(minor) / std::pow(10.0, minorDigits); }

QString value(const salesops::KpiValue& value, salesops::KpiValueKind kind, const Money& money, const QLocale& locale) {
  using K = salesops::KpiValueKind;
  if (!value.defined) return QString(kUndefined);
  switch (kind) {
    case K::Money:
      return QCoreApplication::translate("KpiText", "%1 %2", "amount, currency code")
          .arg(locale.toString(std::round(units(value.minor, money.minorDigits)), 'f', 0), money.currency);
    case K::Ratio:
      return locale.toString(value.number * 100.0, 'f', 1) + locale.percent();
    case K::Number:
      return locale.toString(value.number, 'f', 1);
    case K::Count:
      return locale.toString(static_cast<qlonglong>(std::llround(value.number)));
  }
  return {};
}

QString change(const salesops::KpiValue& current, const salesops::KpiValue& previous, salesops::KpiValueKind kind,
               const QLocale& locale) {
  if (!current.defined || !previous.defined) return {};
  double delta = 0;
  QString text;
  if (kind == salesops::KpiValueKind::Ratio) {
    delta = (current.number - previous.number) * 100.0;
    text = QCoreApplication::translate("KpiText", "%1 pts", "percentage points")
               .arg(locale.toString(std::abs(delta), 'f', 1));
  } else {
    if (previous.number == 0) return {};
    delta = (current.number - previous.number) / std::abs(previous.number) * 100.0;
    text = locale.toString(std::abs(delta), 'f', 1) + locale.percent();
  }
  // Rounded to what is shown, so "0.0%" never carries an arrow.
  const double shown = std::round(delta * 10.0) / 10.0;
  const QChar arrow = shown > 0 ? QChar(0x2191) : shown < 0 ? QChar(0x2193) : QChar(0x2192);
  return arrow + QLatin1Char(' ') + text;
}

}  // namespace kpitext
