// Reading the series CSV of `forecast stat`: period kinds, order and gap checks, and the located errors.
#include <gtest/gtest.h>

#include <cmath>

#include "common/Error.h"
#include "io/SeriesCsv.h"

namespace salesops {
namespace {

std::vector<NamedSeries> read(std::string text) {
  CsvReader reader = CsvReader::fromString(std::move(text), "s.csv");
  return readSeriesCsv(reader);
}

std::string problem(std::string text) {
  try {
    read(std::move(text));
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    return e.describe();
  }
  return "no error";
}

TEST(ForecastSeriesCsv, ReadsSeveralSeriesAndPeriodKinds) {
  const auto all = read(
      "series_id,period,value\n"
      "a,2026-01,10\nb,1,5\na,2026-02,11.5\nb,2,-3\nc,2026-01-31,1e3\nc,2026-02-28,7\nd,1-01,266.0\nd,1-02,145.9\n");
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].id, "a");
  EXPECT_EQ(all[0].values, (std::vector<double>{10, 11.5}));
  EXPECT_EQ(all[1].values, (std::vector<double>{5, -3}));
  EXPECT_EQ(all[2].values, (std::vector<double>{1000, 7}));
  EXPECT_EQ(all[3].periods, (std::vector<std::string>{"1-01", "1-02"}));
  EXPECT_EQ(all[3].lines, (std::vector<std::int64_t>{8, 9}));
}

TEST(ForecastSeriesCsv, ColumnsByNameInAnyOrder) {
  const auto all = read("value,note,Period,series_id\n3,x,2026-07,s\n4,y,2026-08,s\n");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].values, (std::vector<double>{3, 4}));
}

TEST(ForecastSeriesCsv, BadRowsAreLocated) {
  EXPECT_EQ(problem("series_id,period,value\na,2026-01,1\na,2026-02,abc\n"),
            "s.csv:3: value: \"abc\" is not a finite number");
  EXPECT_EQ(problem("series_id,period,value\na,2026-01,\n"), "s.csv:2: value: is empty");
  EXPECT_EQ(problem("series_id,period,value\na,July,1\n"),
            "s.csv:2: period: \"July\" is not a month (2026-07), a date (2026-07-01) or an integer index");
  EXPECT_EQ(problem("series_id,period,value\na,2026-13,1\n"), "s.csv:2: period: \"2026-13\" has no month 13");
  EXPECT_EQ(problem("series_id,period,value\na,2026-02,1\na,2026-01,2\n"),
            "s.csv:3: period: \"2026-01\" does not come after \"2026-02\" (rows of series a must be in time order)");
  EXPECT_EQ(problem("series_id,period,value\na,2026-01,1\na,2026-03,2\n"),
            "s.csv:3: period: \"2026-03\" follows \"2026-01\": months are missing in series a");
  EXPECT_EQ(problem("series_id,period,value\na,2026-01,1\na,5,2\n"),
            "s.csv:3: period: \"5\" is an index but series a uses a month");
  EXPECT_EQ(problem("series_id,period,value\n,2026-01,1\n"), "s.csv:2: series_id: is empty");
  EXPECT_EQ(problem("series,period,value\na,2026-01,1\n"), "s.csv:1: the header has no column series_id");
  EXPECT_EQ(problem("series_id,period,value\na,2026-01,nan\n"), "s.csv:2: value: \"nan\" is not a finite number");
}

TEST(ForecastSeriesCsv, NumbersAreWrittenPlainly) {
  EXPECT_EQ(formatSeriesNumber(12.5), "12.5");
  EXPECT_EQ(formatSeriesNumber(-0.0), "0");
  EXPECT_EQ(formatSeriesNumber(1234567.891234), "1234567.891");
  EXPECT_EQ(formatSeriesNumber(std::nan("")), "");
  EXPECT_EQ(csvText({{"a", "b,c"}, {"1", "2"}}), "a,\"b,c\"\n1,2\n");
}

}  // namespace
}  // namespace salesops
