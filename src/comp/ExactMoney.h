#pragma once
// Exact pay arithmetic. Money flows through the engine as `Exact`: a 128-bit count of 10^-18 minor units,
// so products of amounts, split shares (10^-4), attainment thresholds (10^-6) and rates (10^-9) never
// round; each ledger line is rounded once, half away from zero, by toMinor().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Decimal.h"
#include "comp/CompPlan.h"

namespace salesops::comp {

using Exact = __int128;
inline constexpr Exact kExactPerMinor = static_cast<Exact>(1'000'000'000'000'000'000LL);  // 10^18
inline constexpr std::int64_t kMicro = 1'000'000;                                         // attainment scale
inline constexpr std::int64_t kNano = 1'000'000'000;                                      // rate scale

// A decimal as an integer with exactly `digits` decimals; nullopt when it has more.
std::optional<std::int64_t> toScaled(const Decimal& value, int digits) noexcept;

inline Exact exactFromMinor(std::int64_t minor) noexcept { return static_cast<Exact>(minor) * kExactPerMinor; }
// Credit in ten-thousandths of a minor unit (amount × split hundredths-of-percent) as Exact.
inline Exact exactFromCredit(__int128 credit4) noexcept { return credit4 * static_cast<Exact>(100'000'000'000'000LL); }
// Rounded once, half away from zero, to minor units.
std::int64_t toMinor(Exact value) noexcept;
// rate (billionths) × value.
inline Exact applyRate(std::int64_t rateNano, Exact value) noexcept {
  return value / kNano * rateNano + (value % kNano) * rateNano / kNano;
}

// The commission of credited bookings B against quota Q (minor units) under a tier table (COMP.md):
// marginal sums each tier's rate over the part of B inside [from_i × Q, from_{i+1} × Q); retroactive applies
// the rate of the tier containing B / Q to all of B. Q <= 0 earns nothing. `tierUsed` receives the index of
// the highest tier reached (-1 when Q <= 0).
struct TierResult {
  Exact earning = 0;
  int tierUsed = -1;
};
TierResult tierEarning(const std::vector<Tier>& tiers, bool marginal, Exact bookings, std::int64_t quota) noexcept;

// B / Q ≥ threshold (millionths), exactly. Q <= 0 is never.
bool attainmentAtLeast(Exact bookings, std::int64_t quota, std::int64_t thresholdMicro) noexcept;

// Attainment as a double for display only (nullopt when Q <= 0).
std::optional<double> attainmentRatio(Exact bookings, std::int64_t quota) noexcept;

// Minor units as text with the currency's digits ("1234.50").
std::string exactText(Exact value, int minorDigits);

}  // namespace salesops::comp
