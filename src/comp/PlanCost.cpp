#include "comp/PlanCost.h"

#include <algorithm>
#include <map>
#include <utility>

#include "comp/ExactMoney.h"

namespace salesops::comp {
namespace {

bool overlaps(const Period& a, const Period& b) { return a.start <= b.end && b.start <= a.end; }

CostSummary summarize(std::string planId, const std::vector<RepCost>& reps) {
  CostSummary s;
  s.planId = std::move(planId);
  std::vector<std::int64_t> pays;
  for (const RepCost& r : reps) {
    ++s.reps;
    s.bookings4 += r.bookings4;
    s.quota += r.quota;
    s.payout += r.pay;
    pays.push_back(r.pay);
    if (const auto band = attainmentBand(r.bookings4, r.quota)) {
      ++s.bandReps[*band];
      s.bandPay[*band] += r.pay;
    } else {
      ++s.noQuotaReps;
      s.noQuotaPay += r.pay;
    }
  }
  std::sort(pays.begin(), pays.end());
  for (std::size_t p = 0; p < kPayPercentiles.size(); ++p)
    s.payPercentile[p] = nearestRankPercentile(pays, kPayPercentiles[p]);
  return s;
}

}  // namespace

std::optional<double> costOfSale(std::int64_t payout, __int128 bookings4) noexcept {
  if (bookings4 == 0) return std::nullopt;
  return static_cast<double>(payout) * 10000.0 / static_cast<double>(bookings4);
}

std::optional<double> RepCost::attainment() const noexcept {
  return attainmentRatio(exactFromCredit(bookings4), quota);
}

const char* bandLabel(std::size_t band) noexcept {
  static constexpr std::array<const char*, kBandFromMicro.size()> kLabels{"<50%",     "50-75%",   "75-100%",
                                                                          "100-125%", "125-150%", ">=150%"};
  return band < kLabels.size() ? kLabels[band] : "no quota";
}

std::optional<std::size_t> attainmentBand(__int128 bookings4, std::int64_t quota) noexcept {
  if (quota <= 0) return std::nullopt;
  const Exact bookings = exactFromCredit(bookings4);
  std::size_t band = 0;
  for (std::size_t b = 1; b < kBandFromMicro.size(); ++b) {
    if (attainmentAtLeast(bookings, quota, kBandFromMicro[b])) band = b;
  }
  return band;
}

std::int64_t nearestRankPercentile(const std::vector<std::int64_t>& sortedPays, int percent) noexcept {
  if (sortedPays.empty()) return 0;
  const std::size_t n = sortedPays.size();
  const std::size_t rank = std::max<std::size_t>(1, (static_cast<std::size_t>(percent) * n + 99) / 100);
  return sortedPays[std::min(rank, n) - 1];
}

PlanCostReport buildPlanCost(const Period& scope, const std::vector<PeriodAttainment>& attainment,
                             const std::vector<LedgerLine>& lines, const std::vector<std::string>& repIds) {
  PlanCostReport report;
  report.scope = scope;
  std::map<std::pair<std::string, std::string>, RepCost> byRepPlan;
  std::map<std::pair<Period, std::string>, PeriodCost> byPeriodPlan;
  for (const PeriodAttainment& a : attainment) {
    if (!overlaps(a.period, scope) || a.rep < 0 || static_cast<std::size_t>(a.rep) >= repIds.size()) continue;
    const std::string& repId = repIds[static_cast<std::size_t>(a.rep)];
    RepCost& r = byRepPlan[{repId, a.planId}];
    r.repId = repId;
    r.planId = a.planId;
    r.bookings4 += a.bookings4;
    r.quota += a.quota;
    PeriodCost& p = byPeriodPlan[{a.period, a.planId}];
    p.period = a.period;
    p.planId = a.planId;
    ++p.reps;
    p.bookings4 += a.bookings4;
  }
  for (const LedgerLine& l : lines) {
    if (!overlaps(l.period, scope)) continue;
    RepCost& r = byRepPlan[{l.repId, l.planId}];
    r.repId = l.repId;
    r.planId = l.planId;
    r.pay += l.amount;
    PeriodCost& p = byPeriodPlan[{l.period, l.planId}];
    p.period = l.period;
    p.planId = l.planId;
    p.payout += l.amount;
  }
  std::map<std::string, std::vector<RepCost>> byPlan;
  std::map<std::string, RepCost> byRep;
  for (auto& [key, r] : byRepPlan) {
    byPlan[r.planId].push_back(r);
    RepCost& merged = byRep[r.repId];
    merged.repId = r.repId;
    merged.planId = merged.planId.empty() ? r.planId : merged.planId + "+" + r.planId;
    merged.bookings4 += r.bookings4;
    merged.quota += r.quota;
    merged.pay += r.pay;
    report.reps.push_back(std::move(r));
  }
  for (auto& [key, p] : byPeriodPlan) report.periods.push_back(std::move(p));
  for (const auto& [planId, reps] : byPlan) report.plans.push_back(summarize(planId, reps));
  std::vector<RepCost> everyone;
  for (auto& [repId, r] : byRep) everyone.push_back(std::move(r));
  report.total = summarize("(all)", everyone);
  return report;
}

}  // namespace salesops::comp
