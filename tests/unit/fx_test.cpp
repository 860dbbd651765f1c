#include "common/Fx.h"

#include <gtest/gtest.h>

#include <limits>

#include "common/Error.h"

namespace salesops {
namespace {

Date ymd(int y, int m, int d) { return Date::fromCivil(y, m, d); }

Decimal rate(std::string_view text) {
  auto d = parseDecimal(text);
  EXPECT_TRUE(d) << text;
  return d.value_or(Decimal{});
}

TEST(FxTest, CorporateCurrencyConvertsOneToOne) {
  const FxTable fx("USD");
  EXPECT_EQ(fx.corporateCurrency(), "USD");
  EXPECT_TRUE(fx.knows("USD"));
  EXPECT_EQ(fx.toCorporate(12345, "USD", ymd(2026, 1, 1)), 12345);
  EXPECT_EQ(fx.toCorporate(-7, "USD", ymd(1990, 1, 1)), -7);
}

TEST(FxTest, UnknownCurrencyHasNoConversion) {
  FxTable fx("USD");
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.1"));
  EXPECT_TRUE(fx.knows("EUR"));
  EXPECT_FALSE(fx.knows("GBP"));
  EXPECT_FALSE(fx.toCorporate(100, "GBP", ymd(2026, 1, 1)).has_value());
}

TEST(FxTest, RateInForceOnTheDate) {
  FxTable fx("USD");
  // Added out of order on purpose: the table must sort them by date.
  fx.addRate("EUR", ymd(2026, 3, 1), rate("1.2"));
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.10"));
  fx.addRate("EUR", ymd(2026, 6, 1), rate("1.25"));
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 1, 1)), 11000);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 2, 28)), 11000);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 3, 1)), 12000);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 5, 31)), 12000);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 6, 1)), 12500);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2030, 1, 1)), 12500);
}

TEST(FxTest, DateBeforeTheFirstRateUsesTheFirst) {
  FxTable fx("USD");
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.10"));
  fx.addRate("EUR", ymd(2026, 3, 1), rate("1.20"));
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2025, 12, 31)), 11000);
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(1999, 1, 1)), 11000);
}

TEST(FxTest, SameDayRateReplacesTheEarlierOne) {
  FxTable fx("USD");
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.10"));
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.30"));
  EXPECT_EQ(fx.toCorporate(10000, "EUR", ymd(2026, 1, 5)), 13000);
}

TEST(FxTest, RatesMustBePositive) {
  FxTable fx("USD");
  EXPECT_THROW(fx.addRate("EUR", ymd(2026, 1, 1), Decimal{0, 0}), Error);
  EXPECT_THROW(fx.addRate("EUR", ymd(2026, 1, 1), Decimal{-11, 1}), Error);
  EXPECT_FALSE(fx.knows("EUR"));
}

TEST(FxTest, JpyToUsdRoundsHalfAwayFromZero) {
  FxTable fx("USD");
  fx.addRate("JPY", ymd(2026, 1, 1), rate("0.0067"));
  EXPECT_EQ(fx.toCorporate(1000, "JPY", ymd(2026, 2, 1)), 670);    // 6.70 USD
  EXPECT_EQ(fx.toCorporate(1234, "JPY", ymd(2026, 2, 1)), 827);    // 8.2678 -> 8.27
  EXPECT_EQ(fx.toCorporate(-1234, "JPY", ymd(2026, 2, 1)), -827);  // -8.2678 -> -8.27
  EXPECT_EQ(fx.toCorporate(1, "JPY", ymd(2026, 2, 1)), 1);         // 0.0067 -> 0.01
  EXPECT_EQ(fx.toCorporate(0, "JPY", ymd(2026, 2, 1)), 0);

  FxTable half("USD");
  half.addRate("JPY", ymd(2026, 1, 1), rate("0.005"));
  EXPECT_EQ(half.toCorporate(1, "JPY", ymd(2026, 1, 1)), 1);    // 0.005 -> 0.01
  EXPECT_EQ(half.toCorporate(-1, "JPY", ymd(2026, 1, 1)), -1);  // -0.005 -> -0.01
  EXPECT_EQ(half.toCorporate(3, "JPY", ymd(2026, 1, 1)), 2);    // 0.015 -> 0.02
  EXPECT_EQ(half.toCorporate(-3, "JPY", ymd(2026, 1, 1)), -2);
  EXPECT_EQ(half.toCorporate(2, "JPY", ymd(2026, 1, 1)), 1);  // exactly 0.01
}

