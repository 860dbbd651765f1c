#include "comp/CompPlanWriter.h"

#include <nlohmann/json.hpp>

#include "common/Decimal.h"
#include "common/Error.h"

namespace salesops::comp {

using Json = nlohmann::ordered_json;

std::string withRateTable(const std::string& json, const std::string& componentId, TierSemantics semantics,
                          const std::vector<Tier>& tiers) {
  Json root = Json::parse(json);
  for (auto& component : root["components"]) {
    if (component.value("id", "") != componentId || component.value("kind", "") != "commission") continue;
    Json table = Json::array();
    for (const Tier& t : tiers) {
      // Thresholds as JSON numbers (as COMP.md writes them), rates as exact decimal strings.
      table.push_back(
          Json{{"from", Json::parse(Decimal{t.fromMicro, 6}.toString())}, {"rate", Decimal{t.rateNano, 9}.toString()}});
    }
    component["rates"] =
        Json{{"semantics", semantics == TierSemantics::Marginal ? "marginal" : "retroactive"}, {"tiers", table}};
    return root.dump(2) + "\n";
  }
  throw Error(ErrorKind::Data, "the plan has no commission component \"" + componentId + "\"");
}

std::string withEffectiveFrom(const std::string& json, Date from) {
  Json root = Json::parse(json);
  root["effective_from"] = from.toString();
  return root.dump(2) + "\n";
}

namespace {

// The object member or array element a path step names, created when missing (objects only).
Json& step(Json& at, const std::string& key, std::optional<std::size_t> index, const std::string& path) {
  if (at.is_null()) at = Json::object();
  if (!at.is_object()) throw Error(ErrorKind::Data, "\"" + path + "\" goes through a value that is not an object");
  Json& member = at[key];
  if (!index) return member;
  if (!member.is_array() || *index >= member.size())
    throw Error(ErrorKind::Data, "\"" + path + "\": no element " + std::to_string(*index) + " in " + key);
  return member[*index];
}

// "components[2].cap" → (components, 2), (cap, -).
std::vector<std::pair<std::string, std::optional<std::size_t>>> splitPath(const std::string& path) {
  std::vector<std::pair<std::string, std::optional<std::size_t>>> steps;
  std::size_t begin = 0;
  while (begin <= path.size()) {
    const std::size_t dot = path.find('.', begin);
    std::string part = path.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin);
    std::optional<std::size_t> index;
    if (const auto open = part.find('['); open != std::string::npos && part.back() == ']') {
      const std::string digits = part.substr(open + 1, part.size() - open - 2);
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
        throw Error(ErrorKind::Data, "\"" + path + "\" is not a plan path");
      index = std::stoul(digits);
      part.resize(open);
    }
    if (part.empty()) throw Error(ErrorKind::Data, "\"" + path + "\" is not a plan path");
    steps.emplace_back(std::move(part), index);
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  return steps;
}

}  // namespace

std::string withMember(const std::string& json, const std::string& path, const std::optional<std::string>& jsonValue) {
  Json root = Json::parse(json);
  const auto steps = splitPath(path);
  Json* at = &root;
  for (std::size_t i = 0; i + 1 < steps.size(); ++i) at = &step(*at, steps[i].first, steps[i].second, path);
  const auto& [key, index] = steps.back();
  if (!jsonValue) {
    if (index) throw Error(ErrorKind::Data, "\"" + path + "\": remove a component with withoutComponent");
    if (at->is_object()) at->erase(key);
    return root.dump(2) + "\n";
  }
  Json value;
  try {
    value = Json::parse(*jsonValue);
  } catch (const Json::exception&) {
    throw Error(ErrorKind::Data, "\"" + *jsonValue + "\" is not a JSON value", Location{"", 0, path});
  }
  step(*at, key, index, path) = std::move(value);
  return root.dump(2) + "\n";
}

std::string withNewComponent(const std::string& json, ComponentKind kind) {
  Json root = Json::parse(json);
  Json& components = root["components"];
  if (!components.is_array()) components = Json::array();
  const std::string base = kindName(kind);
  std::string id = base;
  for (int n = 2;; ++n) {
    bool taken = false;
    for (const auto& c : components) taken = taken || (c.is_object() && c.value("id", "") == id);
    if (!taken) break;
    id = base + "-" + std::to_string(n);
  }
  Json c{{"id", id}, {"kind", base}};
  switch (kind) {
    case ComponentKind::Commission:
      c["rates"] = Json{{"semantics", "marginal"}, {"tiers", Json::array({Json{{"from", 0}, {"rate", "0"}}})}};
      break;
    case ComponentKind::Bonus:
      c["min_attainment"] = 1.0;
      c["amount"] = "0.00";
      break;
    case ComponentKind::Spiff:
      c["amount"] = "0.00";
      break;
    case ComponentKind::Override:
      c["rate"] = "0";
      break;
  }
  components.push_back(std::move(c));
  return root.dump(2) + "\n";
}

std::optional<std::string> memberText(const std::string& json, const std::string& path) {
  try {
    const Json root = Json::parse(json);
    const Json* at = &root;
    for (const auto& [key, index] : splitPath(path)) {
      if (!at->is_object() || !at->contains(key)) return std::nullopt;
      at = &(*at)[key];
      if (index) {
        if (!at->is_array() || *index >= at->size()) return std::nullopt;
        at = &(*at)[*index];
      }
    }
    if (at->is_null()) return std::nullopt;
    return at->is_string() ? at->get<std::string>() : at->dump();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::size_t componentCount(const std::string& json) {
  try {
    const Json root = Json::parse(json);
    const auto it = root.find("components");
    return it != root.end() && it->is_array() ? it->size() : 0;
  } catch (const Json::exception&) {
    return 0;
  }
}

std::string jsonQuoted(const std::string& text) {
  return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string withoutComponent(const std::string& json, std::size_t index) {
  Json root = Json::parse(json);
  Json& components = root["components"];
  if (!components.is_array() || index >= components.size())
    throw Error(ErrorKind::Data, "the plan has no component " + std::to_string(index + 1));
  components.erase(components.begin() + static_cast<std::ptrdiff_t>(index));
  return root.dump(2) + "\n";
}

}  // namespace salesops::comp
