#include "io/NativeImportRow.h"

#include <algorithm>
#include <charconv>
#include <cstring>

#include "common/Currency.h"
#include "common/Date.h"
#include "common/Decimal.h"
#include "common/Error.h"

namespace salesops::importing {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
         });
}

void appendInt(std::string& out, std::int64_t v) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, result.ptr);
}

}  // namespace

std::string_view Arena::copy(std::string_view text) {
  if (text.empty()) return {};
  while (chunk_ < chunks_.size() && used_ + text.size() > sizes_[chunk_]) {
    ++chunk_;
    used_ = 0;
  }
  if (chunk_ == chunks_.size()) {
    const std::size_t size = std::max(kChunkBytes, text.size());
    chunks_.push_back(std::make_unique<char[]>(size));
    sizes_.push_back(size);
    used_ = 0;
  }
  char* at = chunks_[chunk_].get() + used_;
  std::memcpy(at, text.data(), text.size());
  used_ += text.size();
  return {at, text.size()};
}

void Arena::clear() noexcept {
  // Oversized chunks (one long field) are dropped so a single 16 MB value does not stay resident.
  while (!sizes_.empty() && sizes_.back() > kChunkBytes) {
    chunks_.pop_back();
    sizes_.pop_back();
  }
  chunk_ = 0;
  used_ = 0;
}

std::uint8_t stageKindCode(std::string_view kind) noexcept {
  return kind == "won" ? kWon : kind == "lost" ? kLost : kOpen;
}

KeyIndex& RunState::index(std::string_view entity) {
  auto it = indexes.find(entity);
  if (it != indexes.end()) return it->second;
  KeyIndex& keys = indexes[entity];
  const EntitySpec* spec = findEntity(entity);
  if (!spec) return keys;
  const bool isOpportunity = spec->name == "opportunity", isStage = spec->name == "stage";
  const int corporateDigits = isCurrencyCode(corporate) ? minorDigits(corporate) : 2;
  forEachStoredKey(db, *spec,
                   isOpportunity ? "currency"
                   : isStage     ? "kind"
                                 : "",
                   [&](std::string_view key, std::int64_t id, std::string_view extra) {
                     bool inserted = false;
                     auto& entry = keys.insert(key, id, inserted);
                     if (isOpportunity) {
                       entry.extra =
                           static_cast<std::uint8_t>(isCurrencyCode(extra) ? minorDigits(extra) : corporateDigits);
                     } else if (isStage) {
                       entry.extra = stageKindCode(extra);
                     }
                   });
  return keys;
}

void RunState::problem(const std::string& file, std::int64_t line, std::string_view column, const std::string& reason) {
  if (report.problems.size() >= maxProblems) {
    ++unlistedProblems;
    return;
  }
  report.problems.push_back(formatProblem(Location{file, line, std::string(column)}, reason));
}

void RunState::warning(const std::string& file, std::int64_t line, std::string_view column, const std::string& reason) {
  if (report.warnings.size() >= maxProblems) return;
  report.warnings.push_back(formatProblem(Location{file, line, std::string(column)}, reason));
}

RowConverter::RowConverter(RunState& run, FileLayout& layout)
    : run_(run), layout_(layout), own_(run.index(layout.spec->name)) {}

void RowConverter::fail(std::int64_t line, std::string_view column, const std::string& reason) {
  rowFailed_ = true;
  run_.problem(layout_.file, line, column, reason);
}

