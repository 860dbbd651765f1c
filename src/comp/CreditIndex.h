#pragma once
// Won deals credited to each rep (KPIS.md: split shares, else the owner wholly), ordered by close day with
// running sums, so a rep's bookings of any date range is two binary searches. Built once per payout run.
#include <cstdint>
#include <span>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::comp {

struct Credit {
  std::int32_t closeDay;
  std::int32_t opportunity;
  std::int64_t credit4;   // amount × percent (hundredths of a percent): ten-thousandths of a minor unit
  std::uint16_t percent;  // the rep's share in hundredths of a percent
};

class CreditIndex {
 public:
  explicit CreditIndex(const KpiSnapshot& snapshot);

  std::span<const Credit> credits(std::int32_t rep, const Period& period) const noexcept;
  // Σ credit4 of the rep's won deals closed in the period.
  __int128 bookings4(std::int32_t rep, const Period& period) const noexcept;

 private:
  std::vector<std::int32_t> begin_;  // per rep, into credits_; size reps + 1
  std::vector<Credit> credits_;
  std::vector<__int128> running_;  // running_[i] = Σ credit4 of credits_[repBegin..i) — per rep from 0
};

}  // namespace salesops::comp
