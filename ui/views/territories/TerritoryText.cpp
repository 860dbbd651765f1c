#include "views/territories/TerritoryText.h"

#include <QCoreApplication>
#include <QLocale>

#include "views/dashboard/KpiText.h"

namespace territorytext {

QString metricLabel(salesops::BalanceMetric metric) {
  switch (metric) {
    case salesops::BalanceMetric::Accounts:
      return QCoreApplication::translate("territorytext", "Accounts");
    case salesops::BalanceMetric::Potential:
      return QCoreApplication::translate("territorytext", "Potential");
    case salesops::BalanceMetric::Pipeline:
      return QCoreApplication::translate("territorytext", "Open pipeline");
    case salesops::BalanceMetric::Bookings:
      return QCoreApplication::translate("territorytext", "Bookings");
    case salesops::BalanceMetric::Quota:
      return QCoreApplication::translate("territorytext", "Quota");
    case salesops::BalanceMetric::Reps:
      return QCoreApplication::translate("territorytext", "Reps");
  }
  return {};
}

QString money(std::int64_t minor, const salesops::BalanceReport& report) {
  return QLocale().toString(kpitext::units(minor, report.minorDigits), 'f', 0);
}

QString value(std::int64_t value, salesops::BalanceMetric metric, const salesops::BalanceReport& report) {
  return salesops::isMoneyMetric(metric) ? money(value, report) : QLocale().toString(static_cast<qlonglong>(value));
}

QString ratio(const std::optional<double>& value, int decimals) {
  return value ? QLocale().toString(*value, 'f', decimals) : QString(QChar(0x2014));
}

QString percent(const std::optional<double>& value) {
  return value ? QLocale().toString(*value * 100, 'f', 1) + QLatin1Char('%') : QString(QChar(0x2014));
}

QString imbalance(const salesops::BalanceReport& report, salesops::BalanceMetric metric) {
  const auto& im = report.imbalance[static_cast<std::size_t>(metric)];
  const QString cv = percent(im.cv);
  return QCoreApplication::translate("territorytext", "CV %1, Gini %2, max/min %3")
      .arg(cv, ratio(im.gini, 3), ratio(im.maxMin, 2));
}

}  // namespace territorytext
