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

// What a territory's rule list needs beyond each rule compiling: ids that are not empty and hold no '!', no id
// twice, no field and operator twice within one rule or NOT group (territory_rules.csv keys a condition by
// them). Throws Error(Data) starting with `where` and naming the rule.
void checkRuleList(const std::vector<Rule>& rules, const std::string& where);

// One rule compiled on its own: it matches when all its own conditions match and, for each NOT group, not
// every condition of the group matches. Throws Error(Data) naming `where` for a rule without conditions, a
// NOT group without a name, or a condition that does not compile. Immutable, so threads may share it.
class RuleMatcher {
 public:
  RuleMatcher(const Rule& rule, int minorDigits, const std::string& where);

  bool matches(AccountValues& values) const;
  // The name of the first NOT group (file order) all of whose conditions match, or nullptr.
  const std::string* excludingGroup(AccountValues& values) const;
  bool ownConditionsMatch(AccountValues& values) const;
  const std::vector<CompiledCondition>& ownConditions() const noexcept { return own_; }
  // How many of `accounts` the rule matches (the rule editor's live count).
  std::int64_t count(const std::vector<Account>& accounts) const;

 private:
  std::vector<CompiledCondition> own_;
  std::vector<std::vector<CompiledCondition>> groups_;
  std::vector<std::string> groupNames_;
};

}  // namespace salesops::territory
