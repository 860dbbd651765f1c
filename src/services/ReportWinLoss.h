#pragma once
// Won and lost opportunities of everyone closed in P, broken down by an attribute (lead_source or type): counts,
// amounts and the win rate by count. A pure function of the snapshot and the attributes loaded beside it.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiSnapshot.h"
#include "storage/OpportunityAttributesLoader.h"

namespace salesops {

struct WinLossLine {
  std::string value;  // the attribute's value; "" when not set
  std::int64_t won = 0, lost = 0;
  std::int64_t wonAmount = 0, lostAmount = 0;  // corporate minor units
};

// Lines ordered by value; only values with something closed in P. `perOpportunity` is
// OpportunityAttributes::leadSource or ::type. Error(Data) when the attributes do not match the snapshot.
std::vector<WinLossLine> winLossBy(const KpiSnapshot& snapshot, const OpportunityAttributes& attributes,
                                   const std::vector<std::int32_t>& perOpportunity, const Period& period);

}  // namespace salesops
