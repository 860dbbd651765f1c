#pragma once
// Ledger lines: every amount a rep is paid, with the deals and rules that produced it (COMP.md "Ledger and
// lifecycle"). Amounts are minor units, each rounded once when the line was made.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Period.h"

namespace salesops::comp {

enum class LineKind { Earning, Bonus, Spiff, Override, DrawAdvance, DrawRecovery, Clawback, Adjustment };

const char* lineKindName(LineKind kind) noexcept;
std::optional<LineKind> parseLineKind(std::string_view name) noexcept;

// One deal behind a line: the opportunity's external id, the rep's credited amount (ten-thousandths of a
// minor unit: amount × split percent in hundredths) and the weight it has in the line (the same credit for
// commission lines, the deal's own SPIFF in ten-thousandths for SPIFF lines).
struct TraceDeal {
  std::string opportunityId;
  std::int64_t credit4 = 0;
  std::int64_t weight4 = 0;
};

struct LedgerLine {
  std::int32_t rep = -1;  // rep index of the snapshot the line was computed from
  std::string repId;
  Period period;
  std::string planId;
  std::string component;  // component id, or "draw", "plan_cap"
  LineKind kind = LineKind::Earning;
  std::int64_t amount = 0;
  std::string detail;               // for people: the rule, tier, attainment, reason
  std::vector<TraceDeal> deals;     // the credited deals behind the line (earning, spiff, clawback)
  std::optional<Period> forPeriod;  // adjustment/clawback: the locked period it corrects
};

}  // namespace salesops::comp
