#pragma once
// An exact sum of pro-rata quota shares amount × inside / days (KPIS.md: a quota row straddling the period
// counts by days). Kept as whole minor units plus one reduced fraction, so rounding happens once, at the end,
// and "attainment ≥ 100 %" compares exactly. Value type.
#include <cstdint>

namespace salesops {

class ExactQuota {
 public:
  // Adds amount × inside / days. days > 0, 0 <= inside <= days.
  void add(std::int64_t amount, std::int64_t inside, std::int64_t days) noexcept;
  void add(const ExactQuota& other) noexcept;

  bool isZero() const noexcept { return whole_ == 0 && num_ == 0 && !approximate_; }
  bool isPositive() const noexcept;
  double value() const noexcept;          // minor units
  std::int64_t rounded() const noexcept;  // half away from zero
  // Sign of (credit / 10000 − this): credit is a sum in ten-thousandths of a minor unit (split shares).
  int compareCredit(__int128 credit) const noexcept;
  // credit / 10000 − this, in minor units (the remaining quota with the sign flipped, for coverage).
  double minusFromCredit(__int128 credit) const noexcept;

 private:
  __int128 whole_ = 0;
  std::int64_t num_ = 0;  // |num_| < den_
  std::int64_t den_ = 1;
  // The common denominator would overflow (thousands of distinct row lengths): the fraction is then a
  // long double, and exact comparisons become comparisons of that approximation.
  bool approximate_ = false;
  long double fraction_ = 0;
};

}  // namespace salesops
