#pragma once
// The KPI engine: every KPI of KPIS.md for groups of reps × periods, from a KpiSnapshot. A pure function of
// its arguments (no database, no clock); the snapshot is only read, so concurrent calls are safe.
//
// Cost: one scan over each entity of the snapshot for the whole grid (records are bucketed into all periods
// at once), then per group and period a sum over the group's reps.
#include <vector>

#include "common/Period.h"
#include "kpi/KpiGrid.h"
#include "kpi/KpiSnapshot.h"

namespace salesops {

// Throws Error(Usage) for a period that ends before it starts, Error(Internal) for a rep index out of range.
KpiGrid computeKpis(const KpiSnapshot& snapshot, const std::vector<KpiGroup>& groups,
                    const std::vector<Period>& periods, const KpiParams& params);

}  // namespace salesops
