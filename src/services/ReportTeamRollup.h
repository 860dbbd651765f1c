#pragma once
// The manager hierarchy as team-rollup walks it: depth first from the top managers, reports ordered by rep id,
// each node with the reps its row covers (a manager: the whole team below them, themselves included; anyone
// else: themselves). A manager_id cycle in bad data is cut where a rep would repeat.
#include <cstdint>
#include <vector>

#include "kpi/KpiGrid.h"
#include "kpi/KpiSnapshot.h"

namespace salesops {

struct RollupNode {
  std::int32_t rep = 0;  // KpiSnapshot::reps index
  int depth = 0;         // 0 for a top manager
  bool manager = false;  // has someone reporting to them
  KpiGroup group;        // id, name and the reps the row covers
};

std::vector<RollupNode> rollupHierarchy(const KpiSnapshot& snapshot);

}  // namespace salesops
