#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/CrmDates.h"
#include "io/CrmNumbers.h"
#include "io/CrmValues.h"
#include "io/CsvReader.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using Order = DayMonthOrder;

std::string dateText(std::string_view text, Order order = Order::MonthFirst, int pivot = 69) {
  const auto cell = parseCrmDate(text, {order, pivot});
  if (!cell.hasValue()) return "<" + cell.reason + ">";
  return cell.value.toString();
}

std::string stampText(std::string_view text, Order order = Order::MonthFirst) {
  const auto cell = parseCrmDateTime(text, {order});
  if (!cell.hasValue()) return "<" + cell.reason + ">";
  return cell.value.utc.toString();
}

DateFormatGuess scanDates(const std::vector<std::string>& values, Order fallback = Order::MonthFirst) {
  DateColumnScanner scanner;
  std::int64_t line = 2;
  for (const auto& v : values) scanner.add(v, line++);
  return scanner.finish("close_date", fallback, "the profile's locale (mdy)");
}

NumberFormatGuess scanNumbers(const std::vector<std::string>& values, DecimalMark fallback = DecimalMark::Dot) {
  NumberColumnScanner scanner;
  std::int64_t line = 2;
  for (const auto& v : values) scanner.add(v, line++);
  return scanner.finish("Amount", fallback, "the profile's locale");
}

std::int64_t money(std::string_view text, DecimalMark mark = DecimalMark::Dot, std::string_view currency = "USD") {
  const auto cell = parseCrmMoney(text, mark, currency);
  EXPECT_TRUE(cell.hasValue()) << text << ": " << cell.reason;
  return cell.value.minorUnits;
}

std::string percent(std::string_view text, PercentScale scale, DecimalMark mark = DecimalMark::Dot) {
  const auto cell = parseCrmPercent(text, mark, scale);
  if (!cell.hasValue()) return "<" + cell.reason + ">";
  return cell.value.toString();
}

TEST(CrmDates, ReadsIsoAndYearFirstShapes) {
  EXPECT_EQ(dateText("2024-01-22"), "2024-01-22");
  EXPECT_EQ(dateText("2024/1/2"), "2024-01-02");
  EXPECT_EQ(dateText("2024.01.22"), "2024-01-22");
  EXPECT_EQ(dateText("  2024-01-22 "), "2024-01-22");
}

TEST(CrmDates, SalesforceTimestampBecomesUtc) {
  const auto cell = parseCrmDateTime("2024-01-22T16:14:25.000+0000");
  ASSERT_TRUE(cell.hasValue()) << cell.reason;
  EXPECT_EQ(cell.value.utc.toString(), "2024-01-22T16:14:25Z");
  EXPECT_TRUE(cell.value.hadOffset);
  EXPECT_TRUE(cell.value.hadTime);
  EXPECT_EQ(stampText("2026-03-04T11:30:00+02:00"), "2026-03-04T09:30:00Z");
  EXPECT_EQ(stampText("2026-03-04T09:30:00Z"), "2026-03-04T09:30:00Z");
  EXPECT_EQ(stampText("2026-03-04 04:30 -0500"), "2026-03-04T09:30:00Z");
  EXPECT_EQ(stampText("2026-03-04 09:30 UTC"), "2026-03-04T09:30:00Z");
  // A date field takes the UTC date of a timestamp.
  EXPECT_EQ(dateText("2024-01-22T23:30:00-05:00"), "2024-01-23");
}

TEST(CrmDates, TimeWithoutOffsetIsUtcAndSaysSo) {
  const auto cell = parseCrmDateTime("2024-01-22 16:14");
  ASSERT_TRUE(cell.hasValue());
  EXPECT_FALSE(cell.value.hadOffset);
  EXPECT_EQ(cell.value.utc.toString(), "2024-01-22T16:14:00Z");
  const auto plain = parseCrmDateTime("2024-01-22");
  EXPECT_FALSE(plain.value.hadTime);
  EXPECT_EQ(plain.value.utc.toString(), "2024-01-22T00:00:00Z");
}

TEST(CrmDates, DayMonthOrderComesFromTheCaller) {
  EXPECT_EQ(dateText("03/04/2024", Order::MonthFirst), "2024-03-04");
  EXPECT_EQ(dateText("03/04/2024", Order::DayFirst), "2024-04-03");
  EXPECT_EQ(dateText("3-4-2024", Order::DayFirst), "2024-04-03");
  EXPECT_EQ(dateText("13.04.2024", Order::DayFirst), "2024-04-13");
  EXPECT_EQ(dateText("3/1/2017", Order::MonthFirst), "2017-03-01");
  EXPECT_NE(dateText("13.04.2024", Order::MonthFirst).find("no month 13"), std::string::npos);
}

