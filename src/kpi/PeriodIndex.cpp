#include "kpi/PeriodIndex.h"

#include <algorithm>

#include "common/Error.h"

namespace salesops {

PeriodIndex::PeriodIndex(const std::vector<Period>& periods) {
  if (periods.empty()) {
    begin_.assign(1, 0);
    return;
  }
  std::int32_t first = periods.front().start.days, last = periods.front().end.days;
  for (const auto& p : periods) {
    if (p.end < p.start) throw Error(ErrorKind::Usage, "period " + p.toString() + " ends before it starts");
    first = std::min(first, p.start.days);
    last = std::max(last, p.end.days);
  }
  first_ = first;
  const auto days = static_cast<std::size_t>(static_cast<std::int64_t>(last) - first + 1);
  // Counting pass, then filling: two sweeps over the periods instead of a vector per day.
  std::vector<std::int32_t> counts(days + 1, 0);
  for (const auto& p : periods) {
    for (std::int32_t d = p.start.days; d <= p.end.days; ++d) ++counts[static_cast<std::size_t>(d - first) + 1];
  }
  begin_.assign(days + 1, 0);
  for (std::size_t i = 0; i < days; ++i) begin_[i + 1] = begin_[i] + counts[i + 1];
  ids_.assign(static_cast<std::size_t>(begin_[days]), 0);
  std::vector<std::int32_t> fill(begin_.begin(), begin_.end() - 1);
  for (std::size_t id = 0; id < periods.size(); ++id) {
    for (std::int32_t d = periods[id].start.days; d <= periods[id].end.days; ++d) {
      ids_[static_cast<std::size_t>(fill[static_cast<std::size_t>(d - first)]++)] = static_cast<std::int32_t>(id);
    }
  }
}

}  // namespace salesops