TEST(FxTest, UsdToJpyRoundsToWholeYen) {
  FxTable fx("JPY");
  fx.addRate("USD", ymd(2026, 1, 1), rate("149.5"));
  EXPECT_EQ(fx.toCorporate(10000, "USD", ymd(2026, 1, 1)), 14950);  // 100.00 USD
  EXPECT_EQ(fx.toCorporate(1, "USD", ymd(2026, 1, 1)), 1);          // 1.495 -> 1
  EXPECT_EQ(fx.toCorporate(10, "USD", ymd(2026, 1, 1)), 15);        // 14.95 -> 15
  EXPECT_EQ(fx.toCorporate(-10, "USD", ymd(2026, 1, 1)), -15);
  EXPECT_EQ(fx.toCorporate(3, "USD", ymd(2026, 1, 1)), 4);  // 4.485 -> 4

  FxTable whole("JPY");
  whole.addRate("USD", ymd(2026, 1, 1), rate("150"));
  EXPECT_EQ(whole.toCorporate(1, "USD", ymd(2026, 1, 1)), 2);  // 1.5 -> 2
  EXPECT_EQ(whole.toCorporate(-1, "USD", ymd(2026, 1, 1)), -2);
}

TEST(FxTest, ThreeAndFourDigitCurrencies) {
  FxTable fx("USD");
  fx.addRate("KWD", ymd(2026, 1, 1), rate("3.25"));
  EXPECT_EQ(fx.toCorporate(1001, "KWD", ymd(2026, 1, 1)), 325);  // 3.25325 -> 3.25
  EXPECT_EQ(fx.toCorporate(1002, "KWD", ymd(2026, 1, 1)), 326);  // 3.2565 -> 3.26

  FxTable clf("CLF");
  clf.addRate("USD", ymd(2026, 1, 1), rate("0.0251"));
  EXPECT_EQ(clf.toCorporate(10000, "USD", ymd(2026, 1, 1)), 25100);  // 2.5100 CLF

  FxTable yen("JPY");
  yen.addRate("CLF", ymd(2026, 1, 1), rate("5800"));
  EXPECT_EQ(yen.toCorporate(15, "CLF", ymd(2026, 1, 1)), 9);  // 0.0015 CLF = 8.7 JPY -> 9
}

TEST(FxTest, EighteenDigitRatesStayExact) {
  FxTable fx("USD");
  fx.addRate("EUR", ymd(2026, 1, 1), rate("1.12345678901234567"));
  EXPECT_EQ(fx.toCorporate(100, "EUR", ymd(2026, 1, 1)), 112);
  EXPECT_EQ(fx.toCorporate(100000000000000, "EUR", ymd(2026, 1, 1)), 112345678901235);  // ...234.567 -> 235
  fx.addRate("GBP", ymd(2026, 1, 1), rate("0.123456789012345678"));
  EXPECT_EQ(fx.toCorporate(100, "GBP", ymd(2026, 1, 1)), 12);
  EXPECT_EQ(fx.toCorporate(-100000000000000, "GBP", ymd(2026, 1, 1)), -12345678901235);  // ...234.5678
}

TEST(FxTest, ResultsBeyondInt64AreRefused) {
  FxTable fx("USD");
  fx.addRate("EUR", ymd(2026, 1, 1), rate("2"));
  EXPECT_FALSE(fx.toCorporate(std::numeric_limits<std::int64_t>::max(), "EUR", ymd(2026, 1, 1)).has_value());
  EXPECT_FALSE(fx.toCorporate(std::numeric_limits<std::int64_t>::min(), "EUR", ymd(2026, 1, 1)).has_value());
  EXPECT_EQ(fx.toCorporate(std::numeric_limits<std::int64_t>::max() / 4, "EUR", ymd(2026, 1, 1)),
            std::numeric_limits<std::int64_t>::max() / 4 * 2);
}

}  // namespace
}  // namespace salesops
