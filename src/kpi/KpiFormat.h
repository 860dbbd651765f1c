#pragma once
// KPI values as text for files (CSV, JSON, the CLI's table): KPIS.md's output shape, independent of locale.
#include <string>

#include "kpi/KpiCatalog.h"
#include "kpi/KpiValue.h"

namespace salesops {

// Undefined -> "" (an empty cell). Money -> minor units with exactly `minorDigits` decimals ("1234567.89").
// Count -> an integer. Ratio and Number -> a '.' decimal with at least six significant digits and at least
// six decimals ("0.281250", "12.500000", "0.0000123457"); never a percentage.
std::string formatKpiValue(const KpiValue& value, KpiValueKind kind, int minorDigits);

// The decimal form used for ratios and numbers above.
std::string formatRatio(double value);

}  // namespace salesops
