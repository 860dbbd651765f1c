// The statistical view of a team's bookings for the Forecast screen: the monthly series of its credited
// bookings and the automatic forecast through the end of the period.
#include <algorithm>

#include "services/ForecastService.h"

namespace salesops {

StatisticalBookings statisticalBookings(const ForecastData& data, const forecast::Rollup& rollup,
                                        std::string_view scope, const Period& period, Date asOf) {
  const KpiSnapshot& snap = data.snapshot;
  const auto& opps = snap.opportunities;
  std::vector<std::uint8_t> inScope(snap.reps.size(), scope.empty() ? 1 : 0);
  if (!scope.empty()) {
    const auto first = static_cast<std::size_t>(rollup.nodeOfRep[data.repIndex(scope)]);
    for (std::size_t n = first; n < rollup.nodes.size(); ++n) {
      if (n > first && rollup.nodes[n].depth <= rollup.nodes[first].depth) break;
      inScope[rollup.nodes[n].rep] = 1;
    }
  }
  StatisticalBookings out;
  // Months are counted from a fixed origin so a close date maps to its month by arithmetic.
  const FiscalCalendar& calendar = data.calendar;
  const auto monthIndex = [](Date d) { return d.year() * 12 + d.month() - 1; };
  const Date lastComplete = calendar.monthContaining(asOf).start.addDays(-1);
  const Date end = std::max(period.end, lastComplete);
  std::int32_t firstMonth = monthIndex(end) + 1;
  std::vector<std::pair<std::int32_t, double>> credited;
  for (std::size_t o = 0; o < opps.size(); ++o) {
    if (opps.kind[o] != StageKind::Won || opps.closeDay[o] > end.days) continue;
    const std::int32_t b = snap.splitBegin[o], e = snap.splitBegin[o + 1];
    double amount = 0;
    if (b == e) {
      amount = inScope[opps.owner[o]] ? static_cast<double>(opps.amount[o]) : 0;
    } else {
      for (std::int32_t k = b; k < e; ++k) {
        if (inScope[snap.splits.rep[k]])
          amount += static_cast<double>(opps.amount[o]) * snap.splits.percent[k] / 10000.0;
      }
    }
    if (amount == 0) continue;
    const std::int32_t m = monthIndex(Date{opps.closeDay[o]});
    firstMonth = std::min(firstMonth, m);
    credited.emplace_back(m, amount);
  }
  const std::int32_t lastHistory = monthIndex(lastComplete);
  const std::int32_t lastForecast = monthIndex(period.end);
  if (firstMonth > lastHistory) return out;
  out.history.assign(static_cast<std::size_t>(lastHistory - firstMonth + 1), 0.0);
  for (const auto& [m, amount] : credited) {
    if (m <= lastHistory) out.history[static_cast<std::size_t>(m - firstMonth)] += amount;
  }
  for (std::int32_t m = firstMonth; m <= std::max(lastHistory, lastForecast); ++m) {
    out.months.push_back(Date::fromCivil(m / 12, m % 12 + 1, 1));
  }
  const int horizon = lastForecast - lastHistory;
  if (horizon >= 1) {
    out.result = forecast::forecastAuto(out.history, 12, horizon, forecast::publicMethods());
  }
  for (std::int32_t m = std::max(monthIndex(period.start), firstMonth); m <= lastForecast; ++m) {
    out.periodForecast += m <= lastHistory ? out.history[static_cast<std::size_t>(m - firstMonth)]
                                           : out.result.forecast.mean[static_cast<std::size_t>(m - lastHistory - 1)];
  }
  return out;
}

}  // namespace salesops
