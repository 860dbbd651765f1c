#include "comp/PayoutEngine.h"

#include <algorithm>
#include <set>

#include "comp/Corrections.h"
#include "comp/PayoutContext.h"

namespace salesops::comp {
namespace {

struct ScheduledPeriod {
  Period period;
  const CompPlan* plan;
};

// The rep's payout periods of the fiscal year: each month is paid under the assignment in force on it (the
// latest starting one when two overlap), in that plan's payout periods; a plan change takes effect at the
// next period boundary.
std::vector<ScheduledPeriod> scheduleOf(const CompData& data, const FiscalCalendar& calendar,
                                        const std::vector<const Assignment*>& assignments, int fiscalYear, Date through,
                                        std::vector<std::string>& notes, const std::string& repId) {
  std::vector<ScheduledPeriod> out;
  for (int m = 1; m <= 12; ++m) {
    const Period month = calendar.month(fiscalYear, m);
    if (month.start > through) break;
    const Assignment* chosen = nullptr;
    for (const Assignment* a : assignments) {
      if (a->from > month.end || (a->to && *a->to < month.start)) continue;
      if (!chosen || chosen->from < a->from) chosen = a;
    }
    if (!chosen) continue;
    const CompPlan* plan = data.planOn(chosen->planId, std::max(month.start, chosen->from));
    if (!plan) {
      notes.push_back(repId + ": plan \"" + chosen->planId + "\" has no version in force on " + month.start.toString());
      continue;
    }
    const Period period = plan->payoutPeriod == PayoutPeriod::Month ? month : calendar.quarterContaining(month.start);
    if (!out.empty() && out.back().period.end >= period.start) continue;  // that period is already scheduled
    if (period.start > through) break;
    out.push_back({period, plan});
  }
  return out;
}

void drawLines(const CompPlan& plan, std::int64_t& balance, std::vector<LedgerLine>& lines, int digits) {
  if (plan.drawKind == DrawKind::None) return;
  std::int64_t earned = 0;
  for (const LedgerLine& l : lines) earned += l.amount;
  const std::int64_t draw = plan.drawAmount;
  LedgerLine line;
  line.component = "draw";
  if (plan.drawKind == DrawKind::NonRecoverable) {
    if (earned >= draw) return;
    line.kind = LineKind::DrawAdvance;
    line.amount = draw - earned;
    line.detail =
        "non-recoverable draw " + formatMoney(draw, digits) + " tops up earnings of " + formatMoney(earned, digits);
  } else if (earned < draw) {
    line.kind = LineKind::DrawAdvance;
    line.amount = draw - earned;
    balance += line.amount;
    line.detail = "recoverable draw " + formatMoney(draw, digits) + " tops up earnings of " +
                  formatMoney(earned, digits) + "; balance to recover now " + formatMoney(balance, digits);
  } else {
    const std::int64_t recovered = std::min(balance, earned - draw);
    if (recovered <= 0) return;
    balance -= recovered;
    line.kind = LineKind::DrawRecovery;
    line.amount = -recovered;
    line.detail =
        "recovers earlier draw advances from earnings above the draw; balance left " + formatMoney(balance, digits);
  }
  lines.push_back(std::move(line));
}

}  // namespace

PayoutResult computePayouts(const CompData& data, const FiscalCalendar& calendar, const PayoutRequest& request,
                            const LongTask& task) {
  const PayoutContext ctx(data);
  const KpiSnapshot& s = *data.snapshot;
  PayoutResult result;
  const std::set<Period> locked(request.lockedPeriods.begin(), request.lockedPeriods.end());
  std::vector<std::vector<const Assignment*>> byRep(s.reps.size());
  for (const Assignment& a : data.assignments) byRep[static_cast<std::size_t>(a.rep)].push_back(&a);
  std::vector<std::vector<const LedgerLine*>> lockedByRep(s.reps.size());
  for (const LedgerLine& l : request.lockedLines) {
    if (l.rep >= 0) lockedByRep[static_cast<std::size_t>(l.rep)].push_back(&l);
  }
  const Corrections corrections(ctx, request.asOf);
  std::set<Period> open;

  std::vector<std::int32_t> reps = request.onlyReps;
  if (reps.empty()) {
    for (std::size_t r = 0; r < s.reps.size(); ++r) {
      if (!byRep[r].empty()) reps.push_back(static_cast<std::int32_t>(r));
    }
  }
  for (std::size_t done = 0; done < reps.size(); ++done) {
    if (done % 64 == 0) {
      task.checkCancelled();
      task.report("Computing payouts", static_cast<std::int64_t>(done), static_cast<std::int64_t>(reps.size()));
    }
    const std::int32_t rep = reps[done];
    const std::string& repId = s.reps.id[static_cast<std::size_t>(rep)];
    const auto schedule = scheduleOf(data, calendar, byRep[static_cast<std::size_t>(rep)], request.fiscalYear,
                                     request.through, result.notes, repId);
    std::map<std::string, YtdState> ytdByPlan;
    std::map<std::string, std::int64_t> drawBalance;
    std::vector<std::size_t> lockedSoFar;  // indexes into schedule
    bool corrected = false;
    for (std::size_t k = 0; k < schedule.size(); ++k) {
      const ScheduledPeriod& sp = schedule[k];
      YtdState& ytd = ytdByPlan[sp.plan->planId];
      const __int128 bookings4 = ctx.credits.bookings4(rep, sp.period);
      const std::int64_t quota = ctx.quota(rep, *sp.plan, sp.period);
      ytd.bookings4 += bookings4;
      ytd.quota += quota;
      result.attainment.push_back({rep, sp.period, sp.plan->planId, bookings4, quota});
      if (locked.count(sp.period)) {
        for (const LedgerLine* l : lockedByRep[static_cast<std::size_t>(rep)]) {
          if (l->period != sp.period || l->planId != sp.plan->planId) continue;
          if (l->kind == LineKind::Earning) ytd.paid[l->component] += l->amount;
          if (sp.plan->drawKind == DrawKind::Recoverable &&
              (l->kind == LineKind::DrawAdvance || l->kind == LineKind::DrawRecovery)) {
            drawBalance[sp.plan->planId] += l->amount;
          }
        }
        lockedSoFar.push_back(k);
        continue;
      }
      std::vector<LedgerLine> lines = periodLines(ctx, rep, *sp.plan, sp.period, KeptDeals{}, &ytd);
      // Corrections of the locked periods land in the first open one.
      if (!corrected) {
        corrected = true;
        for (const std::size_t l : lockedSoFar) {
          corrections.append(rep, *schedule[l].plan, schedule[l].period, lockedByRep[static_cast<std::size_t>(rep)],
                             lines);
        }
      }
      drawLines(*sp.plan, drawBalance[sp.plan->planId], lines, data.minorDigits);
      for (LedgerLine& l : lines) {
        l.rep = rep;
        l.repId = repId;
        l.period = sp.period;
        l.planId = sp.plan->planId;
        result.lines.push_back(std::move(l));
      }
      open.insert(sp.period);
    }
  }
  task.report("Computing payouts", static_cast<std::int64_t>(reps.size()), static_cast<std::int64_t>(reps.size()));
  result.openPeriods.assign(open.begin(), open.end());
  return result;
}

std::int64_t curvePayout(const CompPlan& plan, std::int64_t quota, std::int64_t attainmentMicro) {
  const Exact bookings = static_cast<Exact>(attainmentMicro) * quota * (kExactPerMinor / kMicro);
  std::int64_t total = 0;
  for (const Component& c : plan.components) {
    if (c.kind == ComponentKind::Commission) {
      Exact earning = tierEarning(c.tiers, c.semantics == TierSemantics::Marginal, bookings, quota).earning;
      if (c.cap) earning = std::min(earning, exactFromMinor(*c.cap));
      total += toMinor(earning);
    } else if (c.kind == ComponentKind::Bonus && attainmentAtLeast(bookings, quota, c.minAttainmentMicro)) {
      total += *c.amount;
    }
  }
  if (plan.planCap) total = std::min(total, *plan.planCap);
  return total;
}

}  // namespace salesops::comp
