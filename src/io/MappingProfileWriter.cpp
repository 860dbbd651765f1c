#include "io/MappingProfileWriter.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "common/Error.h"

namespace salesops {

namespace {

// Ordered like the parser reads it, so "the first column listed wins" survives the round trip.
using Json = nlohmann::ordered_json;

bool validProfileId(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

Json pairsObject(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json out = Json::object();
  for (const auto& [key, value] : pairs) out[key] = value;
  return out;
}

Json columnJson(const ColumnMapping& column) {
  Json out = Json::object();
  // The parser wants a field or an ignore; a column the user unmapped is deliberately not imported.
  if (column.ignore || column.fields.empty()) {
    out["ignore"] = true;
    if (!column.note.empty()) out["note"] = column.note;
    return out;
  }
  if (column.fields.size() == 1) {
    out["field"] = column.fields.front();
  } else {
    out["field"] = column.fields;
  }
  out["format"] = std::string(toString(column.format));
  if (column.dateOrder) out["date_order"] = std::string(toString(*column.dateOrder));
  if (column.decimalMark) out["decimal_mark"] = std::string(toString(*column.decimalMark));
  if (column.percentScale) out["percent_scale"] = std::string(toString(*column.percentScale));
  if (column.powerOfTen != 0) out["power_of_ten"] = column.powerOfTen;
  if (column.matchByName) out["match_by"] = "name";
  if (!column.idPrefixes.empty()) out["id_prefixes"] = column.idPrefixes;
  if (!column.values.empty()) out["values"] = pairsObject(column.values);
  if (!column.note.empty()) out["note"] = column.note;
  return out;
}

Json conditionJson(const RuleCondition& when) {
  Json out = Json::object();
  if (!when.column.empty()) {
    out["column"] = when.column;
  } else {
    out["field"] = when.field;
  }
  switch (when.op) {
    case RuleCondition::Op::Equals:
      out["equals"] = when.values.empty() ? std::string() : when.values.front();
      break;
    case RuleCondition::Op::In:
      out["in"] = when.values;
      break;
    case RuleCondition::Op::IsEmpty:
      out["is_empty"] = true;
      break;
    case RuleCondition::Op::NotEmpty:
      out["not_empty"] = true;
      break;
  }
  return out;
}

Json ruleJson(const MappingRule& rule) {
  Json out = Json::object();
  out["when"] = conditionJson(rule.when);
  if (rule.skipRow) out["skip_row"] = true;
  if (!rule.set.empty()) out["set"] = pairsObject(rule.set);
  if (!rule.copy.empty()) out["copy"] = pairsObject(rule.copy);
  out["why"] = rule.why;
  return out;
}

Json fileJson(const FileMapping& file) {
  Json out = Json::object();
  out["id"] = file.id.empty() ? file.entity : file.id;
  out["entity"] = file.entity;
  Json match = Json::object();
  if (!file.match.fileNamePatterns.empty()) match["file_name_patterns"] = file.match.fileNamePatterns;
  std::vector<std::string> required = file.match.requiredHeaders;
  if (required.empty()) {
    for (const auto& column : file.columns) {
      if (!column.ignore && !column.fields.empty()) required.push_back(column.header);
    }
  }
  match["required_headers"] = required;
  if (!file.match.optionalHeaders.empty()) match["optional_headers"] = file.match.optionalHeaders;
  out["match"] = match;
  Json columns = Json::object();
  for (const auto& column : file.columns) columns[column.header] = columnJson(column);
  out["columns"] = columns;
  if (!file.defaults.empty()) {
    Json defaults = Json::object();
    for (const auto& d : file.defaults) {
      if (d.why.empty()) {
        defaults[d.field] = d.value;
      } else {
        defaults[d.field] = Json{{"value", d.value}, {"why", d.why}};
      }
    }
    out["defaults"] = defaults;
  }
  if (!file.rules.empty()) {
    Json rules = Json::array();
    for (const auto& rule : file.rules) rules.push_back(ruleJson(rule));
    out["rules"] = rules;
  }
  if (!file.trailerPrefixes.empty()) out["trailer_prefixes"] = file.trailerPrefixes;
  return out;
}

Json localeJson(const ProfileLocale& locale) {
  Json out = Json::object();
  out["date_order"] = std::string(toString(locale.dateOrder));
  out["decimal_mark"] = std::string(toString(locale.decimalMark));
  out["two_digit_year_pivot"] = locale.twoDigitYearPivot;
  if (!locale.currency.empty()) out["currency"] = locale.currency;
  return out;
}

}  // namespace

std::string writeMappingProfileJson(const ProfileIdentity& identity, std::span<const MappedSource> sources) {
  if (sources.empty()) throw Error(ErrorKind::Data, "a mapping profile needs at least one file");
  if (!validProfileId(identity.id)) {
    throw Error(ErrorKind::Data, "profile id \"" + identity.id + "\": use lower-case letters, digits, '-' and '_'");
  }
  Json root = Json::object();
  root["schema"] = 1;
  root["profile_id"] = identity.id;
  root["name"] = identity.name.empty() ? identity.id : identity.name;
  root["source_note"] = identity.sourceNote.empty() ? std::string("saved from the import wizard") : identity.sourceNote;
  root["locale"] = localeJson(sources.front().locale);
  Json stages = Json::array();
  std::vector<std::string> seen;
  for (const auto& source : sources) {
    for (const auto& stage : source.stages) {
      if (std::find(seen.begin(), seen.end(), stage.stage) != seen.end()) continue;
      seen.push_back(stage.stage);
      Json s{{"stage", stage.stage}, {"kind", stage.kind}};
      if (stage.probability) s["probability"] = *stage.probability;
      stages.push_back(s);
    }
  }
  if (!stages.empty()) root["stages"] = stages;
  Json files = Json::array();
  for (const auto& source : sources) files.push_back(fileJson(source.mapping));
  root["files"] = files;
  // Escaped non-ASCII, like the built-in profiles, so the file reads the same in any editor's encoding.
  return root.dump(2, ' ', true) + "\n";
}

std::string profileIdFromName(const std::string& name) {
  std::string id;
  for (const char raw : name) {
    const auto c = static_cast<unsigned char>(raw);
    if (std::isalnum(c) && c < 0x80) {
      id += static_cast<char>(std::tolower(c));
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id.empty() ? std::string("profile") : id;
}

}  // namespace salesops
