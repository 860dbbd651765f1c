#pragma once
// Territory models as data (TERRITORY.md): a model's hierarchy, rules, named accounts and overlays, and the
// account fields rules read. Plain values with no I/O: services load them from a workbook, tests build them
// by hand, and the engines (RuleSet, AssignmentEngine, Rebalancer) read them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/Date.h"

namespace salesops::territory {

enum class ModelStatus : std::uint8_t { Planning, Active, Archived };
enum class AccountField : std::uint8_t {
  Country,
  Region,
  PostalCode,
  Industry,
  Employees,
  AnnualRevenue,
  OwnerRepId,
  Name
};
enum class RuleOperator : std::uint8_t { Eq, Ne, In, NotIn, Prefix, Range, Contains };
enum class AssignmentSource : std::uint8_t { Rule, Named, Manual };

std::optional<ModelStatus> parseModelStatus(std::string_view text) noexcept;
std::string_view toString(ModelStatus status) noexcept;
std::optional<AccountField> parseAccountField(std::string_view text) noexcept;
std::string_view toString(AccountField field) noexcept;
std::optional<RuleOperator> parseRuleOperator(std::string_view text) noexcept;
std::string_view toString(RuleOperator op) noexcept;
std::optional<AssignmentSource> parseAssignmentSource(std::string_view text) noexcept;
std::string_view toString(AssignmentSource source) noexcept;
bool isNumericField(AccountField field) noexcept;  // employees, annual_revenue

struct Condition {
  AccountField field = AccountField::Country;
  RuleOperator op = RuleOperator::Eq;
  std::string value;  // as written: a list is `|`-separated, a range is `min..max`
  // Empty: one of the rule's own conditions. Otherwise the name of a negated group of the rule: the rule
  // matches only when NOT every condition of that group matches (general NOT; a group of one condition
  // negates that condition). In territory_rules.csv the group is written into the rule_id as "RULE!GROUP".
  std::string negatedGroup = {};
};

inline constexpr char kNegatedGroupMark = '!';
// The rule_id of territory_rules.csv for a condition of `ruleId` in `negatedGroup` ("" = none): "R1" or "R1!G".
std::string fileRuleId(std::string_view ruleId, std::string_view negatedGroup);
// The reverse: {"R1", "G"} from "R1!G", {"R1", ""} from "R1".
std::pair<std::string, std::string> splitFileRuleId(std::string_view fileRuleId);

// Conditions of one rule are AND-ed (each negated group counting as one NOT-ed AND of its own conditions);
// the rules of one territory are OR-ed.
struct Rule {
  std::string id;
  std::vector<Condition> conditions;
};

struct Overlay {
  std::string repId;
  std::string role;
};

struct Territory {
  std::string id;
  std::string name;
  std::string parentId;  // empty at the top of the hierarchy
  std::string type;      // free text: region, district, territory
  std::int64_t priority = 0;
  std::string ownerRepId;  // empty when unowned
  std::vector<Overlay> overlays;
  std::vector<Rule> rules;
  std::vector<std::string> namedAccounts;  // account external ids
};

struct Model {
  std::string id;
  std::string name;
  ModelStatus status = ModelStatus::Planning;
  std::optional<Date> activeFrom;
  std::vector<Territory> territories;

  const Territory* find(std::string_view territoryId) const noexcept;
};

// The account columns rules read. annual_revenue is in minor units of the corporate currency.
struct Account {
  std::string id;
  std::string name;
  std::string industry;
  std::string country;
  std::string region;
  std::string postalCode;
  std::string ownerRepId;
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> annualRevenue;
};

}  // namespace salesops::territory
