#include "territory/TerritoryModel.h"

#include <array>

namespace salesops::territory {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::string_view, N>& names, std::string_view text) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> kStatuses{"planning", "active", "archived"};
constexpr std::array<std::string_view, 8> kFields{"country",   "region",         "postal_code",  "industry",
                                                  "employees", "annual_revenue", "owner_rep_id", "name"};
constexpr std::array<std::string_view, 7> kOperators{"eq", "ne", "in", "not_in", "prefix", "range", "contains"};
constexpr std::array<std::string_view, 3> kSources{"rule", "named", "manual"};

}  // namespace

std::optional<ModelStatus> parseModelStatus(std::string_view text) noexcept {
  return lookup<ModelStatus>(kStatuses, text);
}
std::string_view toString(ModelStatus status) noexcept { return kStatuses[static_cast<std::size_t>(status)]; }
std::optional<AccountField> parseAccountField(std::string_view text) noexcept {
  return lookup<AccountField>(kFields, text);
}
std::string_view toString(AccountField field) noexcept { return kFields[static_cast<std::size_t>(field)]; }
std::optional<RuleOperator> parseRuleOperator(std::string_view text) noexcept {
  return lookup<RuleOperator>(kOperators, text);
}
std::string_view toString(RuleOperator op) noexcept { return kOperators[static_cast<std::size_t>(op)]; }
std::optional<AssignmentSource> parseAssignmentSource(std::string_view text) noexcept {
  return lookup<AssignmentSource>(kSources, text);
}
std::string_view toString(AssignmentSource source) noexcept { return kSources[static_cast<std::size_t>(source)]; }

bool isNumericField(AccountField field) noexcept {
  return field == AccountField::Employees || field == AccountField::AnnualRevenue;
}

const Territory* Model::find(std::string_view territoryId) const noexcept {
  for (const auto& t : territories) {
    if (t.id == territoryId) return &t;
  }
  return nullptr;
}

std::string fileRuleId(std::string_view ruleId, std::string_view negatedGroup) {
  std::string out(ruleId);
  if (!negatedGroup.empty()) {
    out += kNegatedGroupMark;
    out += negatedGroup;
  }
  return out;
}

std::pair<std::string, std::string> splitFileRuleId(std::string_view fileRuleId) {
  const std::size_t mark = fileRuleId.find(kNegatedGroupMark);
  if (mark == std::string_view::npos) return {std::string(fileRuleId), {}};
  return {std::string(fileRuleId.substr(0, mark)), std::string(fileRuleId.substr(mark + 1))};
}

}  // namespace salesops::territory
