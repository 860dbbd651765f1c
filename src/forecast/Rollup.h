#pragma once
// The forecast roll-up (issue 5, part 1): per rep and period the credited amounts of the opportunities
// closing in the period by forecast category, the cumulative views an analyst calls (closed; commit =
// closed + commit; best case = commit + best case; open pipeline = every open deal not omitted), rolled up
// the manager hierarchy, with owner and manager adjustments laid over the raw numbers. A pure function of
// a KPI snapshot, the opportunities' categories and the adjustments; reads no database and no clock.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Period.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::forecast {

// An opportunity's forecast_category (DOMAIN.md). Empty in the workbook reads as Pipeline.
enum class Category : std::uint8_t { Pipeline = 0, BestCase = 1, Commit = 2, Closed = 3, Omitted = 4 };
std::optional<Category> parseCategory(std::string_view text) noexcept;

// The cumulative views. Closed is never adjusted or submitted; the other three are, under the
// forecast_submission category of the same name (commit, best_case, pipeline).
enum class View : std::uint8_t { Closed = 0, Commit = 1, BestCase = 2, Pipeline = 3 };
inline constexpr std::size_t kViewCount = 4;
std::string_view viewName(View view) noexcept;  // "closed", "commit", "best_case", "pipeline"
std::optional<View> parseView(std::string_view text) noexcept;
using ViewAmounts = std::array<std::int64_t, kViewCount>;  // corporate minor units, indexed by View

// Who adjusted: the node's owner (the rep themself) or a manager above them. A manager adjustment wins.
enum class Layer : std::uint8_t { Owner = 0, Manager = 1 };

struct Adjustment {
  std::int32_t rep = kNoIndex;  // the node: KpiSnapshot::reps index
  View view = View::Commit;     // Commit, BestCase or Pipeline
  Layer layer = Layer::Owner;
  std::optional<std::int64_t> amount;  // minor units; empty withdraws the layer's earlier adjustment
  std::string author;
  std::int64_t createdAt = 0;  // UTC seconds; the newest row per (rep, view, layer) is in force
  std::string note;
};

struct RollupNode {
  std::int32_t rep = kNoIndex;
  std::int32_t parent = kNoIndex;  // node index of the manager, kNoIndex for a root
  std::int32_t depth = 0;
  ViewAmounts own{};       // the rep's own credited deals only
  ViewAmounts raw{};       // own + everyone below, unadjusted
  ViewAmounts adjusted{};  // the adjustment in force here, else own + the children's adjusted amounts
  std::array<std::optional<Adjustment>, kViewCount> adjustment;  // the one in force per view, if any
  std::int64_t quota = 0;  // the team's quota for the period (KPIS.md pro rata), rounded once
};

struct Rollup {
  Period period;
  std::vector<RollupNode> nodes;        // depth-first, managers before their reports, siblings by rep id
  std::vector<std::int32_t> nodeOfRep;  // KpiSnapshot::reps index -> node index
  std::vector<std::int32_t> children(std::int32_t node) const;
};

// categoryOfOpportunity is indexed like snapshot.opportunities. Won deals closing in the period count as
// Closed whatever their category, lost deals not at all, open deals by category (an open deal marked
// `closed` counts as Commit: it is not booked yet). Money follows credit (splits). A manager_id cycle is
// broken by treating the rep with the smallest id on it as a root. Adjustments for unknown reps or the
// Closed view are ignored (the store never writes them).
Rollup computeRollup(const KpiSnapshot& snapshot, const std::vector<Category>& categoryOfOpportunity,
                     const Period& period, const std::vector<Adjustment>& adjustments);

// What a submission stores per node so that the calls of a team sum to its manager's adjusted number
// (KPIS.md's forecast call sums the latest call of every rep in the scope): the node's adjusted amount
// minus its direct reports' adjusted amounts. For a rep without reports it is the rep's adjusted amount.
ViewAmounts submissionAmounts(const Rollup& rollup, std::int32_t node);

}  // namespace salesops::forecast