TEST(CrmDates, TwoDigitYearsUseThePivot) {
  EXPECT_EQ(dateText("3/4/24"), "2024-03-04");
  EXPECT_EQ(dateText("1/2/68"), "2068-01-02");
  EXPECT_EQ(dateText("1/2/69"), "1969-01-02");
  EXPECT_EQ(dateText("31.12.99", Order::DayFirst), "1999-12-31");
  EXPECT_EQ(dateText("1/2/45", Order::MonthFirst, 30), "1945-01-02");
  EXPECT_EQ(dateText("1/2/29", Order::MonthFirst, 30), "2029-01-02");
}

TEST(CrmDates, AmPm) {
  EXPECT_EQ(stampText("1/22/2024 12:30 AM"), "2024-01-22T00:30:00Z");
  EXPECT_EQ(stampText("1/22/2024 12:30 PM"), "2024-01-22T12:30:00Z");
  EXPECT_EQ(stampText("1/22/2024 1:05 pm"), "2024-01-22T13:05:00Z");
  EXPECT_EQ(stampText("1/22/2024 11:59:59 p.m."), "2024-01-22T23:59:59Z");
  EXPECT_EQ(stampText("22/01/2024 09:15", Order::DayFirst), "2024-01-22T09:15:00Z");
  EXPECT_NE(stampText("1/22/2024 13:00 PM").find("1..12"), std::string::npos);
  EXPECT_NE(stampText("1/22/2024 24:00").find("does not exist"), std::string::npos);
}

TEST(CrmDates, EnglishMonthNames) {
  EXPECT_EQ(dateText("22-Jan-2024"), "2024-01-22");
  EXPECT_EQ(dateText("22 January 2024"), "2024-01-22");
  EXPECT_EQ(dateText("Jan 22, 2024"), "2024-01-22");
  EXPECT_EQ(dateText("Sept 3, 2024"), "2024-09-03");
  EXPECT_EQ(stampText("Jan 22, 2024, 4:14 PM"), "2024-01-22T16:14:00Z");
  EXPECT_EQ(dateText("22-Jan-24", Order::DayFirst), "2024-01-22");
}

TEST(CrmDates, BadAndEmptyValues) {
  EXPECT_NE(dateText("2024-02-30").find("is not a valid date"), std::string::npos);
  EXPECT_NE(dateText("2023-02-29").find("is not a valid date"), std::string::npos);
  EXPECT_EQ(dateText("2024-02-29"), "2024-02-29");
  EXPECT_NE(dateText("soon").find("\"soon\" is not a date"), std::string::npos);
  EXPECT_NE(dateText("1/2/123").find("is not a date"), std::string::npos);
  EXPECT_NE(stampText("2024-01-22T16:14:25+25").find("offset"), std::string::npos);
  const auto blank = parseCrmDate("  ");
  EXPECT_TRUE(blank.isEmpty());
  EXPECT_EQ(blank.reason, "");
  const auto na = parseCrmDate("#N/A");
  EXPECT_TRUE(na.isEmpty());
  EXPECT_NE(na.reason.find("spreadsheet error"), std::string::npos);
}

TEST(CrmDates, AmbiguousColumnIsFlaggedNotGuessed) {
  const auto g = scanDates({"03/04/2024", "05/06/2024", "", "2024-01-02"});
  EXPECT_EQ(g.verdict, ColumnVerdict::Ambiguous);
  EXPECT_EQ(g.order, Order::MonthFirst);
  EXPECT_EQ(g.orderDependent, 2);
  EXPECT_NE(g.reason.find("ambiguous"), std::string::npos) << g.reason;
  EXPECT_NE(g.reason.find("the profile's locale"), std::string::npos) << g.reason;
  EXPECT_EQ(scanDates({"03/04/2024"}, Order::DayFirst).order, Order::DayFirst);
}

TEST(CrmDates, OneUnambiguousValueDecidesTheWholeColumn) {
  const auto dmy = scanDates({"03/04/2024", "05/06/2024", "13/04/2024"});
  EXPECT_EQ(dmy.verdict, ColumnVerdict::Decided);
  EXPECT_EQ(dmy.order, Order::DayFirst);
  EXPECT_EQ(dmy.dayFirstLine, 4);
  EXPECT_NE(dmy.reason.find("line 4"), std::string::npos) << dmy.reason;
  // Every value of the column is then read day-first, including the ones before the deciding line.
  EXPECT_EQ(dateText("03/04/2024", dmy.order), "2024-04-03");

  const auto mdy = scanDates({"04/13/2024", "03/04/2024"});
  EXPECT_EQ(mdy.verdict, ColumnVerdict::Decided);
  EXPECT_EQ(mdy.order, Order::MonthFirst);
  EXPECT_EQ(mdy.monthFirstLine, 2);
}

