#include "services/ReportWinLoss.h"

#include "common/Error.h"

namespace salesops {

std::vector<WinLossLine> winLossBy(const KpiSnapshot& snapshot, const OpportunityAttributes& attributes,
                                   const std::vector<std::int32_t>& perOpportunity, const Period& period) {
  const auto& opps = snapshot.opportunities;
  if (perOpportunity.size() != opps.size()) {
    throw Error(ErrorKind::Data, "the opportunities changed while the report was read; run it again");
  }
  // attributes.values is sorted, so indexing by value code keeps the lines in value order.
  std::vector<WinLossLine> lines(attributes.values.size());
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.kind[o] == StageKind::Open || !period.contains(Date{opps.closeDay[o]})) continue;
    WinLossLine& line = lines[static_cast<std::size_t>(perOpportunity[o])];
    if (opps.kind[o] == StageKind::Won) {
      ++line.won;
      line.wonAmount += opps.amount[o];
    } else {
      ++line.lost;
      line.lostAmount += opps.amount[o];
    }
  }
  std::vector<WinLossLine> out;
  for (std::size_t v = 0; v < lines.size(); ++v) {
    if (lines[v].won + lines[v].lost == 0) continue;
    lines[v].value = attributes.values[v];
    out.push_back(std::move(lines[v]));
  }
  return out;
}

}  // namespace salesops
