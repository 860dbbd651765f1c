#pragma once
// One KPI figure. "Undefined" (a zero denominator, KPIS.md's last column) is its own state, never 0 or NaN.
#include <cstdint>

namespace salesops {

struct KpiValue {
  bool defined = false;
  // Ratios, numbers and counts; for money the exact, unrounded amount in minor units (what derived figures
  // are computed from).
  double number = 0;
  // Money only: the amount rounded once, half away from zero, to minor units (what is shown and exported).
  std::int64_t minor = 0;

  static KpiValue undefined() noexcept { return {}; }
  static KpiValue of(double value) noexcept { return {true, value, 0}; }
  static KpiValue money(std::int64_t rounded, double exact) noexcept { return {true, exact, rounded}; }

  explicit operator bool() const noexcept { return defined; }
  friend bool operator==(const KpiValue&, const KpiValue&) = default;
};

}  // namespace salesops
