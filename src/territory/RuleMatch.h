#pragma once
// Compiled rule conditions (TERRITORY.md): values parsed once, text normalised once (surrounding spaces
// dropped, ASCII letters lower-cased), numbers as int64 (employees; annual_revenue in minor units of the
// corporate currency), so matching an account never parses.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "territory/TerritoryModel.h"

namespace salesops::territory {

// Surrounding ASCII whitespace dropped and A-Z lower-cased; the form every text comparison uses.
std::string normalizeText(std::string_view text);
void normalizeInto(std::string_view text, std::string& out);

struct CompiledCondition {
  AccountField field = AccountField::Country;
  RuleOperator op = RuleOperator::Eq;
  std::vector<std::string> texts;     // text fields: eq/ne/contains one value; in/not_in/prefix the list
  std::vector<std::int64_t> numbers;  // numeric fields: eq/ne one value; in/not_in the list
  std::optional<std::int64_t> low;    // range on numbers, or on digit-only text bounds
  std::optional<std::int64_t> high;
  std::string textLow, textHigh;  // range on text whose bounds are not whole numbers
  bool numericTextRange = false;  // text field, both given bounds are whole numbers
};

// Throws Error(Data) naming `where` (model, territory, rule) and the value when a condition cannot be
// compiled: an operator that does not fit the field (prefix on employees), a number that is not one, a
// range without "..". minorDigits: decimals of the corporate currency, for annual_revenue values.
CompiledCondition compileCondition(const Condition& condition, int minorDigits, const std::string& where);

// An account's field values in the form conditions compare, computed on first use.
class AccountValues {
 public:
  void reset(const Account& account) noexcept {
    account_ = &account;
    ready_ = 0;
  }
  const Account& account() const noexcept { return *account_; }
  // Normalised text of a text field (empty when the account has none).
  const std::string& text(AccountField field);
  std::optional<std::int64_t> number(AccountField field) const noexcept;

 private:
  const Account* account_ = nullptr;
  std::uint32_t ready_ = 0;
  std::string texts_[8];
};

bool matches(const CompiledCondition& condition, AccountValues& values);

}  // namespace salesops::territory
