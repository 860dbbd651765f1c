#include "common/Period.h"

#include <gtest/gtest.h>

#include "common/Error.h"

namespace salesops {
namespace {

Date ymd(int y, int m, int d) { return Date::fromCivil(y, m, d); }
Period range(Date a, Date b) { return Period{a, b}; }

std::string periodWhy(std::string_view text, const FiscalCalendar& calendar = FiscalCalendar(1)) {
  std::string why;
  if (parsePeriod(text, calendar, &why)) return "accepted";
  return why;
}

TEST(PeriodTest, StartMonthMustBeAMonth) {
  EXPECT_THROW(FiscalCalendar(0), Error);
  EXPECT_THROW(FiscalCalendar(13), Error);
  try {
    FiscalCalendar bad(13);
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
  }
  EXPECT_EQ(FiscalCalendar().startMonth(), 1);
  EXPECT_EQ(FiscalCalendar(12).startMonth(), 12);
}

TEST(PeriodTest, StartMonthOneIsTheCalendarYear) {
  const FiscalCalendar cal(1);
  EXPECT_EQ(cal.fiscalYearOf(ymd(2026, 1, 1)), 2026);
  EXPECT_EQ(cal.fiscalYearOf(ymd(2026, 12, 31)), 2026);
  EXPECT_EQ(cal.year(2026), range(ymd(2026, 1, 1), ymd(2026, 12, 31)));
  EXPECT_EQ(cal.quarter(2026, 1), range(ymd(2026, 1, 1), ymd(2026, 3, 31)));
  EXPECT_EQ(cal.quarter(2026, 3), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(cal.quarter(2026, 4), range(ymd(2026, 10, 1), ymd(2026, 12, 31)));
  EXPECT_EQ(cal.month(2026, 7), range(ymd(2026, 7, 1), ymd(2026, 7, 31)));
  EXPECT_EQ(cal.month(2024, 2), range(ymd(2024, 2, 1), ymd(2024, 2, 29)));
  EXPECT_EQ(cal.fiscalQuarterOf(ymd(2026, 9, 30)), 3);
  EXPECT_EQ(cal.fiscalMonthOf(ymd(2026, 9, 30)), 9);
}

TEST(PeriodTest, StartMonthTwoNamesTheYearAfterItsEnd) {
  const FiscalCalendar cal(2);
  EXPECT_EQ(cal.year(2027), range(ymd(2026, 2, 1), ymd(2027, 1, 31)));
  EXPECT_EQ(cal.fiscalYearOf(ymd(2026, 1, 31)), 2026);
  EXPECT_EQ(cal.fiscalYearOf(ymd(2026, 2, 1)), 2027);
  EXPECT_EQ(cal.fiscalYearOf(ymd(2027, 1, 31)), 2027);
  EXPECT_EQ(cal.quarter(2027, 1), range(ymd(2026, 2, 1), ymd(2026, 4, 30)));
  EXPECT_EQ(cal.quarter(2027, 4), range(ymd(2026, 11, 1), ymd(2027, 1, 31)));
  EXPECT_EQ(cal.month(2027, 7), range(ymd(2026, 8, 1), ymd(2026, 8, 31)));
  EXPECT_EQ(cal.month(2027, 12), range(ymd(2027, 1, 1), ymd(2027, 1, 31)));
  EXPECT_EQ(cal.fiscalMonthOf(ymd(2027, 1, 15)), 12);
  EXPECT_EQ(cal.fiscalMonthOf(ymd(2026, 2, 1)), 1);
  EXPECT_EQ(cal.fiscalQuarterOf(ymd(2026, 4, 30)), 1);
  EXPECT_EQ(cal.fiscalQuarterOf(ymd(2026, 5, 1)), 2);
}

TEST(PeriodTest, StartMonthTen) {
  const FiscalCalendar cal(10);
  EXPECT_EQ(cal.year(2026), range(ymd(2025, 10, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(cal.quarter(2026, 1), range(ymd(2025, 10, 1), ymd(2025, 12, 31)));
  EXPECT_EQ(cal.quarter(2026, 2), range(ymd(2026, 1, 1), ymd(2026, 3, 31)));
  EXPECT_EQ(cal.quarter(2026, 4), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(cal.month(2026, 7), range(ymd(2026, 4, 1), ymd(2026, 4, 30)));
  EXPECT_EQ(cal.month(2024, 5), range(ymd(2024, 2, 1), ymd(2024, 2, 29)));
  EXPECT_EQ(cal.fiscalYearOf(ymd(2025, 9, 30)), 2025);
  EXPECT_EQ(cal.fiscalYearOf(ymd(2025, 10, 1)), 2026);
  EXPECT_EQ(cal.fiscalMonthOf(ymd(2025, 10, 1)), 1);
  EXPECT_EQ(cal.fiscalMonthOf(ymd(2026, 9, 30)), 12);
  EXPECT_EQ(cal.fiscalQuarterOf(ymd(2026, 9, 30)), 4);
  EXPECT_EQ(cal.fiscalQuarterOf(ymd(2025, 12, 31)), 1);
}

TEST(PeriodTest, PeriodsContainingADate) {
  const FiscalCalendar cal(10);
  EXPECT_EQ(cal.quarterContaining(ymd(2026, 8, 15)), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(cal.monthContaining(ymd(2024, 2, 10)), range(ymd(2024, 2, 1), ymd(2024, 2, 29)));
  EXPECT_EQ(cal.yearContaining(ymd(2025, 10, 1)), range(ymd(2025, 10, 1), ymd(2026, 9, 30)));
  const Period q = cal.quarterContaining(ymd(2026, 1, 1));
  EXPECT_EQ(q.days(), 90);
  EXPECT_TRUE(q.contains(ymd(2026, 3, 31)));
  EXPECT_FALSE(q.contains(ymd(2026, 4, 1)));
  EXPECT_FALSE(q.contains(ymd(2025, 12, 31)));
}

TEST(PeriodTest, NamesOfPeriods) {
  const FiscalCalendar feb(2);
  EXPECT_EQ(feb.nameOf(range(ymd(2026, 2, 1), ymd(2027, 1, 31))), "FY2027");
  EXPECT_EQ(feb.nameOf(range(ymd(2026, 11, 1), ymd(2027, 1, 31))), "FY2027-Q4");
  EXPECT_EQ(feb.nameOf(range(ymd(2026, 8, 1), ymd(2026, 8, 31))), "FY2027-M07");
  // A calendar quarter that is not a fiscal quarter of this calendar stays an explicit range.
  EXPECT_EQ(feb.nameOf(range(ymd(2026, 1, 1), ymd(2026, 3, 31))), "2026-01-01..2026-03-31");
  EXPECT_EQ(feb.nameOf(range(ymd(2026, 7, 1), ymd(2026, 9, 15))), "2026-07-01..2026-09-15");
  EXPECT_EQ(FiscalCalendar(1).nameOf(range(ymd(2026, 7, 1), ymd(2026, 9, 30))), "FY2026-Q3");
  EXPECT_EQ(FiscalCalendar(1).nameOf(range(ymd(2026, 7, 1), ymd(2026, 7, 31))), "FY2026-M07");
  EXPECT_EQ(FiscalCalendar(1).nameOf(range(ymd(2026, 7, 2), ymd(2026, 7, 31))), "2026-07-02..2026-07-31");
  EXPECT_EQ(range(ymd(2026, 7, 1), ymd(2026, 9, 30)).toString(), "2026-07-01..2026-09-30");
}

TEST(PeriodTest, NamesRoundTripThroughParsing) {
  for (int start : {1, 2, 10}) {
    const FiscalCalendar cal(start);
    for (int fy = 2024; fy <= 2027; ++fy) {
      std::vector<Period> all{cal.year(fy)};
      for (int q = 1; q <= 4; ++q) all.push_back(cal.quarter(fy, q));
      for (int m = 1; m <= 12; ++m) all.push_back(cal.month(fy, m));
      all.push_back(range(cal.year(fy).start.addDays(3), cal.year(fy).start.addDays(40)));
      for (const Period& p : all) {
        const std::string name = cal.nameOf(p);
        std::string why;
        const auto back = parsePeriod(name, cal, &why);
        ASSERT_TRUE(back) << name << ": " << why;
        EXPECT_EQ(*back, p) << name << " with start month " << start;
      }
    }
  }
}

TEST(PeriodParseTest, FiscalForms) {
  const FiscalCalendar jan(1);
  const FiscalCalendar feb(2);
  EXPECT_EQ(parsePeriod("FY2026", jan), range(ymd(2026, 1, 1), ymd(2026, 12, 31)));
  EXPECT_EQ(parsePeriod("FY2027", feb), range(ymd(2026, 2, 1), ymd(2027, 1, 31)));
  EXPECT_EQ(parsePeriod("FY2026-Q3", jan), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(parsePeriod("FY2027-Q3", feb), range(ymd(2026, 8, 1), ymd(2026, 10, 31)));
  EXPECT_EQ(parsePeriod("FY2026-M07", jan), range(ymd(2026, 7, 1), ymd(2026, 7, 31)));
  EXPECT_EQ(parsePeriod("FY2027-M07", feb), range(ymd(2026, 8, 1), ymd(2026, 8, 31)));
  EXPECT_EQ(parsePeriod("FY2026-M7", jan), range(ymd(2026, 7, 1), ymd(2026, 7, 31)));
  EXPECT_EQ(parsePeriod("fy2026-q3", jan), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
}

TEST(PeriodParseTest, CalendarMonthAndExplicitRange) {
  const FiscalCalendar feb(2);
  EXPECT_EQ(parsePeriod("2026-07", feb), range(ymd(2026, 7, 1), ymd(2026, 7, 31)));
  EXPECT_EQ(parsePeriod("2024-02", feb), range(ymd(2024, 2, 1), ymd(2024, 2, 29)));
  EXPECT_EQ(parsePeriod("2026-12", feb), range(ymd(2026, 12, 1), ymd(2026, 12, 31)));
  EXPECT_EQ(parsePeriod("2026-07-01..2026-09-30", feb), range(ymd(2026, 7, 1), ymd(2026, 9, 30)));
  EXPECT_EQ(parsePeriod("2026-07-01..2026-07-01", feb), range(ymd(2026, 7, 1), ymd(2026, 7, 1)));
  EXPECT_EQ(parsePeriod("2025-12-15..2026-01-15", feb), range(ymd(2025, 12, 15), ymd(2026, 1, 15)));
}

TEST(PeriodParseTest, ReasonsForBadFiscalText) {
  EXPECT_EQ(periodWhy("FY2026-Q5"), "\"FY2026-Q5\": quarter must be 1..4");
  EXPECT_EQ(periodWhy("FY2026-Q0"), "\"FY2026-Q0\": quarter must be 1..4");
  EXPECT_EQ(periodWhy("FY2026-Q10"), "\"FY2026-Q10\": quarter must be 1..4");
  EXPECT_EQ(periodWhy("FY2026-M13"), "\"FY2026-M13\": month must be 01..12");
  EXPECT_EQ(periodWhy("FY2026-M00"), "\"FY2026-M00\": month must be 01..12");
  EXPECT_EQ(periodWhy("FY0000"), "\"FY0000\": year must be 1..9999");
  const std::string forms = "expected FY2026, FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30";
  EXPECT_EQ(periodWhy("FY26"), "\"FY26\": " + forms);
  EXPECT_EQ(periodWhy("FY20266"), "\"FY20266\": " + forms);
  EXPECT_EQ(periodWhy("FY2026Q3"), "\"FY2026Q3\": " + forms);
  EXPECT_EQ(periodWhy("FY2026-X1"), "\"FY2026-X1\": " + forms);
  EXPECT_EQ(periodWhy("FY2026-Q"), "\"FY2026-Q\": " + forms);
  EXPECT_EQ(periodWhy("FY2026-M123"), "\"FY2026-M123\": " + forms);
  EXPECT_EQ(periodWhy("FY2026-Q3 "), "\"FY2026-Q3 \": " + forms);
}

TEST(PeriodParseTest, ReasonsForBadMonthsAndRanges) {
  EXPECT_EQ(periodWhy(""), "period is empty");
  EXPECT_EQ(periodWhy("2026-13"), "\"2026-13\": month must be 01..12");
  EXPECT_EQ(periodWhy("2026-00"), "\"2026-00\": month must be 01..12");
  EXPECT_EQ(periodWhy("0000-05"), "\"0000-05\": year must be 1..9999");
  EXPECT_EQ(periodWhy("2026-09-30..2026-07-01"), "\"2026-09-30..2026-07-01\": end is before start");
  EXPECT_EQ(periodWhy("2026-07-01..2026-02-30"), "\"2026-07-01..2026-02-30\": \"2026-02-30\" is not a valid date");
  EXPECT_EQ(periodWhy("2026-07-01.."), "\"2026-07-01..\": date is empty");
  EXPECT_EQ(periodWhy("..2026-07-01"), "\"..2026-07-01\": date is empty");
  EXPECT_EQ(periodWhy("2026-07-01..2026-09-30..2026-10-01"),
            "\"2026-07-01..2026-09-30..2026-10-01\": \"2026-09-30..2026-10-01\" is not a date (expected YYYY-MM-DD)");
  const std::string notAPeriod =
      " is not a period (expected FY2026, FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30)";
  EXPECT_EQ(periodWhy("Q3 2026"), "\"Q3 2026\"" + notAPeriod);
  EXPECT_EQ(periodWhy("2026"), "\"2026\"" + notAPeriod);
  EXPECT_EQ(periodWhy("2026-7"), "\"2026-7\"" + notAPeriod);
  EXPECT_EQ(periodWhy(" FY2026"), "\" FY2026\"" + notAPeriod);
  EXPECT_EQ(periodWhy("2026-07-01"), "\"2026-07-01\"" + notAPeriod);
  EXPECT_FALSE(parsePeriod("junk", FiscalCalendar(1)).has_value());
}

TEST(PeriodPrecedingTest, QuartersAcrossAYearBoundary) {
  const FiscalCalendar jan(1);
  const auto qs = precedingQuarters(jan, jan.quarter(2026, 1), 4);
  ASSERT_EQ(qs.size(), 4u);
  EXPECT_EQ(qs[0], range(ymd(2025, 4, 1), ymd(2025, 6, 30)));
  EXPECT_EQ(qs[1], range(ymd(2025, 7, 1), ymd(2025, 9, 30)));
  EXPECT_EQ(qs[2], range(ymd(2025, 10, 1), ymd(2025, 12, 31)));
  EXPECT_EQ(qs[3], range(ymd(2026, 1, 1), ymd(2026, 3, 31)));

  const FiscalCalendar feb(2);
  const auto fq = precedingQuarters(feb, feb.quarter(2027, 2), 3);
  ASSERT_EQ(fq.size(), 3u);
  EXPECT_EQ(fq[0], range(ymd(2025, 11, 1), ymd(2026, 1, 31)));
  EXPECT_EQ(fq[1], range(ymd(2026, 2, 1), ymd(2026, 4, 30)));
  EXPECT_EQ(fq[2], range(ymd(2026, 5, 1), ymd(2026, 7, 31)));
  EXPECT_EQ(feb.nameOf(fq[0]), "FY2026-Q4");

  const auto many = precedingQuarters(jan, jan.quarter(2026, 4), 9);
  ASSERT_EQ(many.size(), 9u);
  EXPECT_EQ(jan.nameOf(many[0]), "FY2024-Q4");
}

TEST(PeriodPrecedingTest, MonthsYearsAndOtherRanges) {
  const FiscalCalendar jan(1);
  const auto ms = precedingQuarters(jan, jan.month(2026, 2), 3);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0], range(ymd(2025, 12, 1), ymd(2025, 12, 31)));
  EXPECT_EQ(ms[1], range(ymd(2026, 1, 1), ymd(2026, 1, 31)));
  EXPECT_EQ(ms[2], range(ymd(2026, 2, 1), ymd(2026, 2, 28)));

  const FiscalCalendar oct(10);
  const auto ys = precedingQuarters(oct, oct.year(2026), 2);
  ASSERT_EQ(ys.size(), 2u);
  EXPECT_EQ(ys[0], range(ymd(2024, 10, 1), ymd(2025, 9, 30)));
  EXPECT_EQ(ys[1], range(ymd(2025, 10, 1), ymd(2026, 9, 30)));

  const auto windows = precedingQuarters(jan, range(ymd(2026, 1, 11), ymd(2026, 1, 20)), 2);
  ASSERT_EQ(windows.size(), 2u);
  EXPECT_EQ(windows[0], range(ymd(2026, 1, 1), ymd(2026, 1, 10)));
  EXPECT_EQ(windows[1], range(ymd(2026, 1, 11), ymd(2026, 1, 20)));
}

TEST(PeriodPrecedingTest, CountsOfZeroAndOne) {
  const FiscalCalendar jan(1);
  EXPECT_TRUE(precedingQuarters(jan, jan.quarter(2026, 1), 0).empty());
  EXPECT_TRUE(precedingQuarters(jan, jan.quarter(2026, 1), -3).empty());
  const auto one = precedingQuarters(jan, jan.quarter(2026, 3), 1);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0], jan.quarter(2026, 3));
}

}  // namespace
}  // namespace salesops
