#include "comp/CompPlanParser.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>

#include "common/Decimal.h"
#include "common/Error.h"
#include "comp/ExactMoney.h"

namespace salesops::comp {
namespace {

using Json = nlohmann::json;

class Reader {
 public:
  explicit Reader(std::string source, int minorDigits) : source_(std::move(source)), minorDigits_(minorDigits) {}

  [[noreturn]] void fail(const std::string& path, const std::string& message) const {
    throw Error(ErrorKind::Data, message, Location{source_, 0, path.empty() ? "(plan)" : path});
  }

  void onlyKeys(const Json& object, const std::string& path, std::initializer_list<const char*> keys) const {
    if (!object.is_object()) fail(path, "must be a JSON object");
    const std::set<std::string> allowed(keys.begin(), keys.end());
    for (const auto& [key, value] : object.items()) {
      if (!allowed.count(key)) fail(join(path, key), "unknown key (a typo?)");
    }
  }

  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  const Json* find(const Json& object, const char* key) const {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }

  const Json& need(const Json& object, const std::string& path, const char* key) const {
    const Json* value = find(object, key);
    if (!value) fail(join(path, key), "is required");
    return *value;
  }

  std::string text(const Json& value, const std::string& path) const {
    if (!value.is_string()) fail(path, "must be a string");
    return value.get<std::string>();
  }

  // A decimal written as a string ("0.06") or, for attainment thresholds, a JSON number (0.5). A number is
  // read through its shortest round-trip text, so 0.1 stays exactly one tenth.
  Decimal decimal(const Json& value, const std::string& path, bool numberAllowed) const {
    std::string textValue;
    if (value.is_string()) {
      textValue = value.get<std::string>();
    } else if (numberAllowed && value.is_number()) {
      if (value.is_number_integer()) {
        textValue = std::to_string(value.get<std::int64_t>());
      } else {
        char buffer[64];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, value.get<double>());
        textValue.assign(buffer, result.ptr);
        if (textValue.find_first_of("eE") != std::string::npos) fail(path, "is not a plain decimal number");
      }
    } else {
      fail(path, numberAllowed ? "must be a decimal number" : "must be a decimal string such as \"0.06\"");
    }
    std::string why;
    const auto parsed = parseDecimal(textValue, &why);
    if (!parsed) fail(path, "\"" + textValue + "\": " + why);
    return *parsed;
  }

  std::int64_t money(const Json& value, const std::string& path) const {
    if (!value.is_string()) fail(path, "must be a money string such as \"5000.00\"");
    std::string why;
    const auto parsed = parseMoney(value.get<std::string>(), minorDigits_, &why);
    if (!parsed) fail(path, "\"" + value.get<std::string>() + "\": " + why);
    if (*parsed < 0) fail(path, "must not be negative");
    return *parsed;
  }

  std::int64_t scaled(const Decimal& d, int digits, const std::string& path) const {
    const auto value = toScaled(d, digits);
    if (!value) fail(path, "\"" + d.toString() + "\" has more than " + std::to_string(digits) + " decimals");
    if (*value < 0) fail(path, "must not be negative");
    return *value;
  }

  Date date(const Json& value, const std::string& path) const {
    std::string why;
    const auto parsed = parseDate(text(value, path), &why);
    if (!parsed) fail(path, why);
    return *parsed;
  }

  const std::string& source() const { return source_; }

 private:
  std::string source_;
  int minorDigits_;
};

void readTiers(const Reader& r, const Json& rates, const std::string& path, Component& c) {
  r.onlyKeys(rates, path, {"semantics", "tiers"});
  const std::string semantics = r.text(r.need(rates, path, "semantics"), Reader::join(path, "semantics"));
  if (semantics == "marginal") {
    c.semantics = TierSemantics::Marginal;
  } else if (semantics == "retroactive") {
    c.semantics = TierSemantics::Retroactive;
  } else {
    r.fail(Reader::join(path, "semantics"), "\"" + semantics + "\" is not marginal or retroactive");
  }
  const std::string tiersPath = Reader::join(path, "tiers");
  const Json& tiers = r.need(rates, path, "tiers");
  if (!tiers.is_array() || tiers.empty()) r.fail(tiersPath, "must be a non-empty array");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const std::string at = tiersPath + "[" + std::to_string(i) + "]";
    r.onlyKeys(tiers[i], at, {"from", "rate"});
    const Decimal from = r.decimal(r.need(tiers[i], at, "from"), at + ".from", true);
    Tier tier{r.scaled(from, 6, at + ".from"),
              r.scaled(r.decimal(r.need(tiers[i], at, "rate"), at + ".rate", false), 9, at + ".rate")};
    if (i == 0 && tier.fromMicro != 0) r.fail(at + ".from", "the first tier must start at 0");
    if (i > 0 && tier.fromMicro <= c.tiers.back().fromMicro) {
      r.fail(at + ".from",
             "must be greater than the previous tier's " + Decimal{c.tiers.back().fromMicro, 6}.toString());
    }
    c.tiers.push_back(tier);
  }
}

