#include "io/MappedRows.h"

#include <algorithm>

#include "common/Error.h"

namespace salesops::mapping {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
         });
}

const EntitySpec& entityOf(const MappedSource& source) {
  const EntitySpec* spec = findEntity(source.mapping.entity);
  if (!spec) throw Error(ErrorKind::Usage, "unknown entity \"" + source.mapping.entity + "\" in the mapping");
  return *spec;
}

int fieldIndex(const EntitySpec& spec, std::string_view name) {
  const FieldSpec* f = spec.field(name);
  return f ? static_cast<int>(f - spec.fields.data()) : -1;
}

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string conditionWords(const RuleCondition& c) {
  std::string words = c.column.empty() ? "field " + c.field : "column " + c.column;
  switch (c.op) {
    case RuleCondition::Op::Equals:
      return words + " equals " + inQuotes(c.values.empty() ? "" : c.values[0]);
    case RuleCondition::Op::In: {
      words += " is one of ";
      for (std::size_t i = 0; i < c.values.size(); ++i) words += (i ? ", " : "") + inQuotes(c.values[i]);
      return words;
    }
    case RuleCondition::Op::IsEmpty:
      return words + " is empty";
    case RuleCondition::Op::NotEmpty:
      return words + " is not empty";
  }
  return words;
}

}  // namespace

MappedLayout::MappedLayout(const MappedSource& src, std::vector<std::string> header, std::string date, std::string time)
    : source(src),
      spec(entityOf(src)),
      headers(std::move(header)),
      importDate(std::move(date)),
      importTime(std::move(time)) {
  const FileMapping& mapping = source.mapping;
  const std::size_t fieldCount = spec.fields.size();
  mappingOfColumn.assign(headers.size(), nullptr);
  for (std::size_t c = 0; c < headers.size(); ++c) {
    mappingOfColumn[c] = mapping.column(headers[c]);
    if (!mappingOfColumn[c]) unmappedHeaders.push_back(headers[c]);
  }
  sourcesOfField.assign(fieldCount, {});
  std::vector<bool> fed(fieldCount, false);
  for (const ColumnMapping& cm : mapping.columns) {
    if (cm.ignore) continue;
    const auto it = std::find(mappingOfColumn.begin(), mappingOfColumn.end(), &cm);
    if (it == mappingOfColumn.end()) continue;
    for (const std::string& name : cm.fields) {
      const int f = fieldIndex(spec, name);
      if (f < 0) continue;
      sourcesOfField[f].push_back({static_cast<int>(it - mappingOfColumn.begin()), &cm});
      fed[f] = true;
    }
  }
  auto feed = [&](std::string_view name) {
    const int f = fieldIndex(spec, name);
    if (f >= 0) fed[f] = true;
  };
  for (const FieldDefault& d : mapping.defaults) {
    feed(d.field);
    const std::string value = d.value == "$import_date"   ? "the import date " + importDate
                              : d.value == "$import_time" ? "the import time " + importTime
                                                          : inQuotes(d.value);
    fillers.push_back({d.field + " empty: set to " + value + " (" + d.why + ")", "default: " + d.why});
  }
  ruleFillerBase = fillers.size();
  for (const MappingRule& rule : mapping.rules) {
    std::string action;
    if (rule.skipRow) action = "the row is skipped";
    for (const auto& [field, value] : rule.set) {
      feed(field);
      action += (action.empty() ? "" : ", ") + field + " is set to " + inQuotes(value);
    }
    for (const auto& [field, from] : rule.copy) {
      feed(field);
      action += (action.empty() ? "" : ", ") + field + " is copied from " + from;
    }
    fillers.push_back(
        {"when " + conditionWords(rule.when) + ": " + action + " (" + rule.why + ")", "rule: " + rule.why});
  }
  const int currency = fieldIndex(spec, "currency");
  const bool hasRowCurrency = std::any_of(spec.fields.begin(), spec.fields.end(),
                                          [](const FieldSpec& f) { return f.currencyField == "currency"; });
  if (currency >= 0 && hasRowCurrency && !source.locale.currency.empty()) {
    fed[currency] = true;
    currencyDefaultFiller = static_cast<int>(fillers.size());
    fillers.push_back({"currency empty: set to " + source.locale.currency + " (the profile's locale currency)",
                       "locale: " + source.locale.currency});
  }
  outputOfField.assign(fieldCount, -1);
  for (std::size_t f = 0; f < fieldCount; ++f) {
    if (!fed[f]) continue;
    outputOfField[f] = static_cast<int>(outputFields.size());
    outputFields.push_back(static_cast<int>(f));
  }
  if (currency >= 0 && hasRowCurrency) currencyOutput = outputOfField[currency];
  for (const MappingRule& rule : mapping.rules) {
    int column = -1, field = -1;
    if (!rule.when.column.empty()) {
      for (std::size_t c = 0; c < headers.size() && column < 0; ++c) {
        if (equalsIgnoreCase(trimCell(headers[c]), trimCell(rule.when.column))) column = static_cast<int>(c);
      }
    } else {
      const int f = fieldIndex(spec, rule.when.field);
      field = f >= 0 ? outputOfField[f] : -1;
    }
    ruleColumn.push_back(column);
    ruleField.push_back(field);
  }
}

