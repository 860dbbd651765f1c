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

}  // namespace salesops::comp