Component readComponent(const Reader& r, const Json& json, const std::string& path) {
  Component c;
  if (!json.is_object()) r.fail(path, "must be a JSON object");
  c.id = r.text(r.need(json, path, "id"), path + ".id");
  if (c.id.empty()) r.fail(path + ".id", "must not be empty");
  const std::string kind = r.text(r.need(json, path, "kind"), path + ".kind");
  if (kind == "commission") {
    c.kind = ComponentKind::Commission;
    r.onlyKeys(json, path, {"id", "kind", "basis", "rates", "cap"});
    if (const Json* basis = r.find(json, "basis")) {
      const std::string b = r.text(*basis, path + ".basis");
      if (b == "period") {
        c.basis = Basis::Period;
      } else if (b == "ytd") {
        c.basis = Basis::Ytd;
      } else {
        r.fail(path + ".basis", "\"" + b + "\" is not period or ytd");
      }
    }
    readTiers(r, r.need(json, path, "rates"), path + ".rates", c);
    if (const Json* cap = r.find(json, "cap")) c.cap = r.money(*cap, path + ".cap");
  } else if (kind == "bonus") {
    c.kind = ComponentKind::Bonus;
    r.onlyKeys(json, path, {"id", "kind", "min_attainment", "amount"});
    c.minAttainmentMicro = r.scaled(r.decimal(r.need(json, path, "min_attainment"), path + ".min_attainment", true), 6,
                                    path + ".min_attainment");
    c.amount = r.money(r.need(json, path, "amount"), path + ".amount");
  } else if (kind == "spiff") {
    c.kind = ComponentKind::Spiff;
    r.onlyKeys(json, path, {"id", "kind", "filter", "amount", "percent"});
    if (const Json* amount = r.find(json, "amount")) c.amount = r.money(*amount, path + ".amount");
    if (const Json* percent = r.find(json, "percent")) {
      c.percentNano = r.scaled(r.decimal(*percent, path + ".percent", false), 9, path + ".percent");
    }
    if (c.amount.has_value() == c.percentNano.has_value()) r.fail(path, "a spiff has either amount or percent");
    if (const Json* filter = r.find(json, "filter")) {
      const std::string fp = path + ".filter";
      r.onlyKeys(*filter, fp, {"type", "stage", "lead_source", "min_amount"});
      if (const Json* v = r.find(*filter, "type")) c.filter.type = r.text(*v, fp + ".type");
      if (const Json* v = r.find(*filter, "stage")) c.filter.stage = r.text(*v, fp + ".stage");
      if (const Json* v = r.find(*filter, "lead_source")) c.filter.leadSource = r.text(*v, fp + ".lead_source");
      if (const Json* v = r.find(*filter, "min_amount")) c.filter.minAmount = r.money(*v, fp + ".min_amount");
    }
  } else if (kind == "override") {
    c.kind = ComponentKind::Override;
    r.onlyKeys(json, path, {"id", "kind", "rate"});
    c.rateNano = r.scaled(r.decimal(r.need(json, path, "rate"), path + ".rate", false), 9, path + ".rate");
  } else {
    r.fail(path + ".kind", "\"" + kind + "\" is not commission, bonus, spiff or override");
  }
  return c;
}

}  // namespace

