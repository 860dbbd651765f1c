#include "common/Currency.h"

#include <gtest/gtest.h>

namespace salesops {
namespace {

TEST(CurrencyTest, CodesAreThreeUpperCaseLetters) {
  EXPECT_TRUE(isCurrencyCode("USD"));
  EXPECT_TRUE(isCurrencyCode("ZZZ"));
  EXPECT_FALSE(isCurrencyCode("usd"));
  EXPECT_FALSE(isCurrencyCode("Usd"));
  EXPECT_FALSE(isCurrencyCode("US"));
  EXPECT_FALSE(isCurrencyCode("USDX"));
  EXPECT_FALSE(isCurrencyCode("U1D"));
  EXPECT_FALSE(isCurrencyCode(" US"));
  EXPECT_FALSE(isCurrencyCode(""));
}

TEST(CurrencyTest, ZeroDigitCurrencies) {
  for (const char* code : {"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "XPF", "PYG", "RWF", "KMF", "GNF",
                           "BIF", "DJF", "VUV"}) {
    EXPECT_EQ(minorDigits(code), 0) << code;
  }
}

TEST(CurrencyTest, ThreeDigitCurrencies) {
  for (const char* code : {"BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD"}) {
    EXPECT_EQ(minorDigits(code), 3) << code;
  }
}

TEST(CurrencyTest, ClfHasFourAndEverythingElseTwo) {
  EXPECT_EQ(minorDigits("CLF"), 4);
  EXPECT_EQ(minorDigits("USD"), 2);
  EXPECT_EQ(minorDigits("EUR"), 2);
  EXPECT_EQ(minorDigits("GBP"), 2);
  EXPECT_EQ(minorDigits("CHF"), 2);
  EXPECT_EQ(minorDigits("ZZZ"), 2);
}

}  // namespace
}  // namespace salesops