bool RowConverter::convertField(const FieldSpec& f, std::string_view text, std::int64_t line, StoredValue& out,
                                Arena& arena) {
  std::string why;
  switch (f.type) {
    case FieldType::Text:
      out = StoredValue::string(arena.copy(text));
      return true;
    case FieldType::Date:
      if (!parseDate(text, &why)) break;
      out = StoredValue::string(arena.copy(text));
      return true;
    case FieldType::Timestamp: {
      auto parsed = parseTimestamp(text, &why);
      if (!parsed) break;
      if (!parsed->hadOffset && layout_.firstLineWithoutOffset == 0) layout_.firstLineWithoutOffset = line;
      out = StoredValue::string(arena.copy(parsed->value.toString()));
      return true;
    }
    case FieldType::Integer: {
      std::int64_t v = -1;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc{} || end != text.data() + text.size() || v < 0 || text.front() == '+') {
        why = quote(text) + " is not a whole number >= 0";
        break;
      }
      out = StoredValue::integer(v);
      return true;
    }
    case FieldType::Percent: {
      auto d = parseDecimal(text, &why);
      if (!d) break;
      while (d->scale > 2 && d->mantissa % 10 == 0) {
        d->mantissa /= 10;
        --d->scale;
      }
      if (d->scale > 2) {
        why = quote(text) + " has more than 2 decimals";
        break;
      }
      const std::int64_t hundredths = d->mantissa * pow10(2 - d->scale);
      if (hundredths < 0 || hundredths > 10000) {
        why = quote(text) + " is not between 0 and 100";
        break;
      }
      out = StoredValue::integer(hundredths);
      return true;
    }
    case FieldType::Decimal: {
      auto d = parseDecimal(text, &why);
      if (!d) break;
      if (d->mantissa <= 0) {
        why = quote(text) + " must be greater than 0";
        break;
      }
      out = StoredValue::string(arena.copy(d->toString()));
      return true;
    }
    case FieldType::Bool:
      if (equalsIgnoreCase(text, "true") || equalsIgnoreCase(text, "yes") || text == "1") {
        out = StoredValue::integer(1);
        return true;
      }
      if (equalsIgnoreCase(text, "false") || equalsIgnoreCase(text, "no") || text == "0") {
        out = StoredValue::integer(0);
        return true;
      }
      why = quote(text) + " is not true or false";
      break;
    case FieldType::Enum: {
      if (std::find(f.allowed.begin(), f.allowed.end(), text) != f.allowed.end()) {
        out = StoredValue::string(arena.copy(text));
        return true;
      }
      why = quote(text) + " is not one of ";
      for (std::size_t i = 0; i < f.allowed.size(); ++i) why += (i ? ", " : "") + std::string(f.allowed[i]);
      break;
    }
    case FieldType::Currency:
      if (!isCurrencyCode(text)) {
        why = quote(text) + " is not a currency code (three capital letters)";
        break;
      }
      out = StoredValue::string(arena.copy(text));
      return true;
    case FieldType::Money:
      break;  // converted once the row's currency is known
  }
  if (why.empty()) why = quote(text) + " is not valid";
  fail(line, f.name, why);
  return false;
}

bool RowConverter::resolveReference(const FieldSpec& f, std::string_view text, std::int64_t line, StoredValue& out,
                                    bool lateRefs, bool& deferred, const KeyIndex::Entry** entry) {
  if (const KeyIndex::Entry* found = run_.index(f.references).find(text)) {
    // A row naming a row that is itself waiting is held too, so no row is written before its reference.
    if (found->pending && !lateRefs) deferred = true;
    out = StoredValue::integer(found->id);
    *entry = found;
    return true;
  }
  // A manager may be listed after the rep: such rows are converted again once the whole file is in.
  if (f.references == layout_.spec->name && !lateRefs) {
    deferred = true;
    return true;
  }
  fail(line, f.name, "unknown " + std::string(f.references) + " " + quote(text));
  return false;
}

RowResult RowConverter::convert(const std::vector<std::string_view>& record, std::int64_t line, StoredValue* values,
                                Arena& arena, bool lateRefs) {
  const EntitySpec& spec = *layout_.spec;
  const std::size_t n = spec.fields.size();
  rowFailed_ = false;
  bool deferred = false;
  texts_.assign(n, {});
  entries_.assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    const int column = layout_.columnOfField[i];
    if (column >= 0 && static_cast<std::size_t>(column) < record.size()) texts_[i] = record[column];
    values[i] = StoredValue::null();
  }
  for (std::size_t i = 0; i < n; ++i) {
    const FieldSpec& f = spec.fields[i];
    if (texts_[i].empty()) {
      if (f.required) fail(line, f.name, "is required");
      continue;
    }
    if (f.type == FieldType::Money) continue;
    if (!f.references.empty()) {
      resolveReference(f, texts_[i], line, values[i], lateRefs, deferred, &entries_[i]);
    } else {
      convertField(f, texts_[i], line, values[i], arena);
    }
  }
  const int corporateDigits = isCurrencyCode(run_.corporate) ? minorDigits(run_.corporate) : 2;
  for (std::size_t i = 0; i < n; ++i) {
    const FieldSpec& f = spec.fields[i];
    if (f.type == FieldType::Currency && spec.name != "fx_rate" && values[i].kind == StoredValue::Kind::Text &&
        values[i].text != run_.corporate && !run_.ratedCurrencies.contains(values[i].text)) {
      fail(line, f.name, "no fx_rate for " + quote(values[i].text) + " (corporate currency " + run_.corporate + ")");
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const FieldSpec& f = spec.fields[i];
    if (f.type != FieldType::Money || texts_[i].empty()) continue;
    int digits = corporateDigits;
    const std::string_view cf = f.currencyField;
    if (!cf.empty() && cf.front() == '@') {
      const auto* ref = spec.field(cf.substr(1));
      const KeyIndex::Entry* e = ref ? entries_[ref - spec.fields.data()] : nullptr;
      if (!e) continue;  // the reference itself is already reported
      digits = e->extra;
    } else if (!cf.empty()) {
      const auto* cur = spec.field(cf);
      const std::size_t ci = cur ? static_cast<std::size_t>(cur - spec.fields.data()) : n;
      if (ci < n && values[ci].kind == StoredValue::Kind::Text) {
        digits = minorDigits(values[ci].text);
      } else if (ci < n && !texts_[ci].empty()) {
        continue;  // an invalid currency is already reported
      }
    }
    std::string why;
    auto minor = parseMoney(texts_[i], digits, &why);
    if (!minor) {
      fail(line, f.name, why.empty() ? quote(texts_[i]) + " is not a valid amount" : why);
      continue;
    }
    values[i] = StoredValue::integer(*minor);
  }
  applyRowRules(line, values);
  if (rowFailed_) return {};
  return assignKey(line, values, lateRefs, deferred);
}

