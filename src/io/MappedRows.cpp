#include "io/MappedRows.h"

#include <algorithm>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"

namespace salesops::mapping {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
         });
}

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// d × 10^power, exactly; nullopt when it does not fit.
std::optional<Decimal> scaled(Decimal d, int power) {
  while (power > 0 && d.scale > 0) {
    --d.scale;
    --power;
  }
  if (power < 0) {
    if (d.scale - power > 18) return std::nullopt;
    d.scale -= power;
    return d;
  }
  const __int128 m = static_cast<__int128>(d.mantissa) * pow10(power);
  if (m > INT64_MAX || m < INT64_MIN) return std::nullopt;
  d.mantissa = static_cast<std::int64_t>(m);
  return d;
}

}  // namespace

RowMapper::RowMapper(const MappedLayout& layout, std::vector<ColumnReading> readings, std::string corporate)
    : layout_(layout), readings_(std::move(readings)), corporate_(std::move(corporate)) {
  fillCounts.assign(layout.fillers.size(), 0);
  aliases_.assign(layout.spec.fields.size(), nullptr);
}

void RowMapper::setAliases(int field, const Aliases* aliases) { aliases_[static_cast<std::size_t>(field)] = aliases; }

std::string_view RowMapper::pickSource(const std::vector<std::string_view>& record, int field,
                                       const FieldSource** src) const {
  for (const FieldSource& s : layout_.sourcesOfField[static_cast<std::size_t>(field)]) {
    if (static_cast<std::size_t>(s.column) >= record.size()) continue;
    const std::string_view cell = record[static_cast<std::size_t>(s.column)];
    if (isBlankCell(cell)) continue;
    const std::string_view text = trimCell(cell);
    const auto& prefixes = s.mapping->idPrefixes;
    if (!prefixes.empty() &&
        std::none_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return startsWith(text, p); })) {
      continue;
    }
    *src = &s;
    return text;
  }
  *src = nullptr;
  return {};
}

std::string_view RowMapper::rawText(const std::vector<std::string_view>& record, int field) const {
  const FieldSource* src = nullptr;
  const std::string_view text = pickSource(record, field, &src);
  if (!src) return {};
  for (const auto& [from, to] : src->mapping->values) {
    if (equalsIgnoreCase(from, text)) return to;
  }
  return text;
}

bool RowMapper::convert(const FieldSpec& f, const FieldSource& src, std::string_view text, std::string& out,
                        MappedRow& row) {
  const ColumnMapping& cm = *src.mapping;
  const ColumnReading& reading = readings_[static_cast<std::size_t>(src.column)];
  auto invalid = [&](const std::string& reason) {
    row.problems.push_back({layout_.headers[static_cast<std::size_t>(src.column)], reason});
    return false;
  };
  const CrmDateOptions dateOptions{reading.order, layout_.source.locale.twoDigitYearPivot};
  switch (cm.format) {
    case ValueFormat::Text:
    case ValueFormat::Enum:
      out.assign(text);
      return true;
    case ValueFormat::Date:
    case ValueFormat::Timestamp: {
      if (f.type == FieldType::Date) {
        const CrmCell<Date> cell = parseCrmDate(text, dateOptions);
        if (cell.isInvalid()) return invalid(cell.reason);
        if (cell.hasValue()) out = cell.value.toString();
        return true;
      }
      const CrmCell<CrmDateTime> cell = parseCrmDateTime(text, dateOptions);
      if (cell.isInvalid()) return invalid(cell.reason);
      if (!cell.hasValue()) return true;
      out = cell.value.utc.toString();
      if (cell.value.hadTime && !cell.value.hadOffset) row.timestampWithoutOffset = true;
      return true;
    }
    case ValueFormat::Percent: {
      const CrmCell<Decimal> cell = parseCrmPercent(text, reading.mark, reading.scale);
      if (cell.isInvalid()) return invalid(cell.reason);
      if (cell.hasValue()) out = cell.value.toString();
      return true;
    }
    case ValueFormat::Number:
    case ValueFormat::Integer: {
      if (f.type == FieldType::Percent) {
        const CrmCell<Decimal> cell = parseCrmPercent(text, reading.mark, reading.scale);
        if (cell.isInvalid()) return invalid(cell.reason);
        if (cell.hasValue()) out = cell.value.toString();
        return true;
      }
      const CrmCell<Decimal> cell = parseCrmNumber(text, reading.mark);
      if (cell.isInvalid()) return invalid(cell.reason);
      if (!cell.hasValue()) return true;
      const std::optional<Decimal> value = scaled(cell.value, cm.powerOfTen);
      if (!value) return invalid(quoteCell(text) + " is too large");
      if (f.type == FieldType::Integer) {
        if (value->scale > 0 && value->mantissa % pow10(value->scale) != 0) {
          return invalid(quoteCell(text) + " is not a whole number");
        }
        out = std::to_string(value->mantissa / pow10(value->scale));
        return true;
      }
      out = value->toString();
      return true;
    }
    case ValueFormat::Bool: {
      const CrmCell<bool> cell = parseCrmBool(text);
      if (cell.isInvalid()) return invalid(cell.reason);
      if (cell.hasValue()) out = cell.value ? "true" : "false";
      return true;
    }
    case ValueFormat::Money:
      break;
  }
  return true;
}