std::string MappedLayout::expand(std::string_view value) const {
  if (value == "$import_date") return importDate;
  if (value == "$import_time") return importTime;
  return std::string(value);
}

std::vector<std::string> MappedLayout::outputNames() const {
  std::vector<std::string> names;
  for (int f : outputFields) names.emplace_back(spec.fields[f].name);
  return names;
}

int MappedLayout::keyColumnField() const { return spec.hasExternalId() ? 0 : -1; }

ColumnScans::ColumnScans(const MappedLayout& layout)
    : layout_(layout), dates_(layout.headers.size()), numbers_(layout.headers.size()), kind_(layout.headers.size(), 0) {
  for (std::size_t c = 0; c < layout.headers.size(); ++c) {
    const ColumnMapping* cm = layout.mappingOfColumn[c];
    if (!cm || cm->ignore) continue;
    const ValueFormat format = cm->format;
    if (format == ValueFormat::Date || format == ValueFormat::Timestamp) {
      kind_[c] = 1;
    } else if (format == ValueFormat::Money || format == ValueFormat::Number || format == ValueFormat::Integer ||
               format == ValueFormat::Percent) {
      kind_[c] = 2;
    }
  }
}

void ColumnScans::add(const std::vector<std::string_view>& record, std::int64_t line) {
  const std::size_t n = std::min(record.size(), kind_.size());
  for (std::size_t c = 0; c < n; ++c) {
    if (kind_[c] == 0 || isBlankCell(record[c])) continue;
    const std::string_view text = trimCell(record[c]);
    const ColumnMapping* cm = layout_.mappingOfColumn[c];
    const bool mappedValue = std::any_of(cm->values.begin(), cm->values.end(),
                                         [&](const auto& v) { return equalsIgnoreCase(v.first, text); });
    if (mappedValue) continue;
    if (kind_[c] == 1) {
      dates_[c].add(text, line);
    } else {
      numbers_[c].add(text, line);
    }
  }
}

std::vector<ColumnDecision> ColumnScans::finish(std::vector<ColumnReading>& readings) const {
  const ProfileLocale& locale = layout_.source.locale;
  const std::string fallbackSource = "the profile's locale";
  std::vector<ColumnDecision> decisions;
  readings.assign(layout_.headers.size(), {});
  for (std::size_t c = 0; c < layout_.headers.size(); ++c) {
    ColumnReading& reading = readings[c];
    reading.order = locale.dateOrder;
    reading.mark = locale.decimalMark;
    const ColumnMapping* cm = layout_.mappingOfColumn[c];
    if (!cm || kind_[c] == 0) continue;
    ColumnDecision decision{layout_.headers[c], cm->fields, "", false, false};
    if (kind_[c] == 1) {
      if (cm->dateOrder) {
        reading.order = *cm->dateOrder;
        decision.verdict = "dates read " + std::string(toString(*cm->dateOrder)) + " as the profile says";
      } else {
        const DateFormatGuess guess = dates_[c].finish(layout_.headers[c], locale.dateOrder, fallbackSource);
        reading.order = guess.order;
        if (guess.verdict != ColumnVerdict::NotNeeded) decision.verdict = guess.reason;
        decision.flagged = guess.verdict == ColumnVerdict::Ambiguous || guess.verdict == ColumnVerdict::Conflicting;
        decision.error = guess.verdict == ColumnVerdict::Conflicting;
      }
    } else {
      const NumberFormatGuess guess = numbers_[c].finish(layout_.headers[c], locale.decimalMark, fallbackSource);
      if (cm->decimalMark) {
        reading.mark = *cm->decimalMark;
      } else {
        reading.mark = guess.mark;
        if (guess.markVerdict != ColumnVerdict::NotNeeded) decision.verdict = guess.markReason;
        decision.flagged =
            guess.markVerdict == ColumnVerdict::Ambiguous || guess.markVerdict == ColumnVerdict::Conflicting;
        decision.error = guess.markVerdict == ColumnVerdict::Conflicting;
      }
      if (cm->format == ValueFormat::Percent) {
        reading.scale = cm->percentScale.value_or(guess.scale);
        const std::string scaleWords =
            cm->percentScale ? "percent read as " + std::string(toString(*cm->percentScale)) + " as the profile says"
            : guess.scaleVerdict != ColumnVerdict::NotNeeded ? guess.scaleReason
                                                             : "";
        if (!scaleWords.empty()) decision.verdict += (decision.verdict.empty() ? "" : "; ") + scaleWords;
      }
    }
    if (!decision.verdict.empty()) decisions.push_back(std::move(decision));
  }
  return decisions;
}

}  // namespace salesops::mapping
