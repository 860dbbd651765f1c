#include "io/MappingProfileParser.h"

#include <algorithm>
#include <cctype>

#include "common/Currency.h"
#include "common/Error.h"

namespace salesops {

namespace {

using Json = MappingProfileParser::Json;

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string keyPath(const std::string& path, std::string_view key) {
  const bool plain = std::all_of(key.begin(), key.end(),
                                 [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  if (plain && !key.empty()) return path.empty() ? std::string(key) : path + "." + std::string(key);
  return path + "[\"" + std::string(key) + "\"]";
}

std::string indexPath(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

std::string inQuotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string joinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (const auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

bool isToken(std::string_view value) { return value.starts_with('$'); }
bool knownToken(std::string_view value) { return value == "$import_date" || value == "$import_time"; }

}  // namespace

std::optional<MappingProfile> MappingProfileParser::run(std::string_view json) {
  const std::size_t before = problems_.size();
  Json root;
  try {
    root = Json::parse(json);
  } catch (const Json::parse_error& e) {
    const std::size_t offset = std::min<std::size_t>(e.byte, json.size());
    const auto line = 1 + std::count(json.begin(), json.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
    problems_.push_back(formatProblem(Location{source_, line, ""}, "not valid JSON (" + std::string(e.what()) + ")"));
    return std::nullopt;
  }
  MappingProfile p;
  p.json_ = std::string(json);
  p.origin_ = source_;
  if (!root.is_object()) {
    problem("", "the profile must be a JSON object");
    return std::nullopt;
  }
  checkKeys(root, "", {"schema", "profile_id", "name", "source_note", "locale", "stages", "files"});
  if (root.contains("schema") && root["schema"] != 1) problem("schema", "only schema 1 is known");
  p.id_ = text(root, "", "profile_id", true);
  if (!p.id_.empty() && !std::all_of(p.id_.begin(), p.id_.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      })) {
    problem("profile_id", "use lower-case letters, digits, '-' and '_' only");
  }
  p.name_ = text(root, "", "name", true);
  p.sourceNote_ = text(root, "", "source_note", true);
  if (root.contains("locale")) p.locale_ = locale(root["locale"], "locale");
  if (root.contains("stages")) p.stages_ = stages(root["stages"], "stages");
  if (!root.contains("files") || !root["files"].is_array() || root["files"].empty()) {
    problem("files", "a non-empty array of file entries is required");
  } else {
    for (std::size_t i = 0; i < root["files"].size(); ++i) {
      p.files_.push_back(file(root["files"][i], indexPath("files", i)));
    }
  }
  if (problems_.size() != before) return std::nullopt;
  return p;
}

void MappingProfileParser::problem(const std::string& path, const std::string& message) {
  problems_.push_back(formatProblem(Location{source_, 0, path.empty() ? "(top level)" : path}, message));
}

void MappingProfileParser::checkKeys(const Json& object, const std::string& path,
                                     std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::vector<std::string_view> names(allowed);
      problem(keyPath(path, key), "unknown key (expected one of: " + joinNames(names) + ")");
    }
  }
}

std::string MappingProfileParser::text(const Json& object, const std::string& path, std::string_view key,
                                       bool required) {
  const std::string where = keyPath(path, key);
  if (!object.contains(key)) {
    if (required) problem(where, "is required");
    return {};
  }
  const Json& v = object[std::string(key)];
  if (!v.is_string() || (required && v.get<std::string>().empty())) {
    problem(where, required ? "must be a non-empty string" : "must be a string");
    return {};
  }
  return v.get<std::string>();
}

std::vector<std::string> MappingProfileParser::strings(const Json& value, const std::string& where) {
  std::vector<std::string> out;
  if (!value.is_array()) {
    problem(where, "must be an array of strings");
    return out;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i].is_string()) {
      out.push_back(value[i].get<std::string>());
    } else {
      problem(indexPath(where, i), "must be a string");
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> MappingProfileParser::stringMap(const Json& value,
                                                                                 const std::string& where) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!value.is_object()) {
    problem(where, "must be an object of strings");
    return out;
  }
  for (const auto& [k, v] : value.items()) {
    if (v.is_string()) {
      out.emplace_back(k, v.get<std::string>());
    } else {
      problem(keyPath(where, k), "must be a string");
    }
  }
  return out;
}

ProfileLocale MappingProfileParser::locale(const Json& v, const std::string& path) {
  ProfileLocale l;
  if (!v.is_object()) {
    problem(path, "must be an object");
    return l;
  }
  checkKeys(v, path, {"date_order", "decimal_mark", "two_digit_year_pivot", "currency"});
  if (v.contains("date_order")) l.dateOrder = dateOrder(v["date_order"], keyPath(path, "date_order"));
  if (v.contains("decimal_mark")) l.decimalMark = decimalMark(v["decimal_mark"], keyPath(path, "decimal_mark"));
  if (v.contains("two_digit_year_pivot")) {
    const Json& p = v["two_digit_year_pivot"];
    if (!p.is_number_integer() || p.get<int>() < 0 || p.get<int>() > 100) {
      problem(keyPath(path, "two_digit_year_pivot"), "must be an integer 0..100");
    } else {
      l.twoDigitYearPivot = p.get<int>();
    }
  }
  l.currency = text(v, path, "currency", false);
  if (!l.currency.empty() && !isCurrencyCode(l.currency)) {
    problem(keyPath(path, "currency"), inQuotes(l.currency) + " is not an ISO 4217 code");
  }
  return l;
}

DayMonthOrder MappingProfileParser::dateOrder(const Json& v, const std::string& where) {
  const auto order = v.is_string() ? parseDayMonthOrder(v.get<std::string>()) : std::nullopt;
  if (!order) problem(where, "must be \"mdy\" or \"dmy\"");
  return order.value_or(DayMonthOrder::MonthFirst);
}

DecimalMark MappingProfileParser::decimalMark(const Json& v, const std::string& where) {
  if (v == ".") return DecimalMark::Dot;
  if (v == ",") return DecimalMark::Comma;
  problem(where, "must be \".\" or \",\"");
  return DecimalMark::Dot;
}

std::vector<StageDefinition> MappingProfileParser::stages(const Json& v, const std::string& path) {
  std::vector<StageDefinition> out;
  if (!v.is_array()) {
    problem(path, "must be an array");
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string where = indexPath(path, i);
    if (!v[i].is_object()) {
      problem(where, "must be an object");
      continue;
    }
    checkKeys(v[i], where, {"stage", "kind", "probability"});
    StageDefinition s{text(v[i], where, "stage", true), text(v[i], where, "kind", true), std::nullopt};
    if (!s.kind.empty() && s.kind != "open" && s.kind != "won" && s.kind != "lost") {
      problem(keyPath(where, "kind"), "must be \"open\", \"won\" or \"lost\"");
    }
    if (v[i].contains("probability")) {
      const Json& pr = v[i]["probability"];
      if (!pr.is_number_integer() || pr.get<int>() < 0 || pr.get<int>() > 100) {
        problem(keyPath(where, "probability"), "must be an integer 0..100");
      } else {
        s.probability = pr.get<int>();
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

// A field of the current entity; names the known fields when it is not one.
const FieldSpec* MappingProfileParser::field(const EntitySpec* entity, std::string_view name,
                                             const std::string& where) {
  if (!entity) return nullptr;
  if (const FieldSpec* f = entity->field(name)) return f;
  std::vector<std::string_view> names;
  for (const auto& f : entity->fields) names.push_back(f.name);
  problem(where, "unknown field " + inQuotes(name) + " of entity " + std::string(entity->name) +
                     " (fields: " + joinNames(names) + ")");
  return nullptr;
}

FileMapping MappingProfileParser::file(const Json& v, const std::string& path) {
  FileMapping f;
  if (!v.is_object()) {
    problem(path, "must be an object");
    return f;
  }
  checkKeys(v, path, {"id", "entity", "match", "columns", "defaults", "rules", "trailer_prefixes"});
  f.id = text(v, path, "id", true);
  f.entity = text(v, path, "entity", true);
  const EntitySpec* entity = nullptr;
  if (!f.entity.empty()) {
    entity = findEntity(f.entity);
    if (!entity || entity->name != f.entity) {
      std::vector<std::string_view> names;
      for (const auto& e : entities()) names.push_back(e.name);
      problem(keyPath(path, "entity"),
              "unknown entity " + inQuotes(f.entity) + " (entities: " + joinNames(names) + ")");
      entity = nullptr;
    }
  }
  const std::string matchPath = keyPath(path, "match");
  if (!v.contains("match") || !v["match"].is_object()) {
    problem(matchPath, "an object with required_headers is required");
  } else {
    const Json& m = v["match"];
    checkKeys(m, matchPath, {"file_name_patterns", "required_headers", "optional_headers"});
    if (m.contains("file_name_patterns")) {
      f.match.fileNamePatterns = strings(m["file_name_patterns"], keyPath(matchPath, "file_name_patterns"));
    }
    if (m.contains("optional_headers")) {
      f.match.optionalHeaders = strings(m["optional_headers"], keyPath(matchPath, "optional_headers"));
    }
    if (!m.contains("required_headers") || !m["required_headers"].is_array() || m["required_headers"].empty()) {
      problem(keyPath(matchPath, "required_headers"), "a non-empty array of headers is required");
    } else {
      f.match.requiredHeaders = strings(m["required_headers"], keyPath(matchPath, "required_headers"));
    }
  }
  const std::string columnsPath = keyPath(path, "columns");
  if (!v.contains("columns") || !v["columns"].is_object() || v["columns"].empty()) {
    problem(columnsPath, "a non-empty object of source columns is required");
  } else {
    for (const auto& [header, spec] : v["columns"].items()) {
      if (std::any_of(f.columns.begin(), f.columns.end(),
                      [&](const ColumnMapping& c) { return lowerAscii(c.header) == lowerAscii(header); })) {
        problem(keyPath(columnsPath, header), "the same column is listed twice (headers match case-insensitively)");
      }
      f.columns.push_back(column(header, spec, keyPath(columnsPath, header), entity));
    }
  }
  if (v.contains("defaults")) f.defaults = defaults(v["defaults"], keyPath(path, "defaults"), entity);
  if (v.contains("rules")) f.rules = rules(v["rules"], keyPath(path, "rules"), entity, f);
  if (v.contains("trailer_prefixes"))
    f.trailerPrefixes = strings(v["trailer_prefixes"], keyPath(path, "trailer_prefixes"));
  return f;
}

ColumnMapping MappingProfileParser::column(const std::string& header, const Json& v, const std::string& path,
                                           const EntitySpec* entity) {
  ColumnMapping c;
  c.header = header;
  if (!v.is_object()) {
    problem(path, "must be an object with \"field\" or \"ignore\"");
    return c;
  }
  checkKeys(v, path,
            {"field", "ignore", "format", "date_order", "decimal_mark", "percent_scale", "power_of_ten", "match_by",
             "id_prefixes", "values", "note"});
  c.note = text(v, path, "note", false);
  if (v.contains("ignore")) {
    c.ignore = v["ignore"] == true;
    if (!v["ignore"].is_boolean()) problem(keyPath(path, "ignore"), "must be true or false");
    if (c.ignore && v.contains("field")) problem(path, "has both \"ignore\" and \"field\"");
    if (c.ignore) return c;
  }
  if (!v.contains("field")) {
    problem(keyPath(path, "field"), "is required (or \"ignore\": true)");
    return c;
  }
  const Json& fv = v["field"];
  c.fields = fv.is_string() ? std::vector<std::string>{fv.get<std::string>()} : strings(fv, keyPath(path, "field"));
  if (c.fields.empty()) problem(keyPath(path, "field"), "names no field");
  std::vector<const FieldSpec*> specs;
  for (const auto& name : c.fields) {
    if (const FieldSpec* f = field(entity, name, keyPath(path, "field"))) specs.push_back(f);
  }
  if (!specs.empty()) c.format = defaultValueFormat(specs.front()->type);
  if (v.contains("format")) {
    const Json& fmt = v["format"];
    const auto format = fmt.is_string() ? parseValueFormat(fmt.get<std::string>()) : std::nullopt;
    if (!format) {
      problem(keyPath(path, "format"),
              "must be one of text, enum, date, timestamp, money, number, integer, percent, bool");
    } else {
      c.format = *format;
    }
  }
  for (const FieldSpec* f : specs) {
    if (!valueFormatFits(c.format, f->type)) {
      problem(keyPath(path, "format"),
              "format " + std::string(toString(c.format)) + " cannot fill field " + std::string(f->name));
    }
  }
  if (v.contains("date_order")) c.dateOrder = dateOrder(v["date_order"], keyPath(path, "date_order"));
  if (v.contains("decimal_mark")) c.decimalMark = decimalMark(v["decimal_mark"], keyPath(path, "decimal_mark"));
  if (v.contains("percent_scale")) {
    const Json& s = v["percent_scale"];
    if (s == "points") {
      c.percentScale = PercentScale::Points;
    } else if (s == "fraction") {
      c.percentScale = PercentScale::Fraction;
    } else {
      problem(keyPath(path, "percent_scale"), "must be \"points\" or \"fraction\"");
    }
  }
  if (v.contains("power_of_ten")) {
    const Json& p = v["power_of_ten"];
    const bool numeric =
        c.format == ValueFormat::Money || c.format == ValueFormat::Number || c.format == ValueFormat::Integer;
    if (!p.is_number_integer() || p.get<int>() < -9 || p.get<int>() > 9 || !numeric) {
      problem(keyPath(path, "power_of_ten"), "must be an integer -9..9 on a money, number or integer column");
    } else {
      c.powerOfTen = p.get<int>();
    }
  }
  if (v.contains("match_by")) {
    const Json& m = v["match_by"];
    if (m != "id" && m != "name") problem(keyPath(path, "match_by"), "must be \"id\" or \"name\"");
    c.matchByName = m == "name";
    for (const FieldSpec* f : specs) {
      if (f->references.empty()) {
        problem(keyPath(path, "match_by"), "field " + std::string(f->name) + " references no entity");
      }
    }
  }
  if (v.contains("id_prefixes")) c.idPrefixes = strings(v["id_prefixes"], keyPath(path, "id_prefixes"));
  if (v.contains("values")) {
    c.values = stringMap(v["values"], keyPath(path, "values"));
    for (const FieldSpec* f : specs) {
      if (f->type != FieldType::Enum) continue;
      for (const auto& [from, to] : c.values) {
        if (std::find(f->allowed.begin(), f->allowed.end(), to) == f->allowed.end()) {
          problem(keyPath(keyPath(path, "values"), from),
                  inQuotes(to) + " is not a value of " + std::string(f->name) + " (" + joinNames(f->allowed) + ")");
        }
      }
    }
  }
  return c;
}

void MappingProfileParser::checkLiteral(const std::string& value, const std::string& where) {
  if (isToken(value) && !knownToken(value))
    problem(where, inQuotes(value) + " is not a known token ($import_date, $import_time)");
}

std::vector<FieldDefault> MappingProfileParser::defaults(const Json& v, const std::string& path,
                                                         const EntitySpec* entity) {
  std::vector<FieldDefault> out;
  if (!v.is_object()) {
    problem(path, "must be an object of field: value");
    return out;
  }
  for (const auto& [name, value] : v.items()) {
    const std::string where = keyPath(path, name);
    field(entity, name, where);
    FieldDefault d{name, {}, {}};
    if (value.is_string()) {
      d.value = value.get<std::string>();
    } else if (value.is_object()) {
      checkKeys(value, where, {"value", "why"});
      d.value = text(value, where, "value", true);
      d.why = text(value, where, "why", false);
    } else {
      problem(where, "must be a string or {\"value\": ..., \"why\": ...}");
    }
    checkLiteral(d.value, where);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<MappingRule> MappingProfileParser::rules(const Json& v, const std::string& path, const EntitySpec* entity,
                                                     const FileMapping& f) {
  std::vector<MappingRule> out;
  if (!v.is_array()) {
    problem(path, "must be an array of rules");
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string where = indexPath(path, i);
    const Json& r = v[i];
    if (!r.is_object()) {
      problem(where, "must be an object");
      continue;
    }
    checkKeys(r, where, {"when", "skip_row", "set", "copy", "why"});
    MappingRule rule;
    rule.why = text(r, where, "why", true);
    rule.when = condition(r.contains("when") ? r["when"] : Json(), keyPath(where, "when"), entity, f);
    rule.skipRow = r.contains("skip_row") && r["skip_row"] == true;
    if (r.contains("set")) {
      rule.set = stringMap(r["set"], keyPath(where, "set"));
      for (const auto& [name, value] : rule.set) {
        field(entity, name, keyPath(keyPath(where, "set"), name));
        checkLiteral(value, keyPath(keyPath(where, "set"), name));
      }
    }
    if (r.contains("copy")) {
      rule.copy = stringMap(r["copy"], keyPath(where, "copy"));
      for (const auto& [to, from] : rule.copy) {
        field(entity, to, keyPath(keyPath(where, "copy"), to));
        field(entity, from, keyPath(keyPath(where, "copy"), to));
      }
    }
    if (!rule.skipRow && rule.set.empty() && rule.copy.empty())
      problem(where, "does nothing: give skip_row, set or copy");
    out.push_back(std::move(rule));
  }
  return out;
}

RuleCondition MappingProfileParser::condition(const Json& v, const std::string& path, const EntitySpec* entity,
                                              const FileMapping& f) {
  RuleCondition c;
  if (!v.is_object()) {
    problem(path, "is required: an object with \"column\" or \"field\" and equals/in/is_empty/not_empty");
    return c;
  }
  checkKeys(v, path, {"column", "field", "equals", "in", "is_empty", "not_empty"});
  c.column = text(v, path, "column", false);
  c.field = text(v, path, "field", false);
  if (c.column.empty() == c.field.empty()) problem(path, "give exactly one of \"column\" and \"field\"");
  if (!c.field.empty()) field(entity, c.field, keyPath(path, "field"));
  // A rule may test any header the entry knows: mapped, ignored, or only listed for matching (IsDeleted).
  const auto listed = [&](const std::vector<std::string>& headers) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const std::string& h) { return lowerAscii(h) == lowerAscii(c.column); });
  };
  if (!c.column.empty() && !f.column(c.column) && !listed(f.match.requiredHeaders) &&
      !listed(f.match.optionalHeaders)) {
    problem(keyPath(path, "column"), inQuotes(c.column) + " is not a header of this entry");
  }
  int ops = 0;
  if (v.contains("equals")) {
    ++ops;
    c.op = RuleCondition::Op::Equals;
    c.values = {text(v, path, "equals", false)};
  }
  if (v.contains("in")) {
    ++ops;
    c.op = RuleCondition::Op::In;
    c.values = strings(v["in"], keyPath(path, "in"));
  }
  if (v.contains("is_empty")) {
    ++ops;
    c.op = RuleCondition::Op::IsEmpty;
  }
  if (v.contains("not_empty")) {
    ++ops;
    c.op = RuleCondition::Op::NotEmpty;
  }
  if (ops != 1) problem(path, "give exactly one of equals, in, is_empty, not_empty");
  return c;
}

}  // namespace salesops
