#include "common/Decimal.h"

#include <gtest/gtest.h>

#include <limits>

namespace salesops {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

// The reason a money text is refused, or "accepted" so that a wrongly accepted text shows in the failure.
std::string moneyWhy(std::string_view text, int digits) {
  std::string why;
  if (parseMoney(text, digits, &why)) return "accepted";
  return why;
}

std::string decimalWhy(std::string_view text) {
  std::string why;
  if (parseDecimal(text, &why)) return "accepted";
  return why;
}

TEST(DecimalMoneyTest, ParsesIntoMinorUnits) {
  EXPECT_EQ(parseMoney("1234.5", 2), 123450);
  EXPECT_EQ(parseMoney("1234.56", 2), 123456);
  EXPECT_EQ(parseMoney("1234", 2), 123400);
  EXPECT_EQ(parseMoney("0.01", 2), 1);
  EXPECT_EQ(parseMoney("007.50", 2), 750);
  EXPECT_EQ(parseMoney("+3", 2), 300);
  EXPECT_EQ(parseMoney("-12.5", 2), -1250);
  EXPECT_EQ(parseMoney("-0.05", 2), -5);
  EXPECT_EQ(parseMoney("-0.00", 2), 0);
  EXPECT_EQ(parseMoney("0", 2), 0);
}

TEST(DecimalMoneyTest, ZeroDigitCurrency) {
  EXPECT_EQ(parseMoney("1000", 0), 1000);
  EXPECT_EQ(parseMoney("-7", 0), -7);
  EXPECT_EQ(moneyWhy("1000.5", 0), "must be a whole number");
  EXPECT_EQ(moneyWhy("1000.0", 0), "must be a whole number");
}

TEST(DecimalMoneyTest, ThreeAndFourDigitCurrencies) {
  EXPECT_EQ(parseMoney("0.125", 3), 125);
  EXPECT_EQ(parseMoney("12.5", 3), 12500);
  EXPECT_EQ(parseMoney("-1.001", 3), -1001);
  EXPECT_EQ(moneyWhy("1.2345", 3), "has more than 3 decimals");
  EXPECT_EQ(parseMoney("1.2345", 4), 12345);
  EXPECT_EQ(moneyWhy("1.23456", 4), "has more than 4 decimals");
}

TEST(DecimalMoneyTest, RejectsMoreDecimalsThanTheCurrencyHas) {
  EXPECT_EQ(moneyWhy("1.234", 2), "has more than 2 decimals");
  EXPECT_EQ(moneyWhy("-0.001", 2), "has more than 2 decimals");
  EXPECT_EQ(moneyWhy("1.230", 2), "has more than 2 decimals");
}

TEST(DecimalMoneyTest, RejectsEmptySpacesAndJunk) {
  EXPECT_EQ(moneyWhy("", 2), "is empty");
  EXPECT_EQ(moneyWhy(" 1", 2), "has spaces around it");
  EXPECT_EQ(moneyWhy("1 ", 2), "has spaces around it");
  EXPECT_EQ(moneyWhy("\t1", 2), "has spaces around it");
  EXPECT_EQ(moneyWhy("1e5", 2), "is not a number");
  EXPECT_EQ(moneyWhy("1E5", 2), "is not a number");
  EXPECT_EQ(moneyWhy("abc", 2), "is not a number");
  EXPECT_EQ(moneyWhy("12a", 2), "is not a number");
  EXPECT_EQ(moneyWhy("0x10", 2), "is not a number");
  EXPECT_EQ(moneyWhy("-", 2), "is not a number");
  EXPECT_EQ(moneyWhy("+", 2), "is not a number");
  EXPECT_EQ(moneyWhy("+-1", 2), "is not a number");
  EXPECT_EQ(moneyWhy("--1", 2), "is not a number");
  EXPECT_EQ(moneyWhy(".5", 2), "is not a number");
  EXPECT_EQ(moneyWhy("5.", 2), "is not a number");
  EXPECT_EQ(moneyWhy("1.2.3", 2), "is not a number");
  EXPECT_EQ(moneyWhy("1 000", 2), "is not a number");
  EXPECT_EQ(moneyWhy("$5", 2), "is not a number");
  EXPECT_EQ(moneyWhy(std::string_view("5\0", 2), 2), "is not a number");
  EXPECT_EQ(moneyWhy("1,000", 2), "is not a number (use '.' for decimals and no thousands separators)");
  EXPECT_EQ(moneyWhy("12,50", 2), "is not a number (use '.' for decimals and no thousands separators)");
}

TEST(DecimalMoneyTest, WhyMayBeOmitted) {
  EXPECT_FALSE(parseMoney("junk", 2).has_value());
  EXPECT_FALSE(parseDecimal("junk").has_value());
}

TEST(DecimalMoneyTest, Int64Limits) {
  EXPECT_EQ(parseMoney("92233720368547758.07", 2), kMax);
  EXPECT_EQ(parseMoney("-92233720368547758.08", 2), kMin);
  EXPECT_EQ(parseMoney("9223372036854775807", 0), kMax);
  EXPECT_EQ(parseMoney("-9223372036854775808", 0), kMin);
  EXPECT_EQ(moneyWhy("92233720368547758.08", 2), "is too large");
  EXPECT_EQ(moneyWhy("-92233720368547758.09", 2), "is too large");
  EXPECT_EQ(moneyWhy("9223372036854775808", 0), "is too large");
  EXPECT_EQ(parseMoney("92233720368547758", 2), 9223372036854775800);
  EXPECT_EQ(moneyWhy("92233720368547759", 2), "is too large");
  EXPECT_EQ(moneyWhy("99999999999999999999999999999999999999999", 2), "is too large");
  EXPECT_EQ(parseMoney("0000000000000000000000000000000000000001", 2), 100);
}

TEST(DecimalMoneyTest, FormatsWithExactlyTheCurrencyDigits) {
  EXPECT_EQ(formatMoney(123450, 2), "1234.50");
  EXPECT_EQ(formatMoney(-5, 2), "-0.05");
  EXPECT_EQ(formatMoney(5, 2), "0.05");
  EXPECT_EQ(formatMoney(0, 2), "0.00");
  EXPECT_EQ(formatMoney(-100, 2), "-1.00");
  EXPECT_EQ(formatMoney(1000, 0), "1000");
  EXPECT_EQ(formatMoney(-1000, 0), "-1000");
  EXPECT_EQ(formatMoney(0, 0), "0");
  EXPECT_EQ(formatMoney(125, 3), "0.125");
  EXPECT_EQ(formatMoney(7, 4), "0.0007");
  EXPECT_EQ(formatMoney(kMax, 2), "92233720368547758.07");
  EXPECT_EQ(formatMoney(kMin, 2), "-92233720368547758.08");
  EXPECT_EQ(formatMoney(kMin, 0), "-9223372036854775808");
}

TEST(DecimalMoneyTest, FormatThenParseRoundTrips) {
  for (int digits : {0, 2, 3, 4}) {
    for (std::int64_t v :
         {std::int64_t{0}, std::int64_t{1}, std::int64_t{-1}, std::int64_t{999}, std::int64_t{-12345}, kMax, kMin}) {
      EXPECT_EQ(parseMoney(formatMoney(v, digits), digits), v) << v << " with " << digits;
    }
  }
}

TEST(DecimalRoundingTest, HalfAwayFromZero) {
  EXPECT_EQ(divideRounded(5, 2), 3);
  EXPECT_EQ(divideRounded(-5, 2), -3);
  EXPECT_EQ(divideRounded(5, -2), -3);
  EXPECT_EQ(divideRounded(-5, -2), 3);
  EXPECT_EQ(divideRounded(15, 10), 2);
  EXPECT_EQ(divideRounded(-15, 10), -2);
  EXPECT_EQ(divideRounded(25, 10), 3);
  EXPECT_EQ(divideRounded(-25, 10), -3);
  EXPECT_EQ(divideRounded(14, 10), 1);
  EXPECT_EQ(divideRounded(-14, 10), -1);
  EXPECT_EQ(divideRounded(16, 10), 2);
  EXPECT_EQ(divideRounded(-16, 10), -2);
  EXPECT_EQ(divideRounded(1, 3), 0);
  EXPECT_EQ(divideRounded(-1, 3), 0);
  EXPECT_EQ(divideRounded(2, 3), 1);
  EXPECT_EQ(divideRounded(-2, 3), -1);
  EXPECT_EQ(divideRounded(0, 7), 0);
  EXPECT_EQ(divideRounded(12, 4), 3);
  EXPECT_EQ(divideRounded(-12, 4), -3);
}

TEST(DecimalRoundingTest, WideNumerators) {
  const __int128 ten = 10;
  EXPECT_EQ(divideRounded(static_cast<__int128>(kMax) * ten + 4, ten), kMax);
  EXPECT_EQ(divideRounded(static_cast<__int128>(kMin) * ten - 4, ten), kMin);
  EXPECT_EQ(divideRounded(static_cast<__int128>(kMin) * ten + 5, ten), kMin);
  EXPECT_EQ(divideRounded(static_cast<__int128>(kMin) * ten + 6, ten), kMin + 1);
  // 2^100 / 2^40 = 2^60, far beyond what int64 arithmetic could hold in between.
  const __int128 big = static_cast<__int128>(1) << 100;
  EXPECT_EQ(divideRounded(big, static_cast<__int128>(1) << 40), std::int64_t{1} << 60);
  EXPECT_EQ(divideRounded(-big - (static_cast<__int128>(1) << 39), static_cast<__int128>(1) << 40),
            -(std::int64_t{1} << 60) - 1);
}

TEST(DecimalRoundingTest, PowersOfTen) {
  EXPECT_EQ(pow10(0), 1);
  EXPECT_EQ(pow10(1), 10);
  EXPECT_EQ(pow10(2), 100);
  EXPECT_EQ(pow10(9), 1000000000);
  EXPECT_EQ(pow10(18), 1000000000000000000);
}

TEST(DecimalTest, ParsesExactValues) {
  auto d = parseDecimal("12.50");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 1250);
  EXPECT_EQ(d->scale, 2);
  d = parseDecimal("-0.001");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, -1);
  EXPECT_EQ(d->scale, 3);
  d = parseDecimal("+3");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 3);
  EXPECT_EQ(d->scale, 0);
  d = parseDecimal("0.000000000000000001");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 1);
  EXPECT_EQ(d->scale, 18);
  d = parseDecimal("123456789012345678");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->mantissa, 123456789012345678);
  d = parseDecimal("1.50000000000000000000");
  ASSERT_TRUE(d);
  EXPECT_EQ(*d, (Decimal{15, 1}));
}

