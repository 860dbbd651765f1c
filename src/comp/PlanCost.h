#pragma once
// Plan cost (issue 7, part 4): what a plan pays against the bookings it pays for, per payout period and over
// a scope, and how attainment and pay spread across reps. A pure function of the engine's attainment rows and
// ledger lines; money stays exact (minor units, bookings in ten-thousandths) and only ratios are doubles.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "comp/Ledger.h"
#include "comp/PayoutEngine.h"

namespace salesops::comp {

// payout ÷ bookings; undefined when there are no bookings.
std::optional<double> costOfSale(std::int64_t payout, __int128 bookings4) noexcept;

// One rep on one plan over the scope (the total merges a rep's plans).
struct RepCost {
  std::string repId, planId;
  __int128 bookings4 = 0;  // credited bookings, ten-thousandths of a minor unit
  std::int64_t quota = 0;  // minor units: Σ of the quotas of the rep's payout periods in the scope
  std::int64_t pay = 0;    // minor units: Σ of the rep's ledger lines in the scope
  std::optional<double> attainment() const noexcept;  // undefined when quota <= 0
};

struct PeriodCost {
  Period period;
  std::string planId;
  std::int64_t reps = 0;
  __int128 bookings4 = 0;
  std::int64_t payout = 0;
};

// Attainment bands: [0, 50 %), [50, 75), [75, 100), [100, 125), [125, 150), [150 %, ∞); reps without a quota
// are counted apart.
inline constexpr std::array<std::int64_t, 6> kBandFromMicro{0, 500'000, 750'000, 1'000'000, 1'250'000, 1'500'000};
const char* bandLabel(std::size_t band) noexcept;  // "<50%", "50-75%", ..., ">=150%"
// The band of B / Q, exactly; nullopt when Q <= 0.
std::optional<std::size_t> attainmentBand(__int128 bookings4, std::int64_t quota) noexcept;

inline constexpr std::array<int, 5> kPayPercentiles{10, 25, 50, 75, 90};
// Nearest-rank percentile (the ceil(p × n / 100)-th smallest) of pays sorted ascending; 0 for none.
std::int64_t nearestRankPercentile(const std::vector<std::int64_t>& sortedPays, int percent) noexcept;

struct CostSummary {
  std::string planId;  // "(all)" for the total
  std::int64_t reps = 0;
  __int128 bookings4 = 0;
  std::int64_t quota = 0, payout = 0;
  std::array<std::int64_t, kBandFromMicro.size()> bandReps{}, bandPay{};
  std::int64_t noQuotaReps = 0, noQuotaPay = 0;
  std::array<std::int64_t, kPayPercentiles.size()> payPercentile{};  // minor units, by kPayPercentiles
};

struct PlanCostReport {
  Period scope;
  std::vector<PeriodCost> periods;  // per payout period overlapping the scope and plan, by period then plan
  std::vector<CostSummary> plans;   // by plan id
  CostSummary total;
  std::vector<RepCost> reps;  // per rep and plan, by rep then plan
};

// Attainment rows and lines of payout periods overlapping `scope` are counted; others are ignored. `repIds`
// names the rep indexes of the attainment rows.
PlanCostReport buildPlanCost(const Period& scope, const std::vector<PeriodAttainment>& attainment,
                             const std::vector<LedgerLine>& lines, const std::vector<std::string>& repIds);

}  // namespace salesops::comp
