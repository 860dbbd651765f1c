// The demo's territories: an active FY2026 design (regions > districts > territories by region, country,
// industry, size and postal code, two named accounts) assigned from 2026-01-01, and a planning copy for FY2027
// to try redesigns on. Deterministic: no random draws, owners taken in rep order.
#include <string>

#include "common/Currency.h"
#include "services/DemoModel.h"
#include "storage/TerritoryStore.h"
#include "territory/AssignmentEngine.h"

namespace salesops::demo {
namespace {

using namespace salesops::territory;

constexpr std::int32_t kActiveFrom = dayOf(2026, 1, 1);

Territory node(std::string id, std::string name, std::string parent, std::string type, std::int64_t priority,
               std::vector<std::vector<Condition>> rules) {
  Territory t;
  t.id = std::move(id);
  t.name = std::move(name);
  t.parentId = std::move(parent);
  t.type = std::move(type);
  t.priority = priority;
  int n = 0;
  for (auto& conditions : rules) t.rules.push_back({"r" + std::to_string(++n), std::move(conditions)});
  return t;
}

Condition when(AccountField field, RuleOperator op, std::string value) { return {field, op, std::move(value)}; }

Model fy2026Design() {
  Model m;
  m.id = "FY2026";
  m.name = "FY2026 design";
  m.status = ModelStatus::Active;
  m.activeFrom = Date{kActiveFrom};
  const auto region = AccountField::Region;
  const auto country = AccountField::Country;
  const auto eq = RuleOperator::Eq;
  const auto in = RuleOperator::In;
  m.territories = {
      node("NA", "North America", "", "region", 0, {{when(region, eq, "North America")}}),
      node("NA-US", "United States", "NA", "district", 0, {{when(country, eq, "United States")}}),
      node("US-ENT", "US Enterprise", "NA-US", "territory", 10,
           {{when(AccountField::Employees, RuleOperator::Range, "2000..")}}),
      node("US-FS", "US Financial & Health", "NA-US", "territory", 5,
           {{when(AccountField::Industry, in, "Financial Services|Healthcare")}}),
      node("US-EAST", "US East", "NA-US", "territory", 0,
           {{when(AccountField::PostalCode, RuleOperator::Prefix, "0|1|2|3|4")}}),
      node("US-WEST", "US West", "NA-US", "territory", 0,
           {{when(AccountField::PostalCode, RuleOperator::Prefix, "5|6|7|8|9")}}),
      node("NA-CA", "Canada", "NA", "territory", 0, {{when(country, eq, "Canada")}}),
      node("EMEA", "EMEA", "", "region", 0, {{when(region, eq, "EMEA")}}),
      node("EMEA-N", "EMEA North", "EMEA", "district", 0,
           {{when(country, in, "United Kingdom|Ireland|Netherlands|Sweden")}}),
      node("UKI", "UK & Ireland", "EMEA-N", "territory", 0, {{when(country, in, "United Kingdom|Ireland")}}),
      node("NORDBEN", "Nordics & Benelux", "EMEA-N", "territory", 0, {{when(country, in, "Netherlands|Sweden")}}),
      node("EMEA-C", "EMEA Central & South", "EMEA", "district", 0, {{when(country, in, "Germany|France|Spain")}}),
      node("DACH", "Germany", "EMEA-C", "territory", 0, {{when(country, eq, "Germany")}}),
      node("FR-ES", "France & Spain", "EMEA-C", "territory", 0, {{when(country, in, "France|Spain")}}),
      node("APAC", "APAC", "", "region", 0, {{when(region, eq, "APAC")}}),
      node("JP", "Japan", "APAC", "territory", 0, {{when(country, eq, "Japan")}}),
      node("ANZ-SEA", "ANZ, South & South-East Asia", "APAC", "territory", 0,
           {{when(country, in, "Australia|Singapore|India")}}),
      node("LATAM", "Latin America", "", "region", 0, {{when(region, eq, "LATAM")}}),
      node("LATAM-ALL", "Brazil & Mexico", "LATAM", "territory", 0, {{when(country, in, "Brazil|Mexico")}}),
  };
  m.territories[2].namedAccounts = {"AC000001"};   // a strategic logo kept with the enterprise team
  m.territories[12].namedAccounts = {"AC000002"};  // a customer served from Germany whatever its address
  return m;
}

// The external id DemoPeople gives a rep: "R" and the surrogate id in five digits.
std::string repKey(std::int64_t id) {
  Text key;
  return std::string(key.add('R').number(id, 5).view());
}

}  // namespace

void writeTerritories(Context& ctx, Database& db) {
  ctx.task.report("territories", 0, 0);
  Model model = fy2026Design();
  // Owners: the account executives employed on the as-of date, in rep order, one per territory that holds
  // accounts (regions and districts are led by managers, so they stay unowned here); SDRs as overlays.
  std::vector<std::int64_t> aes, sdrs;
  for (const auto& rep : ctx.reps) {
    if (!rep.activeOn(kAsOf)) continue;
    if (rep.role == Role::Ae) aes.push_back(rep.id);
    if (rep.role == Role::Sdr) sdrs.push_back(rep.id);
  }
  std::size_t nextAe = 0, nextSdr = 0;
  for (auto& t : model.territories) {
    if (t.type != "territory") continue;
    if (!aes.empty()) t.ownerRepId = repKey(aes[nextAe++ % aes.size()]);
    if (!sdrs.empty()) t.overlays.push_back({repKey(sdrs[nextSdr++ % sdrs.size()]), "sdr"});
  }
  if (ctx.accounts.size() < 2) {
    for (auto& t : model.territories) t.namedAccounts.clear();
  }
  insertTerritoryModel(db, model);
  copyTerritoryModel(db, model.id, "FY2027", "FY2027 draft");

  const AssignmentEngine engine(model, minorDigits("USD"));
  const AccountTable accounts = readTerritoryAccounts(db);
  const auto placements = engine.assignAll(accounts.accounts, ctx.task);
  AssignmentWriter writer(db);
  for (std::size_t i = 0; i < placements.size(); ++i) {
    if (placements[i].territory == kUnassigned) continue;
    const std::string& territoryId = model.territories[placements[i].territory].id;
    writer.insert(accounts.rowIds[i], territoryId, Date{kActiveFrom}, placements[i].source);
    if (i % kCheckEvery == 0) ctx.task.checkCancelled();
  }
  setAccountTerritoriesFromOpenAssignments(db);
}

}  // namespace salesops::demo
