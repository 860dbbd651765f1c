#include "common/Date.h"

#include <gtest/gtest.h>

namespace salesops {
namespace {

Date ymd(int y, int m, int d) { return Date::fromCivil(y, m, d); }

std::string dateWhy(std::string_view text) {
  std::string why;
  if (parseDate(text, &why)) return "accepted";
  return why;
}

std::string timestampWhy(std::string_view text) {
  std::string why;
  if (parseTimestamp(text, &why)) return "accepted";
  return why;
}

// 2026-03-04T09:30:00Z: 20516 days after the epoch (2026-01-01 is day 20454) plus 9.5 hours.
constexpr std::int64_t kMorning = 20516LL * 86400 + 9 * 3600 + 30 * 60;

TEST(DateTest, DayNumbersOfKnownDates) {
  EXPECT_EQ(ymd(1970, 1, 1).days, 0);
  EXPECT_EQ(ymd(1970, 1, 2).days, 1);
  EXPECT_EQ(ymd(1969, 12, 31).days, -1);
  EXPECT_EQ(ymd(2000, 1, 1).days, 10957);
  EXPECT_EQ(ymd(2000, 3, 1).days, 11017);
  EXPECT_EQ(ymd(2026, 1, 1).days, 20454);
  EXPECT_EQ(ymd(2026, 3, 4).days, 20516);
  EXPECT_EQ(ymd(1900, 1, 1).days, -25567);
  EXPECT_EQ(ymd(1, 1, 1).days, -719162);
  EXPECT_EQ(ymd(9999, 12, 31).days, 2932896);
}

TEST(DateTest, EveryDayFromYear1To9999RoundTrips) {
  // Walks the calendar by hand, one day at a time, against the closed-form conversion.
  int y = 1, m = 1, d = 1;
  for (std::int32_t days = -719162; days <= 2932896; ++days) {
    const Date date{days};
    ASSERT_EQ(date.year(), y) << days;
    ASSERT_EQ(date.month(), m) << days;
    ASSERT_EQ(date.day(), d) << days;
    ASSERT_EQ(Date::fromCivil(y, m, d).days, days);
    if (++d > daysInMonth(y, m)) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
  }
  EXPECT_EQ(y, 10000);
}

TEST(DateTest, LeapYears) {
  EXPECT_FALSE(isLeapYear(1900));
  EXPECT_TRUE(isLeapYear(2000));
  EXPECT_TRUE(isLeapYear(2024));
  EXPECT_FALSE(isLeapYear(2026));
  EXPECT_FALSE(isLeapYear(2100));
  EXPECT_TRUE(isLeapYear(2400));
  EXPECT_EQ(daysInMonth(2024, 2), 29);
  EXPECT_EQ(daysInMonth(2026, 2), 28);
  EXPECT_EQ(daysInMonth(1900, 2), 28);
  EXPECT_EQ(daysInMonth(2000, 2), 29);
  EXPECT_EQ(daysInMonth(2026, 4), 30);
  EXPECT_EQ(daysInMonth(2026, 12), 31);
}

TEST(DateTest, DayArithmeticAcrossYears) {
  EXPECT_EQ(ymd(2025, 12, 31).addDays(1), ymd(2026, 1, 1));
  EXPECT_EQ(ymd(2026, 1, 1).addDays(-1), ymd(2025, 12, 31));
  EXPECT_EQ(ymd(2024, 2, 28).addDays(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2024, 3, 1).addDays(-1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2026, 3, 1).addDays(-1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2026, 1, 1).addDays(365), ymd(2027, 1, 1));
  EXPECT_EQ(ymd(2024, 1, 1).addDays(365), ymd(2024, 12, 31));
  EXPECT_EQ(daysBetween(ymd(2025, 12, 31), ymd(2026, 1, 1)), 1);
  EXPECT_EQ(daysBetween(ymd(2024, 1, 1), ymd(2025, 1, 1)), 366);
  EXPECT_EQ(daysBetween(ymd(2025, 1, 1), ymd(2026, 1, 1)), 365);
  EXPECT_EQ(daysBetween(ymd(2026, 3, 1), ymd(2026, 2, 1)), -28);
  EXPECT_EQ(daysBetween(ymd(1999, 12, 31), ymd(2000, 3, 1)), 61);
}

TEST(DateTest, AddMonthsClampsTheDay) {
  EXPECT_EQ(ymd(2026, 1, 31).addMonths(1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2024, 1, 31).addMonths(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2026, 3, 31).addMonths(-1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2026, 11, 15).addMonths(3), ymd(2027, 2, 15));
  EXPECT_EQ(ymd(2026, 1, 15).addMonths(-1), ymd(2025, 12, 15));
  EXPECT_EQ(ymd(2026, 5, 31).addMonths(-17), ymd(2024, 12, 31));
  EXPECT_EQ(ymd(2026, 5, 31).addMonths(0), ymd(2026, 5, 31));
  EXPECT_EQ(ymd(2026, 8, 31).addMonths(24), ymd(2028, 8, 31));
}

TEST(DateTest, ToStringAndOrder) {
  EXPECT_EQ(ymd(2026, 3, 4).toString(), "2026-03-04");
  EXPECT_EQ(ymd(1, 1, 1).toString(), "0001-01-01");
  EXPECT_EQ(ymd(9999, 12, 31).toString(), "9999-12-31");
  EXPECT_LT(ymd(2025, 12, 31), ymd(2026, 1, 1));
  EXPECT_GT(ymd(2026, 1, 2), ymd(2026, 1, 1));
}

TEST(DateTest, ParsesStrictIsoDates) {
  EXPECT_EQ(parseDate("2026-03-04"), ymd(2026, 3, 4));
  EXPECT_EQ(parseDate("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parseDate("2000-02-29"), ymd(2000, 2, 29));
  EXPECT_EQ(parseDate("0001-01-01"), ymd(1, 1, 1));
  EXPECT_EQ(parseDate("9999-12-31"), ymd(9999, 12, 31));
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(dateWhy("2026-02-29"), "\"2026-02-29\" is not a valid date");
  EXPECT_EQ(dateWhy("2026-02-30"), "\"2026-02-30\" is not a valid date");
  EXPECT_EQ(dateWhy("1900-02-29"), "\"1900-02-29\" is not a valid date");
  EXPECT_EQ(dateWhy("2026-04-31"), "\"2026-04-31\" is not a valid date");
  EXPECT_EQ(dateWhy("2026-13-01"), "\"2026-13-01\" is not a valid date");
  EXPECT_EQ(dateWhy("2026-00-10"), "\"2026-00-10\" is not a valid date");
  EXPECT_EQ(dateWhy("2026-01-00"), "\"2026-01-00\" is not a valid date");
  EXPECT_EQ(dateWhy("0000-01-01"), "\"0000-01-01\" is not a valid date");
}

TEST(DateTest, RejectsOtherShapes) {
  const std::string expected = " is not a date (expected YYYY-MM-DD)";
  EXPECT_EQ(dateWhy(""), "date is empty");
  EXPECT_EQ(dateWhy("2026-1-5"), "\"2026-1-5\"" + expected);
  EXPECT_EQ(dateWhy("2026/01/05"), "\"2026/01/05\"" + expected);
  EXPECT_EQ(dateWhy("20260105"), "\"20260105\"" + expected);
  EXPECT_EQ(dateWhy(" 2026-01-05"), "\" 2026-01-05\"" + expected);
  EXPECT_EQ(dateWhy("2026-01-05 "), "\"2026-01-05 \"" + expected);
  EXPECT_EQ(dateWhy("2026-01-05T00:00"), "\"2026-01-05T00:00\"" + expected);
  EXPECT_EQ(dateWhy("05.01.2026"), "\"05.01.2026\"" + expected);
  EXPECT_EQ(dateWhy("+026-01-05"), "\"+026-01-05\"" + expected);
  // A long broken value is cut in the message.
  EXPECT_EQ(dateWhy(std::string(100, 'x')), "\"" + std::string(40, 'x') + "...\"" + expected);
}

TEST(DateTimestampTest, OffsetsAreConvertedToUtc) {
  const auto z = parseTimestamp("2026-03-04T09:30:00Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(z->value.seconds, kMorning);
  EXPECT_TRUE(z->hadOffset);

  const auto plus = parseTimestamp("2026-03-04T11:30:00+02:00");
  ASSERT_TRUE(plus);
  EXPECT_EQ(plus->value, z->value);
  EXPECT_TRUE(plus->hadOffset);

  EXPECT_EQ(parseTimestamp("2026-03-04T11:30:00+0200")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T04:30:00-05:00")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T15:00:00+05:30")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T09:30:00+00:00")->value.seconds, kMorning);
}

TEST(DateTimestampTest, OptionalPartsAndSpaceForT) {
  EXPECT_EQ(parseTimestamp("2026-03-04 09:30:00Z")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T09:30Z")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T09:30:00.999Z")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T11:30:00.5+02:00")->value.seconds, kMorning);
  EXPECT_EQ(parseTimestamp("2026-03-04T09:30:59Z")->value.seconds, kMorning + 59);
}

TEST(DateTimestampTest, NoOffsetIsReadAsUtcAndSaysSo) {
  const auto local = parseTimestamp("2026-03-04T09:30:00");
  ASSERT_TRUE(local);
  EXPECT_EQ(local->value.seconds, kMorning);
  EXPECT_FALSE(local->hadOffset);

  const auto dateOnly = parseTimestamp("2026-03-04");
  ASSERT_TRUE(dateOnly);
  EXPECT_EQ(dateOnly->value.seconds, 20516LL * 86400);
  EXPECT_FALSE(dateOnly->hadOffset);
}

TEST(DateTimestampTest, OffsetsMoveTheDate) {
  const auto early = parseTimestamp("2026-03-01T01:00:00+02:00");
  ASSERT_TRUE(early);
  EXPECT_EQ(early->value.toString(), "2026-02-28T23:00:00Z");
  EXPECT_EQ(early->value.date(), ymd(2026, 2, 28));

  const auto late = parseTimestamp("2025-12-31T23:30:00-01:00");
  ASSERT_TRUE(late);
  EXPECT_EQ(late->value.toString(), "2026-01-01T00:30:00Z");
  EXPECT_EQ(late->value.date(), ymd(2026, 1, 1));
}

TEST(DateTimestampTest, BeforeTheEpoch) {
  EXPECT_EQ(Timestamp{-1}.date(), ymd(1969, 12, 31));
  EXPECT_EQ(Timestamp{-1}.toString(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Timestamp{-86400}.toString(), "1969-12-31T00:00:00Z");
  EXPECT_EQ(Timestamp{0}.toString(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(parseTimestamp("1969-12-31T23:59:59Z")->value.seconds, -1);
}

TEST(DateTimestampTest, Rejections) {
  const std::string shape = " is not a timestamp (expected YYYY-MM-DDTHH:MM:SSZ)";
  EXPECT_EQ(timestampWhy(""), "timestamp is empty");
  EXPECT_EQ(timestampWhy("2026-03-04T24:00:00Z"), "\"2026-03-04T24:00:00Z\" is not a valid timestamp");
  EXPECT_EQ(timestampWhy("2026-03-04T09:60Z"), "\"2026-03-04T09:60Z\" is not a valid timestamp");
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:60Z"), "\"2026-03-04T09:30:60Z\" is not a valid timestamp");
  EXPECT_EQ(timestampWhy("2026-02-30T09:30Z"), "\"2026-02-30T09:30Z\" is not a valid timestamp");
  EXPECT_EQ(timestampWhy("2026-03-04T09:30+24:00"), "\"2026-03-04T09:30+24:00\" is not a valid timestamp");
  EXPECT_EQ(timestampWhy("2026-03-04T9:30Z"), "\"2026-03-04T9:30Z\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09"), "\"2026-03-04T09\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T"), "\"2026-03-04T\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04X09:30Z"), "\"2026-03-04X09:30Z\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:00+2"), "\"2026-03-04T09:30:00+2\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:00+02"), "\"2026-03-04T09:30:00+02\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:00.Z"), "\"2026-03-04T09:30:00.Z\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:00ZZ"), "\"2026-03-04T09:30:00ZZ\"" + shape);
  EXPECT_EQ(timestampWhy("2026-03-04T09:30:00 Z"), "\"2026-03-04T09:30:00 Z\"" + shape);
  EXPECT_EQ(timestampWhy("yesterday"), "\"yesterday\"" + shape);
}

}  // namespace
}  // namespace salesops
