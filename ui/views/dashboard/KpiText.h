#pragma once
// KPI values as text for people: the user's locale (thousands separators, decimal mark), percentages for
// ratios, whole units of the corporate currency for money (tiles are read at a glance; files carry cents).
// Undefined values show as an em dash, never as 0.
#include <QLocale>
#include <QString>

#include "kpi/KpiCatalog.h"
#include "kpi/KpiValue.h"

namespace kpitext {

inline constexpr QChar kUndefined = QChar(0x2014);

struct Money {
  QString currency = QStringLiteral("USD");
  int minorDigits = 2;
};

QString value(const salesops::KpiValue& value, salesops::KpiValueKind kind, const Money& money,
              const QLocale& locale = QLocale());

// The change from `previous` to `current`: ratios in percentage points ("↑ 3.2 pts"), everything else as a
// relative change ("↓ 12.5%"). Empty when either side is undefined or the relative base is zero.
QString change(const salesops::KpiValue& current, const salesops::KpiValue& previous, salesops::KpiValueKind kind,
               const QLocale& locale = QLocale());

// Money in whole currency units, for chart axes and tooltips.
double units(std::int64_t minor, int minorDigits);

}  // namespace kpitext
