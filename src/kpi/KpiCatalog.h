#pragma once
// The KPIs of KPIS.md: ids in output-column order, display names, value kinds and one-line definitions
// (shown as tooltips and in report footers).
#include <string_view>
#include <vector>

namespace salesops {

enum class KpiValueKind {
  Money,   // corporate-currency minor units
  Ratio,   // a double, shown as a percentage in the GUI, a decimal in CSV
  Number,  // a double: days, hours, counts per rep, money per day
  Count,   // an integer
};

// Positions in kpiCatalog(): KpiGridCell::values is indexed by these (kpi_support_test checks the order).
enum class KpiId : int {
  Bookings,
  Quota,
  Attainment,
  AttainmentRate,
  WinRate,
  WinRateValue,
  CycleDays,
  CycleDaysMedian,
  DealSize,
  DealSizeMedian,
  Pipeline,
  WeightedPipeline,
  Coverage,
  Velocity,
  PastDueShare,
  Forecast,
  ForecastError,
  ForecastAccuracy,
  ForecastWape,
  LeadResponseHours,
  LeadResponseHoursMedian,
  LeadsUnanswered,
  LeadConversion,
  MeetingsPerRep,
  SellingTimeShare,
  StageConversion,
};
inline constexpr int kKpiCount = static_cast<int>(KpiId::StageConversion) + 1;

struct KpiInfo {
  std::string_view id;
  std::string_view name;
  KpiValueKind kind;
  std::string_view definition;
};

// Every output column after the scope and period columns, in KPIS.md order (medians and
// leads_unanswered beside their KPI).
const std::vector<KpiInfo>& kpiCatalog();
const KpiInfo* findKpi(std::string_view id) noexcept;
// The position of a catalog entry (its KpiId as int).
int kpiIndex(const KpiInfo& info) noexcept;

}  // namespace salesops
