#include "comp/PayoutContext.h"

#include <algorithm>

#include "kpi/ExactQuota.h"

namespace salesops::comp {
namespace {

// Tenure month of a day for a rep who started on startDay: 1 = the start month; days before count as 1.
int tenureMonth(std::int32_t startDay, Date day) {
  if (startDay == kDayMin) return 1'000;  // start unknown: past any ramp
  const Date start{startDay};
  const int months = (day.year() - start.year()) * 12 + day.month() - start.month() + 1;
  return months < 1 ? 1 : months;
}

}  // namespace

PayoutContext::PayoutContext(const CompData& d) : data(d), credits(*d.snapshot) {
  const KpiSnapshot& s = *d.snapshot;
  quotaRows.resize(s.reps.size());
  for (std::size_t q = 0; q < s.quotas.rep.size(); ++q) {
    quotaRows[static_cast<std::size_t>(s.quotas.rep[q])].push_back(static_cast<std::int32_t>(q));
  }
  std::vector<std::vector<std::int32_t>> children(s.reps.size());
  for (std::size_t r = 0; r < s.reps.size(); ++r) {
    if (s.reps.manager[r] != kNoIndex)
      children[static_cast<std::size_t>(s.reps.manager[r])].push_back(static_cast<std::int32_t>(r));
  }
  subtree.resize(s.reps.size());
  // Depth-first over the reports; the visit marks guard against a cycle in bad data.
  std::vector<std::size_t> visitedBy(s.reps.size(), s.reps.size());
  for (std::size_t r = 0; r < s.reps.size(); ++r) {
    std::vector<std::int32_t> stack(children[r].begin(), children[r].end());
    std::vector<std::int32_t>& out = subtree[r];
    visitedBy[r] = r;
    while (!stack.empty()) {
      const std::int32_t next = stack.back();
      stack.pop_back();
      if (visitedBy[static_cast<std::size_t>(next)] == r) continue;
      visitedBy[static_cast<std::size_t>(next)] = r;
      out.push_back(next);
      for (const std::int32_t c : children[static_cast<std::size_t>(next)]) stack.push_back(c);
    }
  }
}

std::int64_t PayoutContext::quota(std::int32_t rep, const CompPlan& plan, const Period& period) const {
  const KpiSnapshot& s = *data.snapshot;
  ExactQuota total;
  for (const std::int32_t q : quotaRows[static_cast<std::size_t>(rep)]) {
    const auto i = static_cast<std::size_t>(q);
    const std::int32_t first = std::max(s.quotas.startDay[i], period.start.days);
    const std::int32_t last = std::min(s.quotas.endDay[i], period.end.days);
    if (first > last) continue;
    const std::int64_t percent =
        plan.rampPercentMilli(tenureMonth(s.reps.startDay[static_cast<std::size_t>(rep)], Date{s.quotas.startDay[i]}));
    const std::int64_t days = s.quotas.endDay[i] - s.quotas.startDay[i] + 1;
    total.add(s.quotas.amount[i] * percent, last - first + 1, days * 100'000);
  }
  return total.rounded();
}

bool PayoutContext::spiffMatches(const Component& c, std::int32_t opportunity) const {
  const KpiSnapshot& s = *data.snapshot;
  const auto o = static_cast<std::size_t>(opportunity);
  const auto textIs = [&](const std::vector<std::int32_t>& column, const std::string& wanted) {
    if (column.empty() || column[o] == kNoIndex) return wanted.empty();
    return data.attributeValues[static_cast<std::size_t>(column[o])] == wanted;
  };
  if (c.filter.type && !textIs(data.type, *c.filter.type)) return false;
  if (c.filter.leadSource && !textIs(data.leadSource, *c.filter.leadSource)) return false;
  if (c.filter.stage && s.stages.name[s.opportunities.stage[o]] != *c.filter.stage) return false;
  if (c.filter.minAmount && s.opportunities.amount[o] < *c.filter.minAmount) return false;
  return true;
}

}  // namespace salesops::comp
