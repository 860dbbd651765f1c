#pragma once
// Small conversions shared by the report builders: KPI values and catalog entries as report cells and columns.
#include <cstdint>

#include "io/ReportDocument.h"
#include "kpi/KpiCatalog.h"
#include "kpi/KpiValue.h"

namespace salesops {

inline ReportCellKind reportKindOf(KpiValueKind kind) noexcept {
  switch (kind) {
    case KpiValueKind::Money:
      return ReportCellKind::Money;
    case KpiValueKind::Ratio:
      return ReportCellKind::Ratio;
    case KpiValueKind::Number:
      return ReportCellKind::Number;
    case KpiValueKind::Count:
      return ReportCellKind::Count;
  }
  return ReportCellKind::Number;
}

// Money carries the once-rounded minor units, the same figure `salesops-cli kpi` prints.
inline ReportCell kpiCell(const KpiValue& value, KpiValueKind kind) {
  if (!value) return ReportCell::empty();
  switch (kind) {
    case KpiValueKind::Money:
      return ReportCell::ofMoney(value.minor);
    case KpiValueKind::Ratio:
      return ReportCell::ofRatio(value.number);
    case KpiValueKind::Count:
      return ReportCell::ofCount(static_cast<std::int64_t>(value.number));
    case KpiValueKind::Number:
      return ReportCell::ofNumber(value.number);
  }
  return ReportCell::empty();
}

inline ReportColumn kpiColumn(KpiId id) {
  const KpiInfo& info = kpiCatalog()[static_cast<std::size_t>(id)];
  return {std::string(info.id), std::string(info.name), reportKindOf(info.kind)};
}

// Half away from zero: KPIS.md's single rounding of an exact sum held in `scale`ths of a minor unit.
inline std::int64_t roundToMinor(__int128 exact, std::int64_t scale) noexcept {
  const __int128 half = scale / 2;
  return static_cast<std::int64_t>(exact >= 0 ? (exact + half) / scale : -((-exact + half) / scale));
}

}  // namespace salesops
