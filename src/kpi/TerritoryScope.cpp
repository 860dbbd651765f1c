#include "kpi/TerritoryScope.h"

#include <unordered_map>

#include "common/Error.h"

namespace salesops {
namespace {

// The first territory each rep owns, in facts order; the people-side records of the rep go there.
std::vector<std::int32_t> homeTerritoryOfReps(const KpiSnapshot& base, const TerritoryFacts& facts) {
  std::vector<std::int32_t> home(base.reps.size(), kNoIndex);
  for (std::size_t t = 0; t < facts.owner.size(); ++t) {
    const std::int32_t rep = facts.owner[t];
    if (rep >= 0 && static_cast<std::size_t>(rep) < home.size() && home[static_cast<std::size_t>(rep)] == kNoIndex)
      home[static_cast<std::size_t>(rep)] = static_cast<std::int32_t>(t);
  }
  return home;
}

// Copies the rows of a rep-keyed column set whose rep has a home territory, re-keyed to it.
template <typename Columns, typename Copy>
void remap(const std::vector<std::int32_t>& reps, const std::vector<std::int32_t>& home, Columns& out, Copy copy) {
  for (std::size_t i = 0; i < reps.size(); ++i) {
    const std::int32_t rep = reps[i];
    const std::int32_t territory = rep >= 0 ? home[static_cast<std::size_t>(rep)] : kNoIndex;
    if (territory != kNoIndex) copy(out, i, territory);
  }
}

}  // namespace

KpiSnapshot territorySnapshot(const KpiSnapshot& base, const TerritoryFacts& facts) {
  if (facts.opportunityTerritory.size() != base.opportunities.size())
    throw Error(ErrorKind::Internal, "territory facts name " + std::to_string(facts.opportunityTerritory.size()) +
                                         " opportunities, the snapshot has " +
                                         std::to_string(base.opportunities.size()));
  const auto territories = static_cast<std::int32_t>(facts.id.size());
  KpiSnapshot out;
  out.currency = base.currency;
  out.stages = base.stages;
  for (std::int32_t t = 0; t <= territories; ++t) {
    const bool real = t < territories;
    const std::int32_t owner = real ? facts.owner[static_cast<std::size_t>(t)] : kNoIndex;
    out.reps.id.push_back(real ? facts.id[static_cast<std::size_t>(t)] : kNoTerritory);
    out.reps.name.push_back(real ? facts.name[static_cast<std::size_t>(t)] : "No territory");
    out.reps.team.push_back(kNoIndex);
    out.reps.manager.push_back(kNoIndex);
    // "Employed" while its owner is: per-rep denominators (meetings per rep) count owned territories.
    const bool owned = owner >= 0;
    out.reps.startDay.push_back(owned ? base.reps.startDay[static_cast<std::size_t>(owner)] : kDayMax);
    out.reps.endDay.push_back(owned ? base.reps.endDay[static_cast<std::size_t>(owner)] : kDayMin);
  }
  out.opportunities = base.opportunities;
  for (std::size_t o = 0; o < out.opportunities.size(); ++o) {
    const std::int32_t t = facts.opportunityTerritory[o];
    out.opportunities.owner[o] = t >= 0 && t < territories ? t : territories;
  }
  // The history only feeds reachedLevel, which does not depend on the owner: take the base's derived
  // columns instead of copying 2 million history rows and deriving them again.

  const std::vector<std::int32_t> home = homeTerritoryOfReps(base, facts);
  remap(base.quotas.rep, home, out.quotas, [&](auto& q, std::size_t i, std::int32_t t) {
    q.rep.push_back(t);
    q.startDay.push_back(base.quotas.startDay[i]);
    q.endDay.push_back(base.quotas.endDay[i]);
    q.amount.push_back(base.quotas.amount[i]);
  });
  remap(base.forecasts.rep, home, out.forecasts, [&](auto& f, std::size_t i, std::int32_t t) {
    f.rep.push_back(t);
    f.startDay.push_back(base.forecasts.startDay[i]);
    f.endDay.push_back(base.forecasts.endDay[i]);
    f.submittedAt.push_back(base.forecasts.submittedAt[i]);
    f.commit.push_back(base.forecasts.commit[i]);
    f.amount.push_back(base.forecasts.amount[i]);
  });
  remap(base.leads.owner, home, out.leads, [&](auto& l, std::size_t i, std::int32_t t) {
    l.owner.push_back(t);
    l.createdAt.push_back(base.leads.createdAt[i]);
    l.firstResponseAt.push_back(base.leads.firstResponseAt[i]);
    l.converted.push_back(base.leads.converted[i]);
  });
  remap(base.activities.rep, home, out.activities, [&](auto& a, std::size_t i, std::int32_t t) {
    a.rep.push_back(t);
    a.type.push_back(base.activities.type[i]);
    a.startedDay.push_back(base.activities.startedDay[i]);
    a.minutes.push_back(base.activities.minutes[i]);
    a.selling.push_back(base.activities.selling[i]);
  });
  out.splitBegin.assign(out.opportunities.size() + 1, 0);  // no splits: territories are credited whole
  out.openStages = base.openStages;
  out.reachedLevel = base.reachedLevel;
  return out;
}

std::vector<KpiGroup> territoryGroups(const TerritoryFacts& facts, const std::string& scope) {
  const std::size_t n = facts.id.size();
  std::vector<std::vector<std::int32_t>> children(n);
  for (std::size_t t = 0; t < n; ++t) {
    const std::int32_t parent = facts.parent[t];
    if (parent >= 0 && static_cast<std::size_t>(parent) < n && static_cast<std::size_t>(parent) != t)
      children[static_cast<std::size_t>(parent)].push_back(static_cast<std::int32_t>(t));
  }
  std::vector<KpiGroup> groups;
  for (std::size_t t = 0; t < n; ++t) {
    if (!scope.empty() && facts.id[t] != scope) continue;
    KpiGroup group{facts.id[t], facts.name[t], {}};
    std::vector<bool> seen(n, false);
    std::vector<std::int32_t> stack{static_cast<std::int32_t>(t)};
    while (!stack.empty()) {
      const std::int32_t at = stack.back();
      stack.pop_back();
      if (seen[static_cast<std::size_t>(at)]) continue;  // a cycle in the hierarchy
      seen[static_cast<std::size_t>(at)] = true;
      group.reps.push_back(at);
      for (const std::int32_t child : children[static_cast<std::size_t>(at)]) stack.push_back(child);
    }
    groups.push_back(std::move(group));
  }
  if (scope.empty() || scope == kNoTerritory) {
    groups.push_back({kNoTerritory, "No territory", {static_cast<std::int32_t>(n)}});
  }
  if (groups.empty()) throw Error(ErrorKind::Usage, "no territory \"" + scope + "\" in the active model");
  return groups;
}

}  // namespace salesops
