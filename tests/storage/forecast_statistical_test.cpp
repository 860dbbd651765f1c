// The statistical view of a team's bookings: the monthly series it is built from and the quarter's figure.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "services/ForecastService.h"
#include "unit/kpi_test_support.h"

namespace salesops::testing {
namespace {

ForecastData constantBookings() {
  SnapshotBuilder b;
  const auto boss = b.rep("R1");
  b.rep("R2", boss);
  const auto other = b.rep("R3");
  // 1,000.00 won on the 15th of every month, January 2024 to May 2026, by R2; R3 books once, in 2026-05.
  for (int m = 0; m < 29; ++m) {
    const Date d = Date::fromCivil(2024 + m / 12, m % 12 + 1, 15);
    b.opp(1, kWon, 100000, "2023-12-01", d.toString());
  }
  b.opp(other, kWon, 700000, "2023-12-01", "2026-05-02");
  ForecastData data{b.build(), {}, {}, FiscalCalendar(1), 2};
  data.categories.assign(data.snapshot.opportunities.size(), forecast::Category::Closed);
  return data;
}

TEST(StatisticalBookings, MonthlySeriesOfTheTeamAndTheQuartersFigure) {
  const ForecastData data = constantBookings();
  const Period q2 = period("2026-04-01", "2026-06-30");
  const auto rollup = forecast::computeRollup(data.snapshot, data.categories, q2, {});
  // As of 2026-05-10 the last complete month is April: 28 months of history, May and June forecast.
  const auto r = statisticalBookings(data, rollup, "R1", q2, day("2026-05-10"));
  ASSERT_EQ(r.history.size(), 28u);
  for (const double v : r.history) ASSERT_DOUBLE_EQ(v, 100000.0);
  ASSERT_EQ(r.months.size(), 30u);
  EXPECT_EQ(r.months.front(), day("2024-01-01"));
  EXPECT_EQ(r.months.back(), day("2026-06-01"));
  ASSERT_EQ(r.result.forecast.mean.size(), 2u);
  // A constant series forecasts the constant: April booked 1,000.00 + May and June 1,000.00 each.
  EXPECT_NEAR(r.periodForecast, 300000.0, 1e-6);
  // R3's team is R3 alone: one booking in May, after the history ends.
  EXPECT_EQ(statisticalBookings(data, rollup, "R3", q2, day("2026-05-10")).periodForecast, 0.0);
  // Everyone: the same series (R3's May deal is not history yet).
  EXPECT_NEAR(statisticalBookings(data, rollup, "", q2, day("2026-05-10")).periodForecast, 300000.0, 1e-6);
}

TEST(StatisticalBookings, APeriodBeforeTheFirstBookingIsZero) {
  const ForecastData data = constantBookings();
  const Period old = period("2020-01-01", "2020-03-31");
  const auto rollup = forecast::computeRollup(data.snapshot, data.categories, old, {});
  EXPECT_EQ(statisticalBookings(data, rollup, "R1", old, day("2026-05-10")).periodForecast, 0.0);
  EXPECT_THROW(statisticalBookings(data, rollup, "R9", old, day("2026-05-10")), Error);
}

}  // namespace
}  // namespace salesops::testing
