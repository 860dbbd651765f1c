#include "services/CompCostDocuments.h"

#include <cstdio>

#include "common/Decimal.h"
#include "comp/ExactMoney.h"
#include "io/CsvWriter.h"

namespace salesops {
namespace {

using Row = std::vector<std::string>;

std::optional<double> summaryAttainment(const comp::CostSummary& s) {
  return comp::attainmentRatio(comp::exactFromCredit(s.bookings4), s.quota);
}

void appendPlan(std::string& out, const comp::CostSummary& s, int d) {
  CsvWriter::appendRow(out, Row{"summary", s.planId, "", "", "", std::to_string(s.reps),
                                formatMoney(bookingsMinor(s.bookings4), d), formatMoney(s.payout, d),
                                ratioText(comp::costOfSale(s.payout, s.bookings4)), ratioText(summaryAttainment(s))});
  for (std::size_t b = 0; b < comp::kBandFromMicro.size(); ++b) {
    CsvWriter::appendRow(out, Row{"band", s.planId, "", "", comp::bandLabel(b), std::to_string(s.bandReps[b]), "",
                                  formatMoney(s.bandPay[b], d), "", ""});
  }
  CsvWriter::appendRow(out, Row{"band", s.planId, "", "", "no quota", std::to_string(s.noQuotaReps), "",
                                formatMoney(s.noQuotaPay, d), "", ""});
  for (std::size_t p = 0; p < comp::kPayPercentiles.size(); ++p) {
    CsvWriter::appendRow(out, Row{"percentile", s.planId, "", "", "p" + std::to_string(comp::kPayPercentiles[p]), "",
                                  "", formatMoney(s.payPercentile[p], d), "", ""});
  }
}

}  // namespace

std::int64_t bookingsMinor(__int128 bookings4) noexcept { return comp::toMinor(comp::exactFromCredit(bookings4)); }

std::string ratioText(std::optional<double> ratio) {
  if (!ratio) return "";
  char text[32];
  std::snprintf(text, sizeof text, "%.6f", *ratio);
  return text;
}

std::string planCostCsv(const PlanCostOutcome& cost) {
  const int d = cost.minorDigits;
  std::string out;
  CsvWriter::appendRow(out, Row{"kind", "plan_id", "period_start", "period_end", "band", "reps", "bookings", "payout",
                                "cost_of_sale", "attainment"});
  for (const comp::PeriodCost& p : cost.report.periods) {
    CsvWriter::appendRow(out, Row{"period", p.planId, p.period.start.toString(), p.period.end.toString(), "",
                                  std::to_string(p.reps), formatMoney(bookingsMinor(p.bookings4), d),
                                  formatMoney(p.payout, d), ratioText(comp::costOfSale(p.payout, p.bookings4)), ""});
  }
  for (const comp::CostSummary& s : cost.report.plans) appendPlan(out, s, d);
  appendPlan(out, cost.report.total, d);
  return out;
}

}  // namespace salesops
