#include "domain/EntitySchema.h"

namespace salesops {
namespace {

using F = FieldSpec;
using T = FieldType;

F text(std::string_view name) { return F{name, name, T::Text}; }
F textColumn(std::string_view name, std::string_view column) { return F{name, column, T::Text}; }
F ofType(std::string_view name, T type, bool required = false) { return F{name, name, type, required}; }
F externalId(std::string_view name) { return F{name, "external_id", T::Text, true, true}; }
F reference(std::string_view name, std::string_view entity, bool required = false, bool key = false) {
  return F{name, name, T::Text, required, key, entity};
}
F money(std::string_view name, std::string_view currencyField, bool required) {
  F f{name, name, T::Money, required};
  f.currencyField = currencyField;
  return f;
}
F enumeration(std::string_view name, std::vector<std::string_view> allowed, bool required = false) {
  F f{name, name, T::Enum, required};
  f.allowed = std::move(allowed);
  return f;
}
F keyed(F f) {
  f.key = true;
  f.required = true;
  return f;
}

const std::vector<std::string_view> kForecastCategories{"pipeline", "best_case", "commit", "closed", "omitted"};

// TERRITORY.md's interchange files. A territory is keyed by (model_id, territory_id); references to a
// territory inside its model (parent_id, the territory of a rule) are plain text checked by the territory
// service, since a reference here names one entity by one key.
void addTerritoryEntities(std::vector<EntitySpec>& all) {
  all.push_back({"territory_model",
                 "territory_model",
                 "territory_models.csv",
                 {externalId("model_id"), text("name"), enumeration("status", {"planning", "active", "archived"}, true),
                  ofType("active_from", T::Date)}});
  all.push_back({"territory",
                 "territory",
                 "territories.csv",
                 {reference("model_id", "territory_model", true, true), keyed(text("territory_id")), text("name"),
                  text("parent_id"), text("type"), ofType("priority", T::Integer), reference("owner_rep_id", "rep")}});
  all.push_back({"territory_overlay",
                 "territory_overlay",
                 "territory_overlays.csv",
                 {reference("model_id", "territory_model", true, true), keyed(text("territory_id")),
                  reference("rep_id", "rep", true, true), text("role")}});
  all.push_back(
      {"territory_rule",
       "territory_rule",
       "territory_rules.csv",
       {reference("model_id", "territory_model", true, true), keyed(text("territory_id")), keyed(text("rule_id")),
        keyed(enumeration("field", {"country", "region", "postal_code", "industry", "employees", "annual_revenue",
                                    "owner_rep_id", "name"})),
        keyed(enumeration("operator", {"eq", "ne", "in", "not_in", "prefix", "range", "contains"})), text("value")}});
  all.push_back({"territory_named_account",
                 "territory_named_account",
                 "territory_named_accounts.csv",
                 {reference("model_id", "territory_model", true, true), keyed(text("territory_id")),
                  reference("account_id", "account", true, true)}});
  all.push_back({"territory_assignment",
                 "territory_assignment",
                 "territory_assignments.csv",
                 {reference("account_id", "account", true, true), F{"territory_id", "territory_id", T::Text, true},
                  keyed(ofType("effective_from", T::Date)), ofType("effective_to", T::Date),
                  enumeration("source", {"rule", "named", "manual"}, true)}});
}

std::vector<EntitySpec> build() {
  std::vector<EntitySpec> all;
  all.push_back({"stage",
                 "stage",
                 "stages.csv",
                 {F{"stage", "name", T::Text, true, true}, enumeration("kind", {"open", "won", "lost"}, true),
                  ofType("probability", T::Percent), ofType("sort_order", T::Integer)}});
  all.push_back({"fx_rate",
                 "fx_rate",
                 "fx_rates.csv",
                 {keyed(ofType("currency", T::Currency)), keyed(ofType("valid_from", T::Date)),
                  ofType("rate", T::Decimal, true)}});
  all.push_back({"rep",
                 "rep",
                 "reps.csv",
                 {externalId("rep_id"), text("name"), text("email"), text("team"), reference("manager_id", "rep"),
                  text("role"), ofType("start_date", T::Date), ofType("end_date", T::Date)}});
  all.push_back({"account",
                 "account",
                 "accounts.csv",
                 {externalId("account_id"), text("name"), text("industry"), text("country"), text("region"),
                  text("postal_code"), ofType("employees", T::Integer), money("annual_revenue", "", false),
                  reference("owner_rep_id", "rep"), textColumn("territory_id", "territory_id")}});
  all.push_back({"contact",
                 "contact",
                 "contacts.csv",
                 {externalId("contact_id"), reference("account_id", "account"), text("name"), text("email"),
                  text("phone"), text("title")}});
  all.push_back(
      {"opportunity",
       "opportunity",
       "opportunities.csv",
       {externalId("opportunity_id"), reference("account_id", "account"), reference("owner_rep_id", "rep", true),
        text("name"), text("type"), F{"stage", "stage_id", T::Text, true, false, "stage"},
        money("amount", "currency", true), ofType("currency", T::Currency), ofType("probability", T::Percent),
        ofType("created_date", T::Date, true), ofType("close_date", T::Date, true),
        enumeration("forecast_category", kForecastCategories), text("lead_source")}});
  all.push_back({"opportunity_split",
                 "opportunity_split",
                 "opportunity_splits.csv",
                 {reference("opportunity_id", "opportunity", true, true), reference("rep_id", "rep", true, true),
                  ofType("percent", T::Percent, true)}});
  all.push_back({"opportunity_history",
                 "opportunity_history",
                 "opportunity_history.csv",
                 {reference("opportunity_id", "opportunity", true, true), keyed(ofType("changed_at", T::Timestamp)),
                  F{"stage", "stage_id", T::Text, false, false, "stage"}, money("amount", "@opportunity_id", false),
                  ofType("close_date", T::Date), ofType("probability", T::Percent),
                  enumeration("forecast_category", kForecastCategories)}});
  all.push_back({"lead",
                 "lead",
                 "leads.csv",
                 {externalId("lead_id"), ofType("created_at", T::Timestamp, true), text("source"),
                  reference("owner_rep_id", "rep"), ofType("first_response_at", T::Timestamp),
                  reference("converted_opportunity_id", "opportunity")}});
  all.push_back(
      {"activity",
       "activity",
       "activities.csv",
       {externalId("activity_id"), reference("rep_id", "rep"), reference("account_id", "account"),
        reference("opportunity_id", "opportunity"), reference("lead_id", "lead"),
        enumeration("type", {"call", "meeting", "email", "task", "admin", "training"}, true),
        ofType("started_at", T::Timestamp, true), ofType("duration_minutes", T::Integer), ofType("selling", T::Bool)}});
  all.push_back({"quota",
                 "quota",
                 "quotas.csv",
                 {reference("rep_id", "rep", true, true), keyed(ofType("period_start", T::Date)),
                  keyed(ofType("period_end", T::Date)), money("amount", "currency", true),
                  ofType("currency", T::Currency, true)}});
  all.push_back({"forecast_submission",
                 "forecast_submission",
                 "forecast_submissions.csv",
                 {reference("rep_id", "rep", true, true), keyed(ofType("period_start", T::Date)),
                  keyed(ofType("period_end", T::Date)), keyed(ofType("submitted_at", T::Timestamp)),
                  keyed(enumeration("category", {"commit", "best_case", "pipeline"})),
                  money("amount", "currency", true), ofType("currency", T::Currency)}});
  addTerritoryEntities(all);
  // Who is on which compensation plan when (COMP.md); the plans themselves travel as plans/<plan_id>.json.
  all.push_back({"comp_assignment",
                 "comp_assignment",
                 "comp_assignments.csv",
                 {reference("rep_id", "rep", true, true), F{"plan_id", "plan_id", T::Text, true},
                  keyed(ofType("effective_from", T::Date)), ofType("effective_to", T::Date)}});
  return all;
}

}  // namespace

const std::vector<EntitySpec>& entities() {
  static const std::vector<EntitySpec> all = build();
  return all;
}

const EntitySpec* findEntity(std::string_view nameOrFile) noexcept {
  for (const auto& e : entities()) {
    if (e.name == nameOrFile || e.csvFile == nameOrFile || e.table == nameOrFile) return &e;
  }
  return nullptr;
}

const FieldSpec* EntitySpec::field(std::string_view fieldName) const noexcept {
  for (const auto& f : fields) {
    if (f.name == fieldName) return &f;
  }
  return nullptr;
}

bool EntitySpec::hasExternalId() const noexcept { return !fields.empty() && fields.front().column == "external_id"; }

std::vector<const FieldSpec*> EntitySpec::keyFields() const {
  std::vector<const FieldSpec*> keys;
  for (const auto& f : fields) {
    if (f.key) keys.push_back(&f);
  }
  return keys;
}

}  // namespace salesops
