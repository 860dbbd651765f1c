#include "territory/RuleMatch.h"

#include <algorithm>
#include <charconv>

#include "common/Decimal.h"
#include "common/Error.h"

namespace salesops::territory {
namespace {

bool isSpace(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::vector<std::string_view> splitList(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t bar = text.find('|', start);
    parts.push_back(text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    if (bar == std::string_view::npos) return parts;
    start = bar + 1;
  }
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

// A whole number made of digits only (postal codes "01234"); nullopt for anything else.
std::optional<std::int64_t> digitsValue(std::string_view text) noexcept {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

class Compiler {
 public:
  Compiler(const Condition& c, int minorDigits, const std::string& where)
      : c_(c), minorDigits_(minorDigits), where_(where) {}

  CompiledCondition run() {
    out_.field = c_.field;
    out_.op = c_.op;
    const bool numeric = isNumericField(c_.field);
    switch (c_.op) {
      case RuleOperator::Eq:
      case RuleOperator::Ne:
        if (numeric) {
          out_.numbers.push_back(number(c_.value));
        } else {
          out_.texts.push_back(normalizeText(c_.value));
        }
        break;
      case RuleOperator::In:
      case RuleOperator::NotIn:
      case RuleOperator::Prefix:
        if (numeric && c_.op == RuleOperator::Prefix) fail("prefix applies to text fields, not to a number");
        for (std::string_view part : splitList(c_.value)) {
          if (numeric) {
            out_.numbers.push_back(number(part));
          } else {
            out_.texts.push_back(normalizeText(part));
          }
        }
        break;
      case RuleOperator::Contains:
        if (numeric) fail("contains applies to text fields, not to a number");
        out_.texts.push_back(normalizeText(c_.value));
        if (out_.texts.back().empty()) fail("contains needs a text to look for");
        break;
      case RuleOperator::Range:
        range(numeric);
        break;
    }
    return std::move(out_);
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw Error(ErrorKind::Data, where_ + ": " + std::string(toString(c_.field)) + " " + std::string(toString(c_.op)) +
                                     " \"" + c_.value + "\": " + why);
  }

  std::int64_t number(std::string_view text) const {
    text = trim(text);
    std::string why;
    if (c_.field == AccountField::AnnualRevenue) {
      const auto minor = parseMoney(text, minorDigits_, &why);
      if (!minor) fail(why.empty() ? "not an amount" : why);
      return *minor;
    }
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) {
      fail("\"" + std::string(text) + "\" is not a whole number");
    }
    return v;
  }

  void range(bool numeric) {
    const std::size_t dots = c_.value.find("..");
    if (dots == std::string::npos) fail("a range is written min..max (either side may be empty)");
    const std::string_view low = trim(std::string_view(c_.value).substr(0, dots));
    const std::string_view high = trim(std::string_view(c_.value).substr(dots + 2));
    if (low.empty() && high.empty()) fail("a range needs at least one bound");
    if (numeric) {
      if (!low.empty()) out_.low = number(low);
      if (!high.empty()) out_.high = number(high);
    } else {
      const auto lowDigits = digitsValue(low), highDigits = digitsValue(high);
      out_.numericTextRange = (low.empty() || lowDigits) && (high.empty() || highDigits);
      if (out_.numericTextRange) {
        out_.low = lowDigits;
        out_.high = highDigits;
      } else {
        out_.textLow = normalizeText(low);
        out_.textHigh = normalizeText(high);
      }
    }
    if (out_.low && out_.high && *out_.low > *out_.high) fail("the lower bound is above the upper bound");
    if (!out_.numericTextRange && !numeric && !low.empty() && !high.empty() && out_.textLow > out_.textHigh)
      fail("the lower bound is above the upper bound");
  }

  const Condition& c_;
  int minorDigits_;
  const std::string& where_;
  CompiledCondition out_;
};

bool anyEqual(const std::vector<std::string>& list, const std::string& value) noexcept {
  for (const auto& v : list) {
    if (v == value) return true;
  }
  return false;
}

bool anyEqual(const std::vector<std::int64_t>& list, std::int64_t value) noexcept {
  for (auto v : list) {
    if (v == value) return true;
  }
  return false;
}

bool inRange(std::optional<std::int64_t> low, std::optional<std::int64_t> high, std::int64_t v) noexcept {
  return (!low || v >= *low) && (!high || v <= *high);
}

}  // namespace

void normalizeInto(std::string_view text, std::string& out) {
  text = trim(text);
  out.assign(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

std::string normalizeText(std::string_view text) {
  std::string out;
  normalizeInto(text, out);
  return out;
}

CompiledCondition compileCondition(const Condition& condition, int minorDigits, const std::string& where) {
  return Compiler(condition, minorDigits, where).run();
}

const std::string& AccountValues::text(AccountField field) {
  const auto i = static_cast<std::size_t>(field);
  if ((ready_ & (1u << i)) == 0) {
    const Account& a = *account_;
    std::string_view raw;
    switch (field) {
      case AccountField::Country:
        raw = a.country;
        break;
      case AccountField::Region:
        raw = a.region;
        break;
      case AccountField::PostalCode:
        raw = a.postalCode;
        break;
      case AccountField::Industry:
        raw = a.industry;
        break;
      case AccountField::OwnerRepId:
        raw = a.ownerRepId;
        break;
      case AccountField::Name:
        raw = a.name;
        break;
      case AccountField::Employees:
      case AccountField::AnnualRevenue:
        break;
    }
    normalizeInto(raw, texts_[i]);
    ready_ |= 1u << i;
  }
  return texts_[i];
}

std::optional<std::int64_t> AccountValues::number(AccountField field) const noexcept {
  return field == AccountField::Employees ? account_->employees : account_->annualRevenue;
}

bool matches(const CompiledCondition& c, AccountValues& values) {
  // An account without a value matches no positive condition and every negative one (ne, not_in).
  if (isNumericField(c.field)) {
    const auto v = values.number(c.field);
    switch (c.op) {
      case RuleOperator::Eq:
      case RuleOperator::In:
        return v && anyEqual(c.numbers, *v);
      case RuleOperator::Ne:
      case RuleOperator::NotIn:
        return !v || !anyEqual(c.numbers, *v);
      case RuleOperator::Range:
        return v && inRange(c.low, c.high, *v);
      case RuleOperator::Prefix:
      case RuleOperator::Contains:
        return false;  // rejected when compiling
    }
    return false;
  }
  const std::string& v = values.text(c.field);
  switch (c.op) {
    case RuleOperator::Eq:
    case RuleOperator::In:
      return !v.empty() && anyEqual(c.texts, v);
    case RuleOperator::Ne:
    case RuleOperator::NotIn:
      return v.empty() || !anyEqual(c.texts, v);
    case RuleOperator::Prefix:
      if (v.empty()) return false;
      for (const auto& p : c.texts) {
        if (v.compare(0, p.size(), p) == 0) return true;
      }
      return false;
    case RuleOperator::Contains:
      return !v.empty() && v.find(c.texts.front()) != std::string::npos;
    case RuleOperator::Range:
      if (v.empty()) return false;
      if (c.numericTextRange) {
        const auto n = digitsValue(v);
        return n && inRange(c.low, c.high, *n);
      }
      return (c.textLow.empty() || v >= c.textLow) && (c.textHigh.empty() || v <= c.textHigh);
  }
  return false;
}

namespace {
bool allMatch(const std::vector<CompiledCondition>& conditions, AccountValues& values) {
  for (const auto& c : conditions) {
    if (!matches(c, values)) return false;
  }
  return true;
}
}  // namespace

void checkRuleList(const std::vector<Rule>& rules, const std::string& where) {
  for (std::size_t r = 0; r < rules.size(); ++r) {
    const std::string rule = where + " rule " + rules[r].id;
    if (rules[r].id.empty()) throw Error(ErrorKind::Data, where + ": every rule needs an id");
    if (rules[r].id.find(kNegatedGroupMark) != std::string::npos)
      throw Error(ErrorKind::Data, rule + ": a rule id may not contain '!' (it marks a NOT group in the file)");
    for (std::size_t other = 0; other < r; ++other) {
      if (rules[other].id == rules[r].id) throw Error(ErrorKind::Data, rule + ": two rules have this id");
    }
    const auto& conditions = rules[r].conditions;
    for (std::size_t c = 0; c < conditions.size(); ++c) {
      for (std::size_t d = 0; d < c; ++d) {
        if (conditions[d].field == conditions[c].field && conditions[d].op == conditions[c].op &&
            conditions[d].negatedGroup == conditions[c].negatedGroup)
          throw Error(ErrorKind::Data, rule + ": " + std::string(toString(conditions[c].field)) + " " +
                                           std::string(toString(conditions[c].op)) +
                                           " is used twice; put both values in one list (in / prefix)");
      }
    }
  }
}

RuleMatcher::RuleMatcher(const Rule& rule, int minorDigits, const std::string& where) {
  if (rule.conditions.empty()) throw Error(ErrorKind::Data, where + ": the rule has no conditions");
  for (const auto& c : rule.conditions) {
    CompiledCondition compiled = compileCondition(c, minorDigits, where);
    if (c.negatedGroup.empty()) {
      own_.push_back(std::move(compiled));
      continue;
    }
    if (c.negatedGroup.find(kNegatedGroupMark) != std::string::npos)
      throw Error(ErrorKind::Data, where + ": NOT group \"" + c.negatedGroup + "\" may not contain '!'");
    const auto found = std::find(groupNames_.begin(), groupNames_.end(), c.negatedGroup);
    if (found == groupNames_.end()) {
      groupNames_.push_back(c.negatedGroup);
      groups_.push_back({std::move(compiled)});
    } else {
      groups_[static_cast<std::size_t>(found - groupNames_.begin())].push_back(std::move(compiled));
    }
  }
}

bool RuleMatcher::ownConditionsMatch(AccountValues& values) const { return allMatch(own_, values); }

const std::string* RuleMatcher::excludingGroup(AccountValues& values) const {
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    if (allMatch(groups_[g], values)) return &groupNames_[g];
  }
  return nullptr;
}

bool RuleMatcher::matches(AccountValues& values) const {
  return allMatch(own_, values) && excludingGroup(values) == nullptr;
}

std::int64_t RuleMatcher::count(const std::vector<Account>& accounts) const {
  AccountValues values;
  std::int64_t n = 0;
  for (const auto& a : accounts) {
    values.reset(a);
    n += matches(values) ? 1 : 0;
  }
  return n;
}

}  // namespace salesops::territory