TEST(DecimalTest, RejectsWithReasons) {
  EXPECT_EQ(decimalWhy(""), "is empty");
  EXPECT_EQ(decimalWhy(".5"), "is not a number");
  EXPECT_EQ(decimalWhy("5."), "is not a number");
  EXPECT_EQ(decimalWhy("1e5"), "is not a number");
  EXPECT_EQ(decimalWhy(" 5"), "has spaces around it");
  EXPECT_EQ(decimalWhy("1,5"), "is not a number (use '.' for decimals and no thousands separators)");
  EXPECT_EQ(decimalWhy("1234567890123456789"), "has too many digits (at most 18)");
  EXPECT_EQ(decimalWhy("0.0000000000000000001"), "has too many digits (at most 18)");
  EXPECT_EQ(decimalWhy("1.000000000000000001"), "has too many digits (at most 18)");
}

TEST(DecimalTest, ShortestText) {
  EXPECT_EQ((Decimal{55, 0}).toString(), "55");
  EXPECT_EQ((Decimal{125, 1}).toString(), "12.5");
  EXPECT_EQ((Decimal{1250, 2}).toString(), "12.5");
  EXPECT_EQ((Decimal{-1, 3}).toString(), "-0.001");
  EXPECT_EQ((Decimal{0, 0}).toString(), "0");
  EXPECT_EQ((Decimal{0, 4}).toString(), "0");
  EXPECT_EQ((Decimal{100, 2}).toString(), "1");
  EXPECT_EQ((Decimal{5500, 0}).toString(), "5500");
  EXPECT_EQ(parseDecimal("-0")->toString(), "0");
}

TEST(DecimalTest, EqualityIsByValue) {
  EXPECT_EQ((Decimal{150, 2}), (Decimal{15, 1}));
  EXPECT_EQ((Decimal{0, 3}), (Decimal{0, 0}));
  EXPECT_NE((Decimal{15, 1}), (Decimal{-15, 1}));
  EXPECT_NE((Decimal{1, 0}), (Decimal{10, 0}));
  EXPECT_NE((Decimal{1, 1}), (Decimal{1, 2}));
}

TEST(DecimalTest, ToDouble) {
  EXPECT_DOUBLE_EQ((Decimal{125, 1}).toDouble(), 12.5);
  EXPECT_DOUBLE_EQ((Decimal{-1, 3}).toDouble(), -0.001);
  EXPECT_DOUBLE_EQ((Decimal{42, 0}).toDouble(), 42.0);
}

}  // namespace
}  // namespace salesops
