// Holdout evaluation on the classic monthly sales series of ../shared/datasets/monthly-sales: hold out the
// last 12 months (6 for the 36-month shampoo series), forecast from the rest, score MASE against the
// in-sample seasonal naive MAE of the training part. The automatic choice must beat seasonal naive on
// average. The per-series figures are printed so docs/forecasting.md can quote them.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "forecast/Accuracy.h"
#include "forecast/AutoForecast.h"
#include "forecast/Methods.h"
#include "io/CsvReader.h"
#include "support/TempDir.h"

namespace salesops::forecast {
namespace {

// The files are "Month","Sales" pairs (months like 1960-01, or 1-01 in the undated ones); only the value
// column matters here, and rows are already in time order.
std::vector<double> loadValues(const std::filesystem::path& path) {
  CsvReader reader(path);
  std::vector<std::string_view> fields;
  std::vector<double> values;
  bool header = true;
  while (reader.next(fields)) {
    if (header) {
      header = false;
      continue;
    }
    if (fields.size() < 2 || fields[1].empty()) continue;
    values.push_back(std::stod(std::string(fields[1])));
  }
  return values;
}

TEST(ForecastDatasets, AutoBeatsSeasonalNaiveOnMonthlySales) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir() / "monthly-sales";
  const char* names[] = {"airline-passengers", "monthly-car-sales", "monthly-shampoo-sales",
                         "monthly-writing-paper-sales", "monthly_champagne_sales"};
  std::vector<Method> methods = publicMethods();
  methods.push_back(Method::Auto);
  std::vector<double> totals(methods.size(), 0.0);
  std::printf("%-28s %4s %3s", "series", "n", "h");
  for (const Method m : methods) std::printf(" %9.9s", std::string(methodName(m)).c_str());
  std::printf("  auto chose\n");
  for (const char* name : names) {
    const std::vector<double> y = loadValues(dir / (std::string(name) + ".csv"));
    ASSERT_GE(y.size(), 36u) << name;
    const int m = 12;
    const int h = y.size() >= 4 * 12 ? 12 : 6;
    const std::span<const double> all(y);
    const auto train = all.first(y.size() - static_cast<std::size_t>(h));
    const auto test = all.last(static_cast<std::size_t>(h));
    const double scale = maseScale(train, m);
    std::printf("%-28s %4zu %3d", name, y.size(), h);
    Method chosen = Method::Auto;
    for (std::size_t i = 0; i < methods.size(); ++i) {
      const Forecast f = forecastSeries(methods[i], train, m, h);
      const double mase = accuracy(test, f.mean, scale).mase;
      totals[i] += mase;
      if (methods[i] == Method::Auto) chosen = f.method;
      std::printf(" %9.3f", mase);
    }
    std::printf("  %s\n", std::string(methodName(chosen)).c_str());
  }
  std::printf("%-37s", "mean MASE");
  for (double t : totals) std::printf(" %9.3f", t / std::size(names));
  std::printf("\n");
  const double autoMase = totals.back() / std::size(names);
  const double naiveMase = totals.front() / std::size(names);  // publicMethods() starts with seasonal naive
  ASSERT_EQ(methods.front(), Method::SeasonalNaive);
  EXPECT_LT(autoMase, naiveMase);
}

}  // namespace
}  // namespace salesops::forecast
