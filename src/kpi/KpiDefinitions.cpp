#include "kpi/KpiDefinitions.h"

#include "common/Error.h"

namespace salesops {
namespace {

using C = KpiDefinitionChoices;

// Each option as an index into its values; setters take the index. One table keeps names, values and
// fields in step.
struct OptionAccess {
  std::string_view name;
  std::vector<std::string_view> values;
  std::size_t (*get)(const C&);
  void (*set)(C&, std::size_t);
};

template <typename E>
constexpr std::size_t indexOf(E e) noexcept {
  return static_cast<std::size_t>(e);
}

const std::vector<OptionAccess>& access() {
  static const std::vector<OptionAccess> all = {
      {"win_rate_basis",
       {"count", "value"},
       [](const C& c) { return indexOf(c.winRateBasis); },
       [](C& c, std::size_t i) { c.winRateBasis = static_cast<C::WinRateBasis>(i); }},
      {"closed_set",
       {"snapshot", "cohort"},
       [](const C& c) { return indexOf(c.closedSet); },
       [](C& c, std::size_t i) { c.closedSet = static_cast<C::ClosedSet>(i); }},
      {"cycle_set",
       {"won_only", "all_closed"},
       [](const C& c) { return indexOf(c.cycleSet); },
       [](C& c, std::size_t i) { c.cycleSet = static_cast<C::CycleSet>(i); }},
      {"cycle_statistic",
       {"mean", "median"},
       [](const C& c) { return indexOf(c.cycleStatistic); },
       [](C& c, std::size_t i) { c.cycleStatistic = static_cast<C::CycleStatistic>(i); }},
      {"coverage_base",
       {"remaining_quota", "full_quota"},
       [](const C& c) { return indexOf(c.coverageBase); },
       [](C& c, std::size_t i) { c.coverageBase = static_cast<C::CoverageBase>(i); }},
      {"accuracy_base",
       {"actual", "forecast"},
       [](const C& c) { return indexOf(c.accuracyBase); },
       [](C& c, std::size_t i) { c.accuracyBase = static_cast<C::AccuracyBase>(i); }},
  };
  return all;
}

std::string joined(const std::vector<std::string_view>& items) {
  std::string out;
  for (const auto item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

const OptionAccess& find(std::string_view name) {
  std::vector<std::string_view> names;
  for (const auto& option : access()) {
    if (option.name == name) return option;
    names.push_back(option.name);
  }
  throw Error(ErrorKind::Usage, "unknown KPI definition '" + std::string(name) + "' (one of: " + joined(names) + ")");
}

}  // namespace

std::vector<KpiDefinitionOption> definitionOptions(const KpiDefinitionChoices& choices) {
  std::vector<KpiDefinitionOption> out;
  for (const auto& option : access()) out.push_back({option.name, option.values, option.get(choices)});
  return out;
}

void setDefinition(KpiDefinitionChoices& choices, std::string_view name, std::size_t valueIndex) {
  const OptionAccess& option = find(name);
  if (valueIndex >= option.values.size())
    throw Error(ErrorKind::Usage,
                "KPI definition " + std::string(name) + " has no value number " + std::to_string(valueIndex));
  option.set(choices, valueIndex);
}

void applyDefinition(KpiDefinitionChoices& choices, std::string_view assignment) {
  const auto equals = assignment.find('=');
  if (equals == std::string_view::npos)
    throw Error(ErrorKind::Usage, "--definition wants NAME=VALUE, got '" + std::string(assignment) + "'");
  const std::string_view name = assignment.substr(0, equals), value = assignment.substr(equals + 1);
  const OptionAccess& option = find(name);
  for (std::size_t i = 0; i < option.values.size(); ++i) {
    if (option.values[i] == value) {
      option.set(choices, i);
      return;
    }
  }
  throw Error(ErrorKind::Usage, "KPI definition " + std::string(name) + " cannot be '" + std::string(value) +
                                    "' (one of: " + joined(option.values) + ")");
}

std::string describeNonDefault(const KpiDefinitionChoices& choices) {
  std::string out;
  for (const auto& option : access()) {
    const std::size_t current = option.get(choices);
    if (current == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::string(option.name) + "=" + std::string(option.values[current]);
  }
  return out;
}

}  // namespace salesops