TEST(CrmDates, ConflictingColumnIsAnError) {
  const auto g = scanDates({"13/04/2024", "01/01/2024", "04/13/2024"});
  EXPECT_EQ(g.verdict, ColumnVerdict::Conflicting);
  EXPECT_NE(g.reason.find("line 2"), std::string::npos) << g.reason;
  EXPECT_NE(g.reason.find("line 4"), std::string::npos) << g.reason;
}

TEST(CrmDates, ColumnsThatNeedNoOrder) {
  EXPECT_EQ(scanDates({"2024-01-02", "2024-12-31"}).verdict, ColumnVerdict::NotNeeded);
  EXPECT_EQ(scanDates({"03/03/2024", "12/12/2024"}).verdict, ColumnVerdict::NotNeeded);
  EXPECT_EQ(scanDates({"", "#N/A"}).verdict, ColumnVerdict::NotNeeded);
}

TEST(CrmNumbers, MoneyWithSymbolsCodesAndSeparators) {
  const auto euro = parseCrmMoney("1.234,56 €", DecimalMark::Comma, "");
  ASSERT_TRUE(euro.hasValue()) << euro.reason;
  EXPECT_EQ(euro.value.minorUnits, 123456);
  EXPECT_EQ(euro.value.currency, "EUR");
  EXPECT_EQ(money("(1,234.00)"), -123400);
  EXPECT_EQ(money("$1,234"), 123400);
  EXPECT_EQ(parseCrmMoney("$1,234", DecimalMark::Dot, "").value.currency, "");
  const auto usd = parseCrmMoney("USD 1,234.56", DecimalMark::Dot, "EUR");
  EXPECT_EQ(usd.value.minorUnits, 123456);
  EXPECT_EQ(usd.value.currency, "USD");
  EXPECT_EQ(money("1234.56USD"), 123456);
  EXPECT_EQ(money("-$5.00"), -500);
  EXPECT_EQ(money("$-5.00"), -500);
  EXPECT_EQ(money("5.00-"), -500);
  EXPECT_EQ(money("\xE2\x88\x92"
                  "5"),
            -500);
  EXPECT_EQ(money("£ 12.5"), 1250);
  EXPECT_EQ(money("1\xC2\xA0"
                  "234,56",
                  DecimalMark::Comma),
            123456);
  EXPECT_EQ(money("1 234 567,8", DecimalMark::Comma), 123456780);
  EXPECT_EQ(money("1'234.50"), 123450);
  EXPECT_EQ(money(".5"), 50);
  EXPECT_EQ(money("1124741.15"), 112474115);
}

TEST(CrmNumbers, MinorDigitsFollowTheCurrency) {
  const auto yen = parseCrmMoney("¥1,234", DecimalMark::Dot, "USD");
  EXPECT_EQ(yen.value.minorUnits, 1234);
  EXPECT_EQ(yen.value.currency, "JPY");
  EXPECT_EQ(money("1.5", DecimalMark::Dot, "KWD"), 1500);
  EXPECT_EQ(money("10", DecimalMark::Dot, ""), 1000);
  const auto tooPrecise = parseCrmMoney("12.345", DecimalMark::Dot, "USD");
  EXPECT_TRUE(tooPrecise.isInvalid());
  EXPECT_NE(tooPrecise.reason.find("more than 2 decimals"), std::string::npos) << tooPrecise.reason;
}

TEST(CrmNumbers, SpreadsheetErrorsAreEmptyWithAReason) {
  for (const char* text : {"#N/A", "#VALUE!", "#REF!", "#DIV/0!", " #n/a "}) {
    const auto cell = parseCrmMoney(text, DecimalMark::Dot, "USD");
    EXPECT_TRUE(cell.isEmpty()) << text;
    EXPECT_NE(cell.reason.find("spreadsheet error value"), std::string::npos) << cell.reason;
  }
  const auto blank = parseCrmMoney("", DecimalMark::Dot, "USD");
  EXPECT_TRUE(blank.isEmpty());
  EXPECT_TRUE(blank.reason.empty());
}

