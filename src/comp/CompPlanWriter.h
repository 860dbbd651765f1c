#pragma once
// Edits of a plan's JSON text that keep everything else as the user wrote it (key order, other components):
// the plan editor's rate-table grid saves through here. The result parses with CompPlanParser.
#include <string>
#include <vector>

#include "comp/CompPlan.h"

namespace salesops::comp {

// The plan text with component `componentId`'s rate table replaced. Error(Data) when there is no such
// commission component.
std::string withRateTable(const std::string& json, const std::string& componentId, TierSemantics semantics,
                          const std::vector<Tier>& tiers);

// The plan text with a new effective_from (a new version of the plan).
std::string withEffectiveFrom(const std::string& json, Date from);

}  // namespace salesops::comp
