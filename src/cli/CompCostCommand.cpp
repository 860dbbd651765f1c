// `comp WORKBOOK cost --period P | --year FY`: the plan cost report (issue 7, part 4).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/CliCommands.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "services/CompCostDocuments.h"
#include "services/CompService.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct CostOptions {
  std::string period, year, format = "table", output;
};

std::string percentText(std::optional<double> ratio) {
  if (!ratio) return "n/a";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f %%", 100.0 * *ratio);
  return text;
}

std::string padded(const std::string& text, std::size_t width, bool right) {
  const std::string pad(text.size() < width ? width - text.size() : 0, ' ');
  return right ? pad + text : text + pad;
}

void tableSummary(std::string& out, const comp::CostSummary& s, int d) {
  out += "\n" + s.planId + ": " + std::to_string(s.reps) + (s.reps == 1 ? " rep" : " reps") + ", payout " +
         formatMoney(s.payout, d) + " on bookings " + formatMoney(bookingsMinor(s.bookings4), d) + ", cost of sale " +
         percentText(comp::costOfSale(s.payout, s.bookings4)) + "\n";
  out += "  " + padded("attainment", 10, false) + padded("reps", 8, true) + padded("pay", 18, true) + "\n";
  for (std::size_t b = 0; b <= comp::kBandFromMicro.size(); ++b) {
    const bool noQuota = b == comp::kBandFromMicro.size();
    out += "  " + padded(comp::bandLabel(b), 10, false) +
           padded(std::to_string(noQuota ? s.noQuotaReps : s.bandReps[b]), 8, true) +
           padded(formatMoney(noQuota ? s.noQuotaPay : s.bandPay[b], d), 18, true) + "\n";
  }
  out += "  pay percentiles:";
  for (std::size_t p = 0; p < comp::kPayPercentiles.size(); ++p)
    out += " p" + std::to_string(comp::kPayPercentiles[p]) + " " + formatMoney(s.payPercentile[p], d);
  out += "\n";
}

std::string costTable(const PlanCostOutcome& cost) {
  const int d = cost.minorDigits;
  std::string out = "Plan cost " + cost.report.scope.toString() + " (" + cost.currency + ")\n\n";
  out += padded("plan", 8, false) + padded("period", 24, false) + padded("reps", 6, true) +
         padded("bookings", 18, true) + padded("payout", 16, true) + padded("cost of sale", 14, true) + "\n";
  for (const comp::PeriodCost& p : cost.report.periods) {
    out += padded(p.planId, 8, false) + padded(p.period.toString(), 24, false) +
           padded(std::to_string(p.reps), 6, true) + padded(formatMoney(bookingsMinor(p.bookings4), d), 18, true) +
           padded(formatMoney(p.payout, d), 16, true) +
           padded(percentText(comp::costOfSale(p.payout, p.bookings4)), 14, true) + "\n";
  }
  for (const comp::CostSummary& s : cost.report.plans) tableSummary(out, s, d);
  tableSummary(out, cost.report.total, d);
  return out;
}

nlohmann::ordered_json summaryJson(const comp::CostSummary& s, int d) {
  nlohmann::ordered_json j;
  j["plan_id"] = s.planId;
  j["reps"] = s.reps;
  j["bookings"] = formatMoney(bookingsMinor(s.bookings4), d);
  j["payout"] = formatMoney(s.payout, d);
  const auto ratio = comp::costOfSale(s.payout, s.bookings4);
  j["cost_of_sale"] = ratio ? nlohmann::ordered_json(*ratio) : nlohmann::ordered_json(nullptr);
  nlohmann::ordered_json bands = nlohmann::ordered_json::array();
  for (std::size_t b = 0; b < comp::kBandFromMicro.size(); ++b)
    bands.push_back({{"band", comp::bandLabel(b)}, {"reps", s.bandReps[b]}, {"pay", formatMoney(s.bandPay[b], d)}});
  bands.push_back({{"band", "no quota"}, {"reps", s.noQuotaReps}, {"pay", formatMoney(s.noQuotaPay, d)}});
  j["attainment_bands"] = std::move(bands);
  nlohmann::ordered_json percentiles;
  for (std::size_t p = 0; p < comp::kPayPercentiles.size(); ++p)
    percentiles["p" + std::to_string(comp::kPayPercentiles[p])] = formatMoney(s.payPercentile[p], d);
  j["pay_percentiles"] = std::move(percentiles);
  return j;
}

std::string costJson(const PlanCostOutcome& cost) {
  const int d = cost.minorDigits;
  nlohmann::ordered_json root;
  root["period_start"] = cost.report.scope.start.toString();
  root["period_end"] = cost.report.scope.end.toString();
  root["currency"] = cost.currency;
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (const comp::PeriodCost& p : cost.report.periods) {
    const auto ratio = comp::costOfSale(p.payout, p.bookings4);
    periods.push_back({{"plan_id", p.planId},
                       {"period_start", p.period.start.toString()},
                       {"period_end", p.period.end.toString()},
                       {"reps", p.reps},
                       {"bookings", formatMoney(bookingsMinor(p.bookings4), d)},
                       {"payout", formatMoney(p.payout, d)},
                       {"cost_of_sale", ratio ? nlohmann::ordered_json(*ratio) : nlohmann::ordered_json(nullptr)}});
  }
  root["periods"] = std::move(periods);
  nlohmann::ordered_json plans = nlohmann::ordered_json::array();
  for (const comp::CostSummary& s : cost.report.plans) plans.push_back(summaryJson(s, d));
  root["plans"] = std::move(plans);
  root["total"] = summaryJson(cost.report.total, d);
  return root.dump(2) + "\n";
}

void runCost(const std::string& workbookPath, const CostOptions& o, CliStreams& streams) {
  if (o.period.empty() == o.year.empty()) throw Error(ErrorKind::Usage, "give exactly one of --period and --year");
  auto workbook = Workbook::open(workbookPath, Workbook::Access::ReadOnly);
  const FiscalCalendar calendar = workbook->fiscalCalendar();
  std::string why;
  const auto scope = parsePeriod(o.year.empty() ? o.period : o.year, calendar, &why);
  if (!scope) throw Error(ErrorKind::Usage, (o.year.empty() ? "--period " : "--year ") + why);
  if (!o.year.empty() && *scope != calendar.year(calendar.fiscalYearOf(scope->end))) {
    throw Error(ErrorKind::Usage, "--year must be a fiscal year such as FY2025, not " + o.year);
  }
  const PlanCostOutcome cost = CompService(*workbook).cost(*scope, todayUtc(), terminalProgress(streams));
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  for (const std::string& note : cost.notes) streams.err << "note: " << note << "\n";
  const std::string text = o.format == "json"  ? costJson(cost)
                           : o.format == "csv" ? planCostCsv(cost)
                                               : costTable(cost);
  writeOut(streams, o.output, text);
}

}  // namespace

void addCompCostCommand(CLI::App& comp, CliStreams& streams) {
  auto o = std::make_shared<CostOptions>();
  auto* cost = comp.add_subcommand("cost", "Plan cost: payout against bookings, attainment and pay across reps");
  cost->add_option("--period", o->period, "FY2026-Q3, 2026-07, ... (the payout periods overlapping it)");
  cost->add_option("--year", o->year, "A fiscal year, e.g. FY2025");
  cost->add_option("--format", o->format, "table (default), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cost->add_option("--output", o->output, "Write to this file instead of stdout");
  CLI::App* parent = &comp;
  cost->callback([&streams, o, parent] { runCost(parent->get_option("WORKBOOK")->as<std::string>(), *o, streams); });
}

}  // namespace salesops::cli
