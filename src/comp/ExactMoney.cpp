#include "comp/ExactMoney.h"

#include <vector>

#include "comp/CompPlan.h"

namespace salesops::comp {

std::optional<std::int64_t> toScaled(const Decimal& value, int digits) noexcept {
  if (value.scale <= digits) {
    __int128 result = static_cast<__int128>(value.mantissa) * pow10(digits - value.scale);
    if (result > INT64_MAX || result < INT64_MIN) return std::nullopt;
    return static_cast<std::int64_t>(result);
  }
  const std::int64_t divisor = pow10(value.scale - digits);
  if (value.mantissa % divisor != 0) return std::nullopt;
  return value.mantissa / divisor;
}

std::int64_t toMinor(Exact value) noexcept { return divideRounded(value, kExactPerMinor); }

namespace {
// from_i × Q as Exact: millionths × minor units.
Exact boundary(std::int64_t fromMicro, std::int64_t quota) noexcept {
  return static_cast<Exact>(fromMicro) * quota * (kExactPerMinor / kMicro);
}
}  // namespace

TierResult tierEarning(const std::vector<Tier>& tiers, bool marginal, Exact bookings, std::int64_t quota) noexcept {
  TierResult result;
  if (quota <= 0 || tiers.empty()) return result;
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const Exact low = boundary(tiers[i].fromMicro, quota);
    if (bookings < low && i > 0) break;
    result.tierUsed = static_cast<int>(i);
    if (!marginal) continue;
    const Exact high = i + 1 < tiers.size() ? boundary(tiers[i + 1].fromMicro, quota) : bookings;
    const Exact inside = std::min(bookings, high) - low;
    if (inside > 0) result.earning += applyRate(tiers[i].rateNano, inside);
  }
  if (!marginal && result.tierUsed >= 0 && bookings > 0) {
    result.earning = applyRate(tiers[static_cast<std::size_t>(result.tierUsed)].rateNano, bookings);
  }
  return result;
}

bool attainmentAtLeast(Exact bookings, std::int64_t quota, std::int64_t thresholdMicro) noexcept {
  return quota > 0 && bookings >= boundary(thresholdMicro, quota);
}

std::optional<double> attainmentRatio(Exact bookings, std::int64_t quota) noexcept {
  if (quota <= 0) return std::nullopt;
  return static_cast<double>(bookings) / static_cast<double>(kExactPerMinor) / static_cast<double>(quota);
}

std::string exactText(Exact value, int minorDigits) { return formatMoney(toMinor(value), minorDigits); }

}  // namespace salesops::comp
