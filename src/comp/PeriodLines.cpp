#include <algorithm>
#include <cstdio>

#include "comp/PayoutContext.h"

namespace salesops::comp {
namespace {

std::string percentText(const std::optional<double>& ratio) {
  if (!ratio) return "undefined";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", *ratio * 100.0);
  return buffer;
}

std::string tierText(const Tier& tier) {
  return "from " + Decimal{tier.fromMicro, 6}.toString() + " at rate " + Decimal{tier.rateNano, 9}.toString();
}

Exact exact4(__int128 credit4) { return exactFromCredit(credit4); }

// The commission line of a tier table for bookings/quota; `basisText` says which B and Q were used.
LedgerLine commissionLine(const Component& c, Exact bookings, std::int64_t quota, int minorDigits,
                          const std::string& basisText, Exact* uncapped) {
  LedgerLine line;
  line.component = c.id;
  line.kind = LineKind::Earning;
  const TierResult tiers = tierEarning(c.tiers, c.semantics == TierSemantics::Marginal, bookings, quota);
  Exact earning = tiers.earning;
  if (quota <= 0) {
    line.detail = "no quota: nothing earned (" + basisText + ")";
  } else {
    line.detail = std::string(c.semantics == TierSemantics::Marginal ? "marginal" : "retroactive") + " tiers, " +
                  basisText + " bookings " + exactText(bookings, minorDigits) + " / quota " +
                  formatMoney(quota, minorDigits) + " = " + percentText(attainmentRatio(bookings, quota)) +
                  "; highest tier " + tierText(c.tiers[static_cast<std::size_t>(tiers.tierUsed)]);
  }
  *uncapped = earning;
  if (c.cap && earning > exactFromMinor(*c.cap)) {
    earning = exactFromMinor(*c.cap);
    line.detail += "; capped at " + formatMoney(*c.cap, minorDigits);
  }
  line.amount = toMinor(earning);
  return line;
}

}  // namespace

std::vector<LedgerLine> periodLines(const PayoutContext& ctx, std::int32_t rep, const CompPlan& plan,
                                    const Period& period, const KeptDeals& kept, YtdState* ytd) {
  const int digits = ctx.data.minorDigits;
  const auto credits = ctx.credits.credits(rep, period);
  __int128 bookings4 = ctx.credits.bookings4(rep, period);
  std::vector<TraceDeal> deals;
  deals.reserve(credits.size() + kept.credits.size());
  for (const Credit& c : credits) {
    deals.push_back({ctx.data.opportunityIds[static_cast<std::size_t>(c.opportunity)], c.credit4, c.credit4});
  }
  for (const TraceDeal& d : kept.credits) {
    deals.push_back(d);
    bookings4 += d.credit4;
  }
  const Exact bookings = exact4(bookings4);
  const std::int64_t quota = ctx.quota(rep, plan, period);

  std::vector<LedgerLine> lines;
  for (const Component& c : plan.components) {
    LedgerLine line;
    switch (c.kind) {
      case ComponentKind::Commission: {
        Exact uncapped = 0;
        if (c.basis == Basis::Period) {
          line = commissionLine(c, bookings, quota, digits, "period", &uncapped);
          line.deals = deals;
        } else {
          if (!ytd) continue;  // a recomputed locked period leaves year-to-date lines alone: they self-correct
          const Exact ytdBookings = exact4(ytd->bookings4);
          line = commissionLine(c, ytdBookings, ytd->quota, digits, "year-to-date", &uncapped);
          const Exact capped = std::min(uncapped, c.cap ? exactFromMinor(*c.cap) : uncapped);
          const std::int64_t paid = ytd->paid[c.id];
          const Exact due = capped - exactFromMinor(paid);
          if (due < 0) {
            line.amount = 0;
            line.detail += "; earned to date " + exactText(capped, digits) + " is below the " +
                           formatMoney(paid, digits) + " already paid: deficit " + exactText(-due, digits) +
                           " carried, repaid first from later earnings";
          } else {
            line.amount = toMinor(due);
            line.detail += "; earned to date " + exactText(capped, digits) + " less " + formatMoney(paid, digits) +
                           " already paid";
          }
          ytd->paid[c.id] = paid + line.amount;
          line.deals = deals;
        }
        break;
      }
      case ComponentKind::Bonus: {
        if (!attainmentAtLeast(bookings, quota, c.minAttainmentMicro)) continue;
        line.component = c.id;
        line.kind = LineKind::Bonus;
        line.amount = *c.amount;
        line.detail = "attainment " + percentText(attainmentRatio(bookings, quota)) + " reached " +
                      Decimal{c.minAttainmentMicro, 6}.toString() + " × quota " + formatMoney(quota, digits);
        break;
      }
      case ComponentKind::Spiff: {
        line.component = c.id;
        line.kind = LineKind::Spiff;
        Exact total = 0;
        for (const Credit& credit : credits) {
          if (!ctx.spiffMatches(c, credit.opportunity)) continue;
          // amount × share is exact in ten-thousandths; percent × credit is kept exact in Exact and its
          // weight (for clawbacks) rounded to ten-thousandths.
          const Exact own = c.amount ? static_cast<Exact>(*c.amount) * credit.percent * (kExactPerMinor / 10000)
                                     : applyRate(*c.percentNano, exact4(credit.credit4));
          total += own;
          line.deals.push_back({ctx.data.opportunityIds[static_cast<std::size_t>(credit.opportunity)], credit.credit4,
                                static_cast<std::int64_t>(own / (kExactPerMinor / 10000))});
        }
        if (const auto it = kept.spiffs.find(c.id); it != kept.spiffs.end()) {
          for (const TraceDeal& d : it->second) {
            total += static_cast<Exact>(d.weight4) * (kExactPerMinor / 10000);
            line.deals.push_back(d);
          }
        }
        if (line.deals.empty()) continue;
        line.amount = toMinor(total);
        line.detail = std::to_string(line.deals.size()) + " deal(s) matching the filter, " +
                      (c.amount ? formatMoney(*c.amount, digits) + " × credit share each"
                                : Decimal{*c.percentNano, 9}.toString() + " × credited amount");
        break;
      }
      case ComponentKind::Override: {
        __int128 team4 = 0;
        for (const std::int32_t below : ctx.subtree[static_cast<std::size_t>(rep)])
          team4 += ctx.credits.bookings4(below, period);
        if (team4 == 0) continue;
        line.component = c.id;
        line.kind = LineKind::Override;
        line.amount = toMinor(applyRate(c.rateNano, exact4(team4)));
        line.detail = Decimal{c.rateNano, 9}.toString() + " × team bookings " + exactText(exact4(team4), digits) +
                      " of " + std::to_string(ctx.subtree[static_cast<std::size_t>(rep)].size()) + " rep(s) below";
        break;
      }
    }
    lines.push_back(std::move(line));
  }
  if (plan.planCap) {
    std::int64_t sum = 0;
    for (const LedgerLine& l : lines) sum += l.amount;
    if (sum > *plan.planCap) {
      LedgerLine cap;
      cap.component = "plan_cap";
      cap.kind = LineKind::Earning;
      cap.amount = *plan.planCap - sum;
      cap.detail =
          "components total " + formatMoney(sum, digits) + " above the plan cap " + formatMoney(*plan.planCap, digits);
      lines.push_back(std::move(cap));
    }
  }
  return lines;
}

}  // namespace salesops::comp
