#include <gtest/gtest.h>

#include "common/Error.h"
#include "territory/RuleMatch.h"

namespace salesops::territory {
namespace {

bool check(AccountField field, RuleOperator op, const std::string& value, const Account& account, int digits = 2) {
  const auto compiled = compileCondition({field, op, value}, digits, "test");
  AccountValues values;
  values.reset(account);
  return matches(compiled, values);
}

Account withCountry(const std::string& country) {
  Account a;
  a.country = country;
  return a;
}

TEST(TerritoryRules, TextEqualityIgnoresCaseAndSurroundingSpaces) {
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::Eq, "DE", withCountry(" de ")));
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::Eq, "  de", withCountry("DE")));
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::Eq, "DE", withCountry("D E")));
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::Ne, "de", withCountry("DE ")));
}

TEST(TerritoryRules, MissingValueMatchesOnlyNegativeConditions) {
  const Account empty;
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::Eq, "DE", empty));
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::In, "DE|FR", empty));
  EXPECT_FALSE(check(AccountField::PostalCode, RuleOperator::Prefix, "7", empty));
  EXPECT_FALSE(check(AccountField::Employees, RuleOperator::Range, "..100", empty));
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::Ne, "DE", empty));
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::NotIn, "DE|FR", empty));
  EXPECT_TRUE(check(AccountField::Employees, RuleOperator::Ne, "5", empty));
}

TEST(TerritoryRules, ListsAndPrefixes) {
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::In, "DE| AT |CH", withCountry("at")));
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::In, "DE|AT|CH", withCountry("FR")));
  EXPECT_TRUE(check(AccountField::Country, RuleOperator::NotIn, "DE|AT|CH", withCountry("FR")));
  EXPECT_FALSE(check(AccountField::Country, RuleOperator::NotIn, "DE|AT|CH", withCountry("ch")));
  Account paris;
  paris.postalCode = "75008";
  EXPECT_TRUE(check(AccountField::PostalCode, RuleOperator::Prefix, "69|75", paris));
  EXPECT_FALSE(check(AccountField::PostalCode, RuleOperator::Prefix, "69|76", paris));
  paris.name = "First National BANK of Paris";
  EXPECT_TRUE(check(AccountField::Name, RuleOperator::Contains, "bank", paris));
  EXPECT_FALSE(check(AccountField::Name, RuleOperator::Contains, "banque", paris));
}

TEST(TerritoryRules, NumberRangesAreInclusiveWithOpenSides) {
  Account a;
  for (auto [employees, expected] : {std::pair{99, false}, {100, true}, {499, true}, {500, false}}) {
    a.employees = employees;
    EXPECT_EQ(check(AccountField::Employees, RuleOperator::Range, "100..499", a), expected) << employees;
  }
  a.employees = 10;
  EXPECT_TRUE(check(AccountField::Employees, RuleOperator::Range, "..50", a));
  EXPECT_FALSE(check(AccountField::Employees, RuleOperator::Range, "1000..", a));
  EXPECT_TRUE(check(AccountField::Employees, RuleOperator::In, "5|10|20", a));
  EXPECT_TRUE(check(AccountField::Employees, RuleOperator::Eq, " 10 ", a));
}

TEST(TerritoryRules, AnnualRevenueBoundsAreMoneyInMinorUnits) {
  Account a;
  // "5000000.50" in a 2-decimal currency is 500000050 minor units; one cent more is out.
  a.annualRevenue = 500000050;
  EXPECT_TRUE(check(AccountField::AnnualRevenue, RuleOperator::Range, "1000000..5000000.50", a));
  a.annualRevenue = 500000051;
  EXPECT_FALSE(check(AccountField::AnnualRevenue, RuleOperator::Range, "1000000..5000000.50", a));
  // In a currency without decimals (JPY) "1000000" is 1000000 minor units.
  a.annualRevenue = 1000000;
  EXPECT_TRUE(check(AccountField::AnnualRevenue, RuleOperator::Range, "1000000..", a, 0));
  EXPECT_FALSE(check(AccountField::AnnualRevenue, RuleOperator::Range, "1000000..", a, 2));
}

TEST(TerritoryRules, PostalCodeRangeComparesDigitsAsNumbers) {
  Account a;
  a.postalCode = "15000";
  EXPECT_TRUE(check(AccountField::PostalCode, RuleOperator::Range, "10000..19999", a));
  a.postalCode = "01234";  // 1234 < 10000
  EXPECT_FALSE(check(AccountField::PostalCode, RuleOperator::Range, "10000..19999", a));
  EXPECT_TRUE(check(AccountField::PostalCode, RuleOperator::Range, "1000..1999", a));
  a.postalCode = "1500A";  // not a number: outside any numeric range
  EXPECT_FALSE(check(AccountField::PostalCode, RuleOperator::Range, "10000..19999", a));
  a.postalCode = "SW1A 1AA";  // text bounds compare as text: "sw" <= "sw1a 1aa" <= "sz"
  EXPECT_TRUE(check(AccountField::PostalCode, RuleOperator::Range, "SW..SZ", a));
  EXPECT_FALSE(check(AccountField::PostalCode, RuleOperator::Range, "A..M", a));
}

TEST(TerritoryRules, BadConditionsAreNamedWithTheirValue) {
  const auto message = [](AccountField f, RuleOperator op, const std::string& value) {
    try {
      compileCondition({f, op, value}, 2, "model M territory T rule R1");
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Data);
      return e.message();
    }
    return std::string("no error");
  };
  EXPECT_EQ(message(AccountField::Employees, RuleOperator::Prefix, "1"),
            "model M territory T rule R1: employees prefix \"1\": prefix applies to text fields, not to a number");
  EXPECT_NE(message(AccountField::Employees, RuleOperator::Eq, "ten").find("\"ten\" is not a whole number"),
            std::string::npos);
  EXPECT_NE(message(AccountField::Employees, RuleOperator::Range, "100").find("min..max"), std::string::npos);
  EXPECT_NE(message(AccountField::Employees, RuleOperator::Range, "500..100").find("lower bound is above"),
            std::string::npos);
  EXPECT_NE(message(AccountField::AnnualRevenue, RuleOperator::Range, "1.234..").find("decimals"), std::string::npos);
}

}  // namespace
}  // namespace salesops::territory