void RowConverter::applyRowRules(std::int64_t line, StoredValue* values) {
  const EntitySpec& spec = *layout_.spec;
  const FieldSpec* stage = spec.field("stage");
  const FieldSpec* probability = spec.field("probability");
  if (stage && probability && !stage->references.empty()) {
    const KeyIndex::Entry* e = entries_[stage - spec.fields.data()];
    StoredValue& p = values[probability - spec.fields.data()];
    if (e && e->extra != kOpen && p.kind == StoredValue::Kind::Int) {
      const std::int64_t forced = e->extra == kWon ? 10000 : 0;
      if (p.number != forced) {
        run_.warning(layout_.file, line, probability->name,
                     "stage " + quote(texts_[stage - spec.fields.data()]) + " is " +
                         (e->extra == kWon ? "won" : "lost") + ", so probability " +
                         quote(texts_[probability - spec.fields.data()]) + " is stored as " +
                         (e->extra == kWon ? "100" : "0"));
        p.number = forced;
      }
    }
  }
  const FieldSpec* start = spec.field("period_start");
  const FieldSpec* end = spec.field("period_end");
  if (start && end) {
    const StoredValue& s = values[start - spec.fields.data()];
    const StoredValue& e = values[end - spec.fields.data()];
    if (s.kind == StoredValue::Kind::Text && e.kind == StoredValue::Kind::Text && e.text < s.text) {
      fail(line, end->name, std::string(e.text) + " is before period_start " + std::string(s.text));
    }
  }
}

void RowConverter::setExtra(KeyIndex::Entry& entry, const StoredValue* values) const {
  const EntitySpec& spec = *layout_.spec;
  if (spec.name == "opportunity") {
    const StoredValue& c = values[spec.field("currency") - spec.fields.data()];
    const std::string_view code = c.kind == StoredValue::Kind::Text ? c.text : std::string_view(run_.corporate);
    entry.extra = static_cast<std::uint8_t>(isCurrencyCode(code) ? minorDigits(code) : 2);
  } else if (spec.name == "stage") {
    entry.extra = stageKindCode(values[spec.field("kind") - spec.fields.data()].text);
  }
}

RowResult RowConverter::assignKey(std::int64_t line, const StoredValue* values, bool lateRefs, bool deferred) {
  const EntitySpec& spec = *layout_.spec;
  key_.clear();
  std::string shown;
  const FieldSpec* firstKey = nullptr;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (!spec.fields[i].key) continue;
    if (firstKey) {
      key_ += '\x1f';
      shown += ", ";
    } else {
      firstKey = &spec.fields[i];
    }
    if (values[i].kind == StoredValue::Kind::Int) {
      appendInt(key_, values[i].number);
    } else {
      key_ += values[i].text;
    }
    shown += texts_[i];
  }
  KeyIndex::Entry* e = own_.find(key_);
  if (e && e->file == layout_.number && !lateRefs) {
    if (!layout_.mergeRepeatedKeys) {
      fail(line, firstKey->name, "duplicate key " + quote(shown) + " (also on line " + std::to_string(e->line) + ")");
      return {};
    }
    if (++layout_.repeatedKeys <= 5) {
      layout_.repeatExamples.push_back(quote(shown) + " on lines " + std::to_string(e->line) + " and " +
                                       std::to_string(line));
    }
  } else if (e && layout_.mergeRepeatedKeys && !lateRefs) {
    ++layout_.existingKeys;
  }
  RowResult r;
  r.ok = true;
  r.deferred = deferred;
  if (e) {
    r.id = e->id;
  } else {
    bool inserted = false;
    e = &own_.insert(key_, nextId++, inserted);
    r.id = e->id;
    r.isNew = true;
  }
  e->file = layout_.number;
  e->line = static_cast<std::uint32_t>(std::min<std::int64_t>(line, UINT32_MAX));
  e->pending = deferred;
  setExtra(*e, values);
  if (spec.name == "fx_rate") run_.ratedCurrencies.insert(std::string(values[0].text));
  if (spec.name == "opportunity_split") r.splitOpportunity = values[0].number;
  return r;
}

}  // namespace salesops::importing
