#pragma once
// Text form of the plan cost report (issue 7, part 4) shared by the CLI and the GUI's export. Pure functions.
#include <optional>
#include <string>

#include "services/CompService.h"

namespace salesops {

// Credited bookings (ten-thousandths of a minor unit) rounded once to minor units.
std::int64_t bookingsMinor(__int128 bookings4) noexcept;
// A ratio as text with six decimals ("0.081250"); empty when undefined.
std::string ratioText(std::optional<double> ratio);

// One table: kind (summary, period, band, percentile), plan_id, period_start, period_end, band, reps, bookings,
// payout, cost_of_sale, attainment. A band row's payout is the pay of the reps in the band; a percentile row
// has band p10..p90 and the pay at that percentile in payout.
std::string planCostCsv(const PlanCostOutcome& cost);

}  // namespace salesops
