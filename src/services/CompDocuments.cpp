#include "services/CompDocuments.h"

#include "common/Decimal.h"
#include "io/CsvWriter.h"
#include "io/HtmlReportWriter.h"

namespace salesops {

std::string creditText(std::int64_t credit4, int minorDigits) {
  if (credit4 % 10000 == 0) return formatMoney(credit4 / 10000, minorDigits);
  std::string text = Decimal{credit4, minorDigits + 4}.toString();
  const auto dot = text.find('.');
  const std::size_t decimals = dot == std::string::npos ? 0 : text.size() - dot - 1;
  if (dot == std::string::npos) text += '.';
  for (std::size_t i = decimals; i < static_cast<std::size_t>(minorDigits); ++i) text += '0';
  return text;
}

std::string payoutRegisterCsv(const PayoutOutcome& payout) {
  std::string out;
  CsvWriter::appendRow(out,
                       {"rep_id", "period_start", "period_end", "plan_id", "component", "kind", "amount", "detail"});
  for (const comp::LedgerLine& l : payout.lines) {
    CsvWriter::appendRow(out, {l.repId, l.period.start.toString(), l.period.end.toString(), l.planId, l.component,
                               comp::lineKindName(l.kind), formatMoney(l.amount, payout.minorDigits), l.detail});
  }
  return out;
}

std::string statementCsv(const PayoutOutcome& s) {
  std::string out;
  CsvWriter::appendRow(out, {"period_start", "period_end", "plan_id", "component", "kind", "amount", "detail",
                             "opportunity_id", "credited_amount"});
  for (const comp::LedgerLine& l : s.lines) {
    const std::string start = l.period.start.toString(), end = l.period.end.toString();
    const std::string kind = comp::lineKindName(l.kind);
    CsvWriter::appendRow(
        out, {start, end, l.planId, l.component, kind, formatMoney(l.amount, s.minorDigits), l.detail, "", ""});
    for (const comp::TraceDeal& d : l.deals) {
      CsvWriter::appendRow(out, {start, end, l.planId, l.component, kind, "", "", d.opportunityId,
                                 creditText(d.credit4, s.minorDigits)});
    }
  }
  return out;
}

std::string statementHtml(const PayoutOutcome& s) {
  const auto esc = [](std::string_view t) { return HtmlReportWriter::escape(t); };
  std::string h;
  h += "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Statement " + esc(s.repId) + "</title>\n";
  h += "<style>body{font-family:sans-serif;margin:24px;color:#222}h1{font-size:20px;margin:0}"
       "p.sub{color:#555;margin:4px 0 16px}table{border-collapse:collapse;width:100%}"
       "th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top;font-size:13px}"
       "td.num,th.num{text-align:right;white-space:nowrap}tr.total td{font-weight:bold;border-top:2px solid #444}"
       "td.deals{color:#555;font-size:12px}@media print{body{margin:0}}</style></head><body>\n";
  h += "<h1>Commission statement: " + esc(s.repName.empty() ? s.repId : s.repName + " (" + s.repId + ")") + "</h1>\n";
  h += "<p class=\"sub\">Period " + esc(s.requested.toString()) + " · amounts in " + esc(s.currency);
  for (const StoredPeriod& p : s.periods) {
    h += " · " + esc(p.period.toString()) + " " + periodStatusName(p.status);
  }
  h += "</p>\n<table><tr><th>Payout period</th><th>Plan</th><th>Component</th><th>Kind</th>"
       "<th class=\"num\">Amount</th><th>Why</th></tr>\n";
  std::int64_t total = 0, drawBalance = 0;
  for (const comp::LedgerLine& l : s.lines) {
    total += l.amount;
    if (l.kind == comp::LineKind::DrawAdvance || l.kind == comp::LineKind::DrawRecovery) drawBalance += l.amount;
    h += "<tr><td>" + esc(l.period.toString()) + "</td><td>" + esc(l.planId) + "</td><td>" + esc(l.component) +
         "</td><td>" + comp::lineKindName(l.kind) + "</td><td class=\"num\">" + formatMoney(l.amount, s.minorDigits) +
         "</td><td>" + esc(l.detail);
    if (!l.deals.empty()) {
      h += "<div class=\"deals\">Deals: ";
      const std::size_t shown = std::min<std::size_t>(l.deals.size(), 200);
      for (std::size_t i = 0; i < shown; ++i) {
        h += (i ? ", " : "") + esc(l.deals[i].opportunityId) + " " + creditText(l.deals[i].credit4, s.minorDigits);
      }
      if (shown < l.deals.size()) h += " … and " + std::to_string(l.deals.size() - shown) + " more (see the CSV)";
      h += "</div>";
    }
    h += "</td></tr>\n";
  }
  h += "<tr class=\"total\"><td colspan=\"4\">Total payout</td><td class=\"num\">" + formatMoney(total, s.minorDigits) +
       "</td><td></td></tr>\n</table>\n";
  if (drawBalance != 0) {
    h += "<p>Draw advanced in these periods and not yet recovered: " + formatMoney(drawBalance, s.minorDigits) +
         " (recovered from later earnings above the draw).</p>\n";
  }
  h += "<p class=\"sub\">Each line is rounded once, half away from zero. Credited amounts are the rep's split "
       "share of each won deal, converted to the corporate currency at its close date.</p>\n</body></html>\n";
  return h;
}

}  // namespace salesops
