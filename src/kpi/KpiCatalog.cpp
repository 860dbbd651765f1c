#include "kpi/KpiCatalog.h"

namespace salesops {

const std::vector<KpiInfo>& kpiCatalog() {
  using K = KpiValueKind;
  static const std::vector<KpiInfo> all{
      {"bookings", "Bookings", K::Money, "Credited amount of won opportunities closed in the period"},
      {"quota", "Quota", K::Money, "Quota rows of the scope's reps, pro rata by days inside the period"},
      {"attainment", "Quota attainment", K::Ratio, "Bookings / quota"},
      {"attainment_rate", "Quota attainment rate", K::Ratio,
       "Share of reps with quota whose attainment is at least 100%"},
      {"win_rate", "Win rate (count)", K::Ratio, "Won / (won + lost), opportunities closed in the period"},
      {"win_rate_value", "Win rate (value)", K::Ratio, "Amount won / amount won and lost, same set"},
      {"cycle_days", "Average sales cycle", K::Number,
       "Mean days from created to close, won opportunities closed in the period"},
      {"cycle_days_median", "Median sales cycle", K::Number, "Median of the same cycle lengths"},
      {"deal_size", "Average deal size", K::Money, "Mean amount of won opportunities closed in the period"},
      {"deal_size_median", "Median deal size", K::Money, "Median amount of the same deals"},
      {"pipeline", "Open pipeline", K::Money, "Amount of open opportunities closing in the period"},
      {"weighted_pipeline", "Weighted pipeline", K::Money, "Open pipeline × probability"},
      {"coverage", "Pipeline coverage", K::Ratio, "Pipeline / (quota − bookings)"},
      {"velocity", "Pipeline velocity", K::Number,
       "Open count × win rate × deal size / cycle days (corporate currency units per day)"},
      {"past_due_share", "Past-due share", K::Ratio, "Open amount with close date before as-of / all open amount"},
      {"forecast", "Forecast call", K::Money, "Latest commit submission per rep on or before the cut-off"},
      {"forecast_error", "Forecast error", K::Ratio, "(Forecast − bookings) / bookings; > 0 is over-forecast"},
      {"forecast_accuracy", "Forecast accuracy", K::Ratio, "1 − |forecast − bookings| / bookings"},
      {"forecast_wape", "Forecast WAPE", K::Ratio, "Σ |forecast − bookings| / Σ bookings over reps with a forecast"},
      {"lead_response_hours", "Lead response time", K::Number, "Mean hours from lead creation to first response"},
      {"lead_response_hours_median", "Median lead response time", K::Number, "Median of the same hours"},
      {"leads_unanswered", "Unanswered leads", K::Count, "Leads created in the period without a response"},
      {"lead_conversion", "Lead conversion rate", K::Ratio, "Converted leads / leads created in the period"},
      {"meetings_per_rep", "Meetings per rep", K::Number, "Meetings started in the period / reps employed in it"},
      {"selling_time_share", "Time spent selling", K::Ratio, "Selling activity minutes / all activity minutes"},
      {"stage_conversion", "Stage-to-stage conversion", K::Ratio,
       "Mean over consecutive open stages of the share of opportunities that reached the next stage"},
  };
  return all;
}

int kpiIndex(const KpiInfo& info) noexcept { return static_cast<int>(&info - kpiCatalog().data()); }

const KpiInfo* findKpi(std::string_view id) noexcept {
  for (const auto& k : kpiCatalog()) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

}  // namespace salesops
