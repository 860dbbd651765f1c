#include "comp/CreditIndex.h"

#include <algorithm>

namespace salesops::comp {

CreditIndex::CreditIndex(const KpiSnapshot& s) {
  const std::size_t reps = s.reps.size();
  std::vector<std::int32_t> count(reps + 1, 0);
  const auto forEachCredit = [&](auto&& visit) {
    for (std::size_t o = 0; o < s.opportunities.size(); ++o) {
      if (s.opportunities.kind[o] != StageKind::Won) continue;
      const std::int32_t first = s.splitBegin.empty() ? 0 : s.splitBegin[o];
      const std::int32_t last = s.splitBegin.empty() ? 0 : s.splitBegin[o + 1];
      if (first == last) {
        visit(s.opportunities.owner[o], static_cast<std::int32_t>(o), std::uint16_t{10000});
      } else {
        for (std::int32_t i = first; i < last; ++i) {
          visit(s.splits.rep[static_cast<std::size_t>(i)], static_cast<std::int32_t>(o),
                s.splits.percent[static_cast<std::size_t>(i)]);
        }
      }
    }
  };
  forEachCredit([&](std::int32_t rep, std::int32_t, std::uint16_t) { ++count[static_cast<std::size_t>(rep) + 1]; });
  begin_.assign(reps + 1, 0);
  for (std::size_t r = 0; r < reps; ++r) begin_[r + 1] = begin_[r] + count[r + 1];
  credits_.resize(static_cast<std::size_t>(begin_[reps]));
  std::vector<std::int32_t> next(begin_.begin(), begin_.end() - 1);
  forEachCredit([&](std::int32_t rep, std::int32_t o, std::uint16_t percent) {
    const auto so = static_cast<std::size_t>(o);
    credits_[static_cast<std::size_t>(next[static_cast<std::size_t>(rep)]++)] =
        Credit{s.opportunities.closeDay[so], o, s.opportunities.amount[so] * percent, percent};
  });
  running_.resize(credits_.size() + 1, 0);
  for (std::size_t r = 0; r < reps; ++r) {
    const auto first = credits_.begin() + begin_[r];
    const auto last = credits_.begin() + begin_[r + 1];
    std::sort(first, last, [](const Credit& a, const Credit& b) {
      return a.closeDay != b.closeDay ? a.closeDay < b.closeDay : a.opportunity < b.opportunity;
    });
  }
  for (std::size_t i = 0; i < credits_.size(); ++i) running_[i + 1] = running_[i] + credits_[i].credit4;
}

std::span<const Credit> CreditIndex::credits(std::int32_t rep, const Period& period) const noexcept {
  const auto r = static_cast<std::size_t>(rep);
  const auto first = credits_.begin() + begin_[r];
  const auto last = credits_.begin() + begin_[r + 1];
  const auto lo =
      std::lower_bound(first, last, period.start.days, [](const Credit& c, std::int32_t d) { return c.closeDay < d; });
  const auto hi =
      std::upper_bound(lo, last, period.end.days, [](std::int32_t d, const Credit& c) { return d < c.closeDay; });
  return {credits_.data() + (lo - credits_.begin()), static_cast<std::size_t>(hi - lo)};
}

__int128 CreditIndex::bookings4(std::int32_t rep, const Period& period) const noexcept {
  const auto span = credits(rep, period);
  if (span.empty()) return 0;
  const auto first = static_cast<std::size_t>(span.data() - credits_.data());
  return running_[first + span.size()] - running_[first];
}

}  // namespace salesops::comp
