#pragma once
// The entities of DOMAIN.md as data: the one description of every CSV field, its type, its SQL column
// and its references. Native import, export, check and the table views all derive from it, so a field
// is added here (and in a migration) and nowhere else.
#include <cstdint>
#include <string_view>
#include <vector>

namespace salesops {

enum class FieldType : std::uint8_t {
  Text,       // TEXT, stored as given (may be empty -> NULL)
  Date,       // TEXT "YYYY-MM-DD"
  Timestamp,  // TEXT "YYYY-MM-DDTHH:MM:SSZ" (UTC)
  Money,      // INTEGER minor units of the row's currency (see FieldSpec::currencyField)
  Integer,    // INTEGER, >= 0 for employees and durations
  Percent,    // INTEGER hundredths of a percent: "12.5" -> 1250; 0..100 with at most 2 decimals
  Decimal,    // TEXT canonical decimal (fx rates), > 0
  Bool,       // INTEGER 0/1 from "true"/"false"
  Enum,       // TEXT, one of FieldSpec::allowed
  Currency,   // TEXT ISO 4217 code
};

struct FieldSpec {
  std::string_view name;    // CSV header
  std::string_view column;  // SQL column of the entity's table
  FieldType type = FieldType::Text;
  bool required = false;
  bool key = false;  // part of the upsert key (the external id, or a composite natural key)
  // Non-empty: the field holds the key of a row of that entity; stored as that row's surrogate id.
  std::string_view references;
  // Money only: the field of the same row holding the currency ("currency"; empty value = corporate
  // currency); "" = the corporate currency; "@opportunity_id" = the currency of the referenced opportunity.
  std::string_view currencyField;
  std::vector<std::string_view> allowed;  // Enum only
};

struct EntitySpec {
  std::string_view name;          // "opportunity"
  std::string_view table;         // SQL table
  std::string_view csvFile;       // "opportunities.csv"
  std::vector<FieldSpec> fields;  // in CSV column order

  const FieldSpec* field(std::string_view fieldName) const noexcept;
  // True when the entity has a single text key stored in `external_id` (rep, account, opportunity...).
  bool hasExternalId() const noexcept;
  std::vector<const FieldSpec*> keyFields() const;
};

// Every entity in dependency (import) order: stages, fx_rates, reps, accounts, contacts, opportunities,
// opportunity_splits, opportunity_history, leads, activities, quotas, forecast_submissions, then the
// territory files: models, territories, overlays, rules, named accounts, assignments.
const std::vector<EntitySpec>& entities();

// By entity name ("opportunity") or CSV file name ("opportunities.csv"); null when unknown.
const EntitySpec* findEntity(std::string_view nameOrFile) noexcept;

}  // namespace salesops
