#pragma once
// Internal to the payout engine: what changed in a locked period after it was locked (COMP.md). Deals paid
// there that are no longer won produce clawback lines when they were lost within the plan's clawback window
// (and are otherwise left paid); every other difference between the period recomputed with today's data and
// what was paid becomes an adjustment line. Both land in the rep's first open period.
#include <string>
#include <unordered_map>
#include <vector>

#include "comp/PayoutContext.h"

namespace salesops::comp {

class Corrections {
 public:
  Corrections(const PayoutContext& ctx, Date asOf) : ctx_(ctx), asOf_(asOf) {}

  // Appends to `out` the clawbacks and adjustments of locked period `period` of `rep` under `plan`.
  // `lockedLines` are the rep's stored lines of every locked period of the year.
  void append(std::int32_t rep, const CompPlan& plan, const Period& period,
              const std::vector<const LedgerLine*>& lockedLines, std::vector<LedgerLine>& out) const;

 private:
  std::int32_t opportunityIndex(const std::string& id) const;

  const PayoutContext& ctx_;
  Date asOf_;
  mutable std::unordered_map<std::string, std::int32_t> byId_;  // built on first use
};

}  // namespace salesops::comp