void RowMapper::convertMoney(const FieldSpec& f, const FieldSource& src, std::string_view text, std::string& out,
                             MappedRow& row) {
  const ColumnReading& reading = readings_[static_cast<std::size_t>(src.column)];
  const std::string& header = layout_.headers[static_cast<std::size_t>(src.column)];
  const bool rowCurrencyField = f.currencyField == "currency";
  std::string explicitCurrency;
  if (rowCurrencyField && layout_.currencyOutput >= 0) {
    explicitCurrency = row.values[static_cast<std::size_t>(layout_.currencyOutput)];
  }
  const std::string rowCurrency = !explicitCurrency.empty() ? explicitCurrency : corporate_;
  const CrmCell<CrmMoney> cell =
      parseCrmMoney(text, reading.mark, isCurrencyCode(rowCurrency) ? std::string_view(rowCurrency) : "");
  if (cell.isInvalid()) {
    row.problems.push_back({header, cell.reason});
    return;
  }
  if (!cell.hasValue()) return;
  const std::string& named = cell.value.currency;
  if (!named.empty() && !rowCurrency.empty() && named != rowCurrency) {  // "" = not known (a preview)
    if (rowCurrencyField && explicitCurrency.empty() && layout_.currencyOutput >= 0) {
      row.values[static_cast<std::size_t>(layout_.currencyOutput)] = named;  // the amount says which currency
    } else {
      row.problems.push_back({header, quoteCell(text) + " is in " + named + " but the row's currency is " +
                                          (rowCurrency.empty() ? "the workbook's" : rowCurrency)});
      return;
    }
  }
  const std::string& currency = named.empty() ? rowCurrency : named;
  const int digits = isCurrencyCode(currency) ? minorDigits(currency) : 2;
  const std::optional<Decimal> value = scaled(Decimal{cell.value.minorUnits, digits}, src.mapping->powerOfTen);
  if (!value) {
    row.problems.push_back({header, quoteCell(text) + " is too large"});
    return;
  }
  out = value->toString();
}

bool RowMapper::conditionHolds(const MappingRule& rule, std::size_t r, const std::vector<std::string_view>& record,
                               const MappedRow& row) const {
  std::string_view text;
  const int column = layout_.ruleColumn[r], field = layout_.ruleField[r];
  if (column >= 0 && static_cast<std::size_t>(column) < record.size()) {
    const std::string_view cell = record[static_cast<std::size_t>(column)];
    if (!isBlankCell(cell)) text = trimCell(cell);
  } else if (field >= 0) {
    text = row.values[static_cast<std::size_t>(field)];
  }
  const auto& values = rule.when.values;
  switch (rule.when.op) {
    case RuleCondition::Op::Equals:
      return !values.empty() && equalsIgnoreCase(text, values[0]);
    case RuleCondition::Op::In:
      return std::any_of(values.begin(), values.end(), [&](const std::string& v) { return equalsIgnoreCase(text, v); });
    case RuleCondition::Op::IsEmpty:
      return text.empty();
    case RuleCondition::Op::NotEmpty:
      return !text.empty();
  }
  return false;
}

bool RowMapper::skippedByColumnRule(const std::vector<std::string_view>& record) const {
  static const MappedRow none;
  const auto& rules = layout_.source.mapping.rules;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    if (rules[r].skipRow && !rules[r].when.column.empty() && conditionHolds(rules[r], r, record, none)) return true;
  }
  return false;
}

