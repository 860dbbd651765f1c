// The engine's small parts: exact quota sums, the day -> period index, the catalog order and text output.
#include <gtest/gtest.h>

#include <cmath>

#include "kpi/ExactQuota.h"
#include "kpi/KpiCatalog.h"
#include "kpi/KpiFormat.h"
#include "kpi/PeriodIndex.h"
#include "kpi_test_support.h"

namespace salesops {
namespace {

using namespace salesops::testing;

TEST(KpiSupportTest, ExactQuotaKeepsFractionsUntilTheEnd) {
  ExactQuota q;
  q.add(1, 1, 3);
  q.add(1, 1, 6);
  EXPECT_EQ(q.rounded(), 1);
  EXPECT_DOUBLE_EQ(q.value(), 0.5);
  EXPECT_EQ(q.compareCredit(5000), 0);  // 0.5 minor units of credit
  EXPECT_EQ(q.compareCredit(4999), -1);
  ExactQuota negative;
  negative.add(-1, 1, 2);
  EXPECT_EQ(negative.rounded(), -1);  // half away from zero
  EXPECT_FALSE(negative.isPositive());
  ExactQuota many;
  for (int days = 28; days < 400; ++days) many.add(1000003, days - 1, days);  // thousands of denominators
  double expected = 0;
  for (int days = 28; days < 400; ++days) expected += 1000003.0 * (days - 1) / days;
  EXPECT_NEAR(many.value(), expected, 1e-6);
  EXPECT_EQ(many.rounded(), static_cast<std::int64_t>(std::llround(expected)));
}

TEST(KpiSupportTest, PeriodIndexHandlesOverlapsAndGaps) {
  const PeriodIndex index(
      {period("2026-01-01", "2026-12-31"), period("2026-04-01", "2026-06-30"), period("2027-03-01", "2027-03-01")});
  EXPECT_TRUE(index.at(day("2025-12-31").days).empty());
  EXPECT_EQ(index.at(day("2026-01-01").days).size(), 1u);
  ASSERT_EQ(index.at(day("2026-05-01").days).size(), 2u);
  EXPECT_EQ(index.at(day("2026-05-01").days)[1], 1);
  EXPECT_TRUE(index.at(day("2027-01-01").days).empty());
  EXPECT_EQ(index.at(day("2027-03-01").days)[0], 2);
  EXPECT_TRUE(index.at(day("2027-03-02").days).empty());
  EXPECT_TRUE(PeriodIndex({}).at(0).empty());
}

TEST(KpiSupportTest, CatalogOrderMatchesTheKpiIds) {
  ASSERT_EQ(static_cast<int>(kpiCatalog().size()), kKpiCount);
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::Bookings)].id, "bookings");
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::CycleDaysMedian)].id, "cycle_days_median");
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::Velocity)].id, "velocity");
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::ForecastWape)].id, "forecast_wape");
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::LeadsUnanswered)].id, "leads_unanswered");
  EXPECT_EQ(kpiCatalog()[static_cast<int>(KpiId::StageConversion)].id, "stage_conversion");
  for (const auto& info : kpiCatalog()) EXPECT_EQ(findKpi(info.id), &info);
  EXPECT_EQ(kpiIndex(*findKpi("pipeline")), static_cast<int>(KpiId::Pipeline));
  EXPECT_EQ(findKpi("nope"), nullptr);
}

TEST(KpiSupportTest, ValuesAsText) {
  EXPECT_EQ(formatKpiValue(KpiValue::undefined(), KpiValueKind::Money, 2), "");
  EXPECT_EQ(formatKpiValue(KpiValue::money(123456789, 123456789.4), KpiValueKind::Money, 2), "1234567.89");
  EXPECT_EQ(formatKpiValue(KpiValue::money(-5, -5), KpiValueKind::Money, 2), "-0.05");
  EXPECT_EQ(formatKpiValue(KpiValue::money(1500, 1500), KpiValueKind::Money, 0), "1500");
  EXPECT_EQ(formatKpiValue(KpiValue::of(0.28125), KpiValueKind::Ratio, 2), "0.281250");
  EXPECT_EQ(formatKpiValue(KpiValue::of(0), KpiValueKind::Ratio, 2), "0.000000");
  EXPECT_EQ(formatKpiValue(KpiValue::of(12.5), KpiValueKind::Number, 2), "12.500000");
  EXPECT_EQ(formatKpiValue(KpiValue::of(0.0000123456789), KpiValueKind::Ratio, 2), "0.0000123457");
  EXPECT_EQ(formatKpiValue(KpiValue::of(-0.25), KpiValueKind::Ratio, 2), "-0.250000");
  EXPECT_EQ(formatKpiValue(KpiValue::of(7), KpiValueKind::Count, 2), "7");
}

}  // namespace
}  // namespace salesops