TEST(CrmNumbers, BadMoneyIsRefusedWithAReason) {
  const auto grouping = parseCrmMoney("1,23", DecimalMark::Dot, "USD");
  EXPECT_TRUE(grouping.isInvalid());
  EXPECT_NE(grouping.reason.find("does not group thousands by three"), std::string::npos) << grouping.reason;
  EXPECT_NE(parseCrmMoney("1.2E+06", DecimalMark::Dot, "USD").reason.find("scientific"), std::string::npos);
  EXPECT_TRUE(parseCrmMoney("ten", DecimalMark::Dot, "USD").isInvalid());
  EXPECT_TRUE(parseCrmMoney("1.234.56", DecimalMark::Dot, "USD").isInvalid());
  EXPECT_TRUE(parseCrmMoney("10%", DecimalMark::Dot, "USD").isInvalid());
  EXPECT_TRUE(parseCrmMoney("$$5", DecimalMark::Dot, "USD").isInvalid());
  EXPECT_TRUE(parseCrmMoney("99999999999999999999", DecimalMark::Dot, "USD").isInvalid());
}

TEST(CrmNumbers, PlainNumbers) {
  const auto n = parseCrmNumber("1.234,5", DecimalMark::Comma);
  ASSERT_TRUE(n.hasValue());
  EXPECT_EQ(n.value.toString(), "1234.5");
  EXPECT_TRUE(parseCrmNumber("$5", DecimalMark::Dot).isInvalid());
}

TEST(CrmNumbers, Percentages) {
  EXPECT_EQ(percent("10%", PercentScale::Fraction), "10");
  EXPECT_EQ(percent("10 %", PercentScale::Points), "10");
  EXPECT_EQ(percent("0.1", PercentScale::Fraction), "10");
  EXPECT_EQ(percent("0.125", PercentScale::Fraction), "12.5");
  EXPECT_EQ(percent("10", PercentScale::Points), "10");
  EXPECT_EQ(percent("12,5 %", PercentScale::Points, DecimalMark::Comma), "12.5");
  EXPECT_EQ(percent("1", PercentScale::Fraction), "100");
  EXPECT_NE(percent("$10", PercentScale::Points).find("not a percentage"), std::string::npos);
}

TEST(CrmNumbers, PercentScaleIsDecidedOverTheColumn) {
  const auto fractions = scanNumbers({"0.1", "0.25", "1", "0"});
  EXPECT_EQ(fractions.scale, PercentScale::Fraction);
  EXPECT_NE(fractions.scaleReason.find("fractions"), std::string::npos);
  EXPECT_EQ(scanNumbers({"10", "20", "0.5"}).scale, PercentScale::Points);
  EXPECT_EQ(scanNumbers({"0", "1"}).scale, PercentScale::Points);  // whole numbers: points, as documented
  EXPECT_EQ(scanNumbers({"10%", "0.5"}).scale, PercentScale::Fraction);
  EXPECT_EQ(scanNumbers({"10%"}).scaleVerdict, ColumnVerdict::NotNeeded);
  EXPECT_EQ(scanNumbers({"0,5", "0,25"}).scale, PercentScale::Fraction);
}

TEST(CrmNumbers, DecimalMarkIsDecidedOverTheColumn) {
  const auto comma = scanNumbers({"1.234,56", "12"});
  EXPECT_EQ(comma.markVerdict, ColumnVerdict::Decided);
  EXPECT_EQ(comma.mark, DecimalMark::Comma);
  EXPECT_EQ(scanNumbers({"261,96"}).mark, DecimalMark::Comma);
  EXPECT_EQ(scanNumbers({"0,125"}).mark, DecimalMark::Comma);
  EXPECT_EQ(scanNumbers({"1,234.56"}).mark, DecimalMark::Dot);
  EXPECT_EQ(scanNumbers({"1,234,567"}).mark, DecimalMark::Dot);
  EXPECT_EQ(scanNumbers({"1.234.567"}, DecimalMark::Dot).mark, DecimalMark::Comma);
  EXPECT_EQ(scanNumbers({"100", "2500"}).markVerdict, ColumnVerdict::NotNeeded);

  const auto ambiguous = scanNumbers({"1,234", "5,000"}, DecimalMark::Comma);
  EXPECT_EQ(ambiguous.markVerdict, ColumnVerdict::Ambiguous);
  EXPECT_EQ(ambiguous.mark, DecimalMark::Comma);
  EXPECT_NE(ambiguous.markReason.find("\"1,234\" (line 2)"), std::string::npos) << ambiguous.markReason;

  const auto conflict = scanNumbers({"261,96", "x", "1,234.50"});
  EXPECT_EQ(conflict.markVerdict, ColumnVerdict::Conflicting);
  EXPECT_NE(conflict.markReason.find("line 2"), std::string::npos);
  EXPECT_NE(conflict.markReason.find("line 4"), std::string::npos);
}

