#include "comp/Corrections.h"

#include <map>
#include <set>

namespace salesops::comp {

std::int32_t Corrections::opportunityIndex(const std::string& id) const {
  if (byId_.empty()) {
    const auto& ids = ctx_.data.opportunityIds;
    byId_.reserve(ids.size());
    for (std::size_t o = 0; o < ids.size(); ++o) byId_.emplace(ids[o], static_cast<std::int32_t>(o));
  }
  const auto it = byId_.find(id);
  return it == byId_.end() ? kNoIndex : it->second;
}

void Corrections::append(std::int32_t rep, const CompPlan& plan, const Period& period,
                         const std::vector<const LedgerLine*>& lockedLines, std::vector<LedgerLine>& out) const {
  const KpiSnapshot& s = ctx_.snapshot();
  const int digits = ctx_.data.minorDigits;
  std::set<std::string> ytdComponents;
  for (const Component& c : plan.components) {
    if (c.kind == ComponentKind::Commission && c.basis == Basis::Ytd) ytdComponents.insert(c.id);
  }
  // What was paid for the period per component (its lines and the adjustments already made for it), and
  // the clawbacks already taken.
  std::map<std::string, std::int64_t> paid;
  std::set<std::pair<std::string, std::string>> clawedBack;  // (component, opportunity)
  std::vector<const LedgerLine*> paidLines;
  for (const LedgerLine* l : lockedLines) {
    if (l->kind == LineKind::Clawback && l->forPeriod == period) {
      for (const TraceDeal& d : l->deals) clawedBack.insert({l->component, d.opportunityId});
    }
    if (l->kind == LineKind::Adjustment && l->forPeriod == period) paid[l->component] += l->amount;
    if (l->period != period || l->planId != plan.planId || ytdComponents.count(l->component)) continue;
    if (l->kind == LineKind::Earning || l->kind == LineKind::Bonus || l->kind == LineKind::Spiff ||
        l->kind == LineKind::Override) {
      paid[l->component] += l->amount;
      paidLines.push_back(l);
    }
  }

  KeptDeals kept;
  std::set<std::string> keptCredit;
  for (const LedgerLine* l : paidLines) {
    if (l->deals.empty()) continue;
    __int128 weights = 0;
    for (const TraceDeal& d : l->deals) weights += d.weight4;
    for (const TraceDeal& d : l->deals) {
      const std::int32_t o = opportunityIndex(d.opportunityId);
      if (o != kNoIndex && s.opportunities.kind[static_cast<std::size_t>(o)] == StageKind::Won) continue;
      // No longer won: the period keeps counting it as paid; only the window decides about a clawback.
      if (l->kind == LineKind::Spiff) {
        kept.spiffs[l->component].push_back(d);
      } else if (keptCredit.insert(d.opportunityId).second) {
        kept.credits.push_back(d);
      }
      std::int32_t lostDay = asOf_.days;
      std::int32_t closeDay = period.end.days;
      if (o != kNoIndex) {
        closeDay = s.opportunities.closeDay[static_cast<std::size_t>(o)];
        const std::int32_t known = ctx_.data.lostDay.empty() ? kDayMax : ctx_.data.lostDay[static_cast<std::size_t>(o)];
        if (known != kDayMax) lostDay = known;
      }
      if (plan.clawbackDays <= 0 || lostDay - closeDay > plan.clawbackDays) continue;
      if (clawedBack.count({l->component, d.opportunityId}) || weights == 0) continue;
      LedgerLine claw;
      claw.component = l->component;
      claw.kind = LineKind::Clawback;
      claw.forPeriod = period;
      claw.amount = -divideRounded(static_cast<__int128>(l->amount) * d.weight4, weights);
      claw.deals.push_back(d);
      claw.detail = "deal " + d.opportunityId + (o == kNoIndex ? " was deleted" : " was lost") + " within " +
                    std::to_string(plan.clawbackDays) + " days of its close: its share of " +
                    formatMoney(l->amount, digits) + " paid in " + period.toString() + " is taken back";
      out.push_back(std::move(claw));
    }
  }

  const std::vector<LedgerLine> now = periodLines(ctx_, rep, plan, period, kept, nullptr);
  std::map<std::string, std::int64_t> recomputed;
  for (const LedgerLine& l : now) recomputed[l.component] += l.amount;
  std::set<std::string> components;
  for (const auto& [c, amount] : paid) components.insert(c);
  for (const auto& [c, amount] : recomputed) components.insert(c);
  for (const std::string& c : components) {
    const std::int64_t diff = recomputed[c] - paid[c];
    if (diff == 0) continue;
    LedgerLine adjust;
    adjust.component = c;
    adjust.kind = LineKind::Adjustment;
    adjust.forPeriod = period;
    adjust.amount = diff;
    adjust.detail = "locked period " + period.toString() + " paid " + formatMoney(paid[c], digits) +
                    "; recomputed with today's data it earns " + formatMoney(recomputed[c], digits) +
                    " (deals, splits or quotas changed after the lock)";
    out.push_back(std::move(adjust));
  }
}

}  // namespace salesops::comp
