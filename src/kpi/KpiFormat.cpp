#include "kpi/KpiFormat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/Decimal.h"

namespace salesops {

std::string formatRatio(double value) {
  int decimals = 6;
  if (value != 0 && std::isfinite(value)) {
    // Below 0.1 the six fixed decimals would hold fewer than six significant digits.
    const int exponent = static_cast<int>(std::floor(std::log10(std::fabs(value))));
    decimals = std::max(6, 5 - exponent);
  }
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", std::min(decimals, 40), value);
  std::string text = buffer;
  if (text == "-0.000000") text = "0.000000";
  return text;
}

std::string formatKpiValue(const KpiValue& value, KpiValueKind kind, int minorDigits) {
  if (!value.defined) return {};
  switch (kind) {
    case KpiValueKind::Money:
      return formatMoney(value.minor, minorDigits);
    case KpiValueKind::Count:
      return std::to_string(static_cast<long long>(std::llround(value.number)));
    case KpiValueKind::Ratio:
    case KpiValueKind::Number:
      break;
  }
  return formatRatio(value.number);
}

}  // namespace salesops