TEST(CrmValues, BooleansAndBlanks) {
  for (const char* t : {"1", "true", "TRUE", "Yes", " yes "}) EXPECT_TRUE(parseCrmBool(t).value) << t;
  for (const char* t : {"0", "false", "False", "NO"}) {
    const auto cell = parseCrmBool(t);
    EXPECT_TRUE(cell.hasValue() && !cell.value) << t;
  }
  EXPECT_TRUE(parseCrmBool("").isEmpty());
  EXPECT_TRUE(parseCrmBool("#N/A").isEmpty());
  EXPECT_TRUE(parseCrmBool("maybe").isInvalid());
  EXPECT_TRUE(parseCrmBool("y").isInvalid());
  EXPECT_EQ(trimCell("\xC2\xA0 x \xE2\x80\xAF"), "x");
  EXPECT_EQ(trimCell("\xC2\xA0"), "");
  EXPECT_EQ(quoteCell(std::string(50, 'a')).size(), 2 + 40 + 3u);
}

// The whole column of a real file, scanned then read.
struct ColumnRead {
  DateFormatGuess guess;
  std::int64_t values = 0;
  std::int64_t invalid = 0;
  std::string firstInvalid;
};

ColumnRead readDateColumn(const std::filesystem::path& path, std::string_view column) {
  ColumnRead out;
  std::vector<std::pair<std::string, std::int64_t>> cells;
  {
    CsvReader reader(path);
    std::vector<std::string_view> fields;
    reader.next(fields);
    std::size_t index = 0;
    while (index < fields.size() && fields[index] != column) ++index;
    EXPECT_LT(index, fields.size()) << column;
    while (reader.next(fields)) {
      if (index < fields.size()) cells.emplace_back(std::string(fields[index]), reader.recordLine());
    }
  }
  DateColumnScanner scanner;
  for (const auto& [text, line] : cells) scanner.add(text, line);
  out.guess = scanner.finish(column, Order::DayFirst, "the test's fallback (dmy)");
  for (const auto& [text, line] : cells) {
    const auto cell = parseCrmDateTime(text, {out.guess.order});
    if (cell.hasValue()) ++out.values;
    if (cell.isInvalid() && out.invalid++ == 0) out.firstInvalid = cell.reason;
  }
  return out;
}

TEST(CrmDatasets, MavenExcelResaveIsMonthFirstOverTheColumn) {
  SALESOPS_REQUIRE_DATASETS();
  const auto file = testing::datasetsDir() / "maven-crm" / "variant_excel_resaved_us_dates" / "sales_pipeline.csv";
  for (const char* column : {"engage_date", "close_date"}) {
    const auto read = readDateColumn(file, column);
    EXPECT_EQ(read.guess.verdict, ColumnVerdict::Decided) << read.guess.reason;
    EXPECT_EQ(read.guess.order, Order::MonthFirst) << read.guess.reason;
    EXPECT_GT(read.values, 6000);
    EXPECT_EQ(read.invalid, 0) << read.firstInvalid;
  }
  const auto original = readDateColumn(testing::datasetsDir() / "maven-crm" / "sales_pipeline.csv", "close_date");
  EXPECT_EQ(original.guess.verdict, ColumnVerdict::NotNeeded);
  EXPECT_EQ(original.invalid, 0) << original.firstInvalid;
}

TEST(CrmDatasets, SuperstoreUsDatesAndSalesforceTimestamps) {
  SALESOPS_REQUIRE_DATASETS();
  const auto superstore =
      readDateColumn(testing::datasetsDir() / "superstore" / "Sample - Superstore.csv", "Order Date");
  EXPECT_EQ(superstore.guess.order, Order::MonthFirst) << superstore.guess.reason;
  EXPECT_EQ(superstore.values, 9994);
  EXPECT_EQ(superstore.invalid, 0) << superstore.firstInvalid;

  const auto created =
      readDateColumn(testing::datasetsDir() / "salesforce-dataloader" / "Opportunity.csv", "CreatedDate");
  EXPECT_EQ(created.guess.verdict, ColumnVerdict::NotNeeded);
  EXPECT_GT(created.values, 0);
  EXPECT_EQ(created.invalid, 0) << created.firstInvalid;
}

}  // namespace
}  // namespace salesops