CompPlan parseCompPlan(std::string_view json, const std::string& source, int minorDigits) {
  const Reader r(source, minorDigits);
  Json root;
  try {
    root = Json::parse(json);
  } catch (const Json::parse_error& e) {
    throw Error(ErrorKind::Data, std::string("not valid JSON (") + e.what() + ")", Location{source, 0, ""});
  }
  r.onlyKeys(root, "",
             {"plan_id", "name", "currency", "effective_from", "effective_to", "payout_period", "base_salary",
              "target_variable", "components", "plan_cap", "draw", "clawback_days", "ramp"});
  CompPlan plan;
  plan.json = std::string(json);
  plan.planId = r.text(r.need(root, "", "plan_id"), "plan_id");
  if (plan.planId.empty() || plan.planId.find_first_of("/\\") != std::string::npos) {
    r.fail("plan_id", "must be a non-empty name without slashes");
  }
  if (const Json* v = r.find(root, "name")) plan.name = r.text(*v, "name");
  plan.currency = r.find(root, "currency") ? r.text(root["currency"], "currency") : std::string("USD");
  plan.effectiveFrom = r.date(r.need(root, "", "effective_from"), "effective_from");
  if (const Json* v = r.find(root, "effective_to")) {
    plan.effectiveTo = r.date(*v, "effective_to");
    if (*plan.effectiveTo < plan.effectiveFrom) r.fail("effective_to", "is before effective_from");
  }
  const std::string period = r.find(root, "payout_period") ? r.text(root["payout_period"], "payout_period") : "quarter";
  if (period == "month") {
    plan.payoutPeriod = PayoutPeriod::Month;
  } else if (period == "quarter") {
    plan.payoutPeriod = PayoutPeriod::Quarter;
  } else {
    r.fail("payout_period", "\"" + period + "\" is not month or quarter");
  }
  if (const Json* v = r.find(root, "base_salary")) plan.baseSalary = r.money(*v, "base_salary");
  if (const Json* v = r.find(root, "target_variable")) plan.targetVariable = r.money(*v, "target_variable");
  const Json& components = r.need(root, "", "components");
  if (!components.is_array()) r.fail("components", "must be an array");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < components.size(); ++i) {
    const std::string path = "components[" + std::to_string(i) + "]";
    plan.components.push_back(readComponent(r, components[i], path));
    if (!ids.insert(plan.components.back().id).second)
      r.fail(path + ".id", "\"" + plan.components.back().id + "\" is used twice");
  }
  if (const Json* v = r.find(root, "plan_cap")) plan.planCap = r.money(*v, "plan_cap");
  if (const Json* draw = r.find(root, "draw")) {
    r.onlyKeys(*draw, "draw", {"kind", "amount"});
    const std::string kind = r.text(r.need(*draw, "draw", "kind"), "draw.kind");
    if (kind == "recoverable") {
      plan.drawKind = DrawKind::Recoverable;
    } else if (kind == "non_recoverable") {
      plan.drawKind = DrawKind::NonRecoverable;
    } else {
      r.fail("draw.kind", "\"" + kind + "\" is not recoverable or non_recoverable");
    }
    plan.drawAmount = r.money(r.need(*draw, "draw", "amount"), "draw.amount");
  }
  if (const Json* v = r.find(root, "clawback_days")) {
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > 3660) {
      r.fail("clawback_days", "must be a whole number of days from 0 to 3660");
    }
    plan.clawbackDays = v->get<int>();
  }
  if (const Json* ramp = r.find(root, "ramp")) {
    if (!ramp->is_array()) r.fail("ramp", "must be an array");
    for (std::size_t i = 0; i < ramp->size(); ++i) {
      const std::string at = "ramp[" + std::to_string(i) + "]";
      r.onlyKeys((*ramp)[i], at, {"month", "quota_percent"});
      const Json& month = r.need((*ramp)[i], at, "month");
      if (!month.is_number_integer() || month.get<std::int64_t>() < 1 || month.get<std::int64_t>() > 120) {
        r.fail(at + ".month", "must be a tenure month from 1 to 120");
      }
      RampStep step{month.get<int>(),
                    r.scaled(r.decimal(r.need((*ramp)[i], at, "quota_percent"), at + ".quota_percent", true), 3,
                             at + ".quota_percent")};
      if (!plan.ramp.empty() && step.month <= plan.ramp.back().month) r.fail(at + ".month", "months must ascend");
      plan.ramp.push_back(step);
    }
  }
  return plan;
}

}  // namespace salesops::comp
