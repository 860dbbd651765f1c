#pragma once
// KPIs by territory (TERRITORY.md, KPIS.md "Scope"): an opportunity belongs to the territory its account had
// on the opportunity's close date, so a past quarter keeps the territories in force then. The engine works
// on reps, so territories become the "reps" of a derived snapshot: each opportunity is owned by its territory
// (the whole amount: splits credit people, not territories), and what belongs to people (quota, forecast
// calls, leads, activities) follows the rep who owns the territory. A scope is a territory with its
// sub-territories.
#include <cstdint>
#include <string>
#include <vector>

#include "kpi/KpiGrid.h"
#include "kpi/KpiSnapshot.h"

namespace salesops {

struct TerritoryFacts {
  std::vector<std::string> id, name;  // the territories of the active model
  std::vector<std::int32_t> parent;   // territory index or kNoIndex
  std::vector<std::int32_t> owner;    // rep index of the base snapshot, or kNoIndex
  // Per opportunity of the base snapshot (same order): territory index, or kNoIndex when its account had
  // none of these territories on the close date.
  std::vector<std::int32_t> opportunityTerritory;
};

// The scope id of the opportunities that fall in no territory of the model.
inline constexpr const char* kNoTerritory = "(none)";

// Rep index r of the result is territory r; one more, last, holds the opportunities of no territory. A rep
// owning several territories has their people-side records counted once, in the first one they own (in
// `facts` order), so a region over two of their territories does not count their quota twice.
// `base` must have its indexes built. Throws Error(Internal) when opportunityTerritory does not match it.
KpiSnapshot territorySnapshot(const KpiSnapshot& base, const TerritoryFacts& facts);

// One group per territory (with its whole subtree; cycles in `parent` are cut) in `facts` order, then the
// no-territory group, over the territory snapshot; `scope` non-empty keeps only that territory's group
// (Error(Usage) when unknown).
std::vector<KpiGroup> territoryGroups(const TerritoryFacts& facts, const std::string& scope);

}  // namespace salesops
