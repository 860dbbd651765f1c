#pragma once
// Internal to the payout engine: the indexes one run shares, and the per-period line makers.
#include <map>
#include <string>
#include <vector>

#include "comp/CompData.h"
#include "comp/CreditIndex.h"
#include "comp/ExactMoney.h"
#include "comp/Ledger.h"

namespace salesops::comp {

struct PayoutContext {
  const CompData& data;
  CreditIndex credits;
  std::vector<std::vector<std::int32_t>> quotaRows;  // per rep: quota row indexes
  std::vector<std::vector<std::int32_t>> subtree;    // per rep: every rep below it (not itself)

  explicit PayoutContext(const CompData& d);

  const KpiSnapshot& snapshot() const noexcept { return *data.snapshot; }
  // Quota of the rep in the period, pro rata by days, each row times the ramp of its tenure month (COMP.md).
  std::int64_t quota(std::int32_t rep, const CompPlan& plan, const Period& period) const;
  bool spiffMatches(const Component& c, std::int32_t opportunity) const;
};

// Deals of a locked period that are no longer won but stay counted when the period is recomputed (they are
// clawed back on their own): credit by opportunity id, and SPIFF weights by component and opportunity id.
struct KeptDeals {
  std::vector<TraceDeal> credits;
  std::map<std::string, std::vector<TraceDeal>> spiffs;
};

// The component lines of one period on the period basis (commission basis period, bonus, SPIFF, override)
// and, when `ytd` is given, the year-to-date commissions with their deficit carry. Plan cap last.
struct YtdState {
  __int128 bookings4 = 0;                    // credited bookings of the plan year so far, this period included
  std::int64_t quota = 0;                    // quota of the plan year so far, this period included
  std::map<std::string, std::int64_t> paid;  // per ytd component: Σ lines already paid this plan year
};
std::vector<LedgerLine> periodLines(const PayoutContext& ctx, std::int32_t rep, const CompPlan& plan,
                                    const Period& period, const KeptDeals& kept, YtdState* ytd);

}  // namespace salesops::comp