void RowMapper::map(const std::vector<std::string_view>& record, MappedRow& row) {
  const std::size_t n = layout_.outputFields.size();
  row.values.resize(n);
  for (std::string& v : row.values) v.clear();
  row.filledBy.assign(n, -1);
  row.problems.clear();
  row.skippedBy = -1;
  row.timestampWithoutOffset = false;
  moneyText_.assign(n, {});
  moneySource_.assign(n, nullptr);
  for (std::size_t o = 0; o < n; ++o) {
    const int f = layout_.outputFields[o];
    const FieldSpec& spec = layout_.spec.fields[static_cast<std::size_t>(f)];
    const FieldSource* src = nullptr;
    const std::string_view text = pickSource(record, f, &src);
    if (!src) continue;
    const auto& values = src->mapping->values;
    const auto mapped =
        std::find_if(values.begin(), values.end(), [&](const auto& v) { return equalsIgnoreCase(v.first, text); });
    if (mapped != values.end()) {
      row.values[o] = mapped->second;
    } else if (spec.type == FieldType::Money) {
      moneyText_[o] = text;
      moneySource_[o] = src;
      continue;
    } else if (!convert(spec, *src, text, row.values[o], row)) {
      continue;
    }
    if (const auto* aliases = aliases_[static_cast<std::size_t>(f)]) {
      const auto it = aliases->find(row.values[o]);
      if (it != aliases->end()) row.values[o] = it->second;
    }
  }
  const FileMapping& mapping = layout_.source.mapping;
  if (layout_.currencyOutput >= 0 && row.values[static_cast<std::size_t>(layout_.currencyOutput)].empty()) {
    const auto o = static_cast<std::size_t>(layout_.currencyOutput);
    for (std::size_t d = 0; d < mapping.defaults.size(); ++d) {
      if (mapping.defaults[d].field != "currency") continue;
      row.values[o] = layout_.expand(mapping.defaults[d].value);
      row.filledBy[o] = static_cast<int>(d);
      ++fillCounts[d];
      break;
    }
    if (row.values[o].empty() && layout_.currencyDefaultFiller >= 0) {
      row.values[o] = layout_.source.locale.currency;
      row.filledBy[o] = layout_.currencyDefaultFiller;
      ++fillCounts[static_cast<std::size_t>(layout_.currencyDefaultFiller)];
    }
  }
  for (std::size_t o = 0; o < n; ++o) {
    if (!moneySource_[o]) continue;
    const FieldSpec& spec = layout_.spec.fields[static_cast<std::size_t>(layout_.outputFields[o])];
    convertMoney(spec, *moneySource_[o], moneyText_[o], row.values[o], row);
  }
  auto outputOf = [&](std::string_view name) {
    const FieldSpec* f = layout_.spec.field(name);
    return f ? layout_.outputOfField[static_cast<std::size_t>(f - layout_.spec.fields.data())] : -1;
  };
  for (std::size_t r = 0; r < mapping.rules.size(); ++r) {
    const MappingRule& rule = mapping.rules[r];
    if (!conditionHolds(rule, r, record, row)) continue;
    const int filler = static_cast<int>(layout_.ruleFillerBase + r);
    ++fillCounts[static_cast<std::size_t>(filler)];
    if (rule.skipRow) {
      row.skippedBy = filler;
      return;
    }
    for (const auto& [field, value] : rule.set) {
      const int o = outputOf(field);
      if (o < 0) continue;
      row.values[static_cast<std::size_t>(o)] = layout_.expand(value);
      row.filledBy[static_cast<std::size_t>(o)] = filler;
    }
    for (const auto& [field, from] : rule.copy) {
      const int o = outputOf(field), source = outputOf(from);
      if (o < 0) continue;
      row.values[static_cast<std::size_t>(o)] = source >= 0 ? row.values[static_cast<std::size_t>(source)] : "";
      row.filledBy[static_cast<std::size_t>(o)] = filler;
    }
  }
  for (std::size_t d = 0; d < mapping.defaults.size(); ++d) {
    const int o = outputOf(mapping.defaults[d].field);
    if (o < 0 || !row.values[static_cast<std::size_t>(o)].empty()) continue;
    row.values[static_cast<std::size_t>(o)] = layout_.expand(mapping.defaults[d].value);
    row.filledBy[static_cast<std::size_t>(o)] = static_cast<int>(d);
    ++fillCounts[d];
  }
}

}  // namespace salesops::mapping
