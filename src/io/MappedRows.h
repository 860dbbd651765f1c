#pragma once
// Mapped import internals: how the columns of one source file feed the fields of its entity (the layout),
// the column-level decisions taken over the whole file (day/month order, decimal mark, percent scale),
// and the mapping of one source row to the native texts of the fields (ISO dates, "1234.56", "12.5",
// "true"), with the profile's rules and defaults. The texts then go through the native import engine,
// which validates and stores them as it does for native files. Not a public API.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/EntitySchema.h"
#include "io/MappedImport.h"

namespace salesops::mapping {

// Hash maps keyed by text that can be searched with a string_view (no allocation per lookup).
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;
using Aliases = TextMap<std::string>;  // a value as the file writes it -> the key of the record it means

struct FieldSource {
  int column = -1;  // source column
  const ColumnMapping* mapping = nullptr;
};

// Something that fills or skips rows: a default, a rule, or the profile's locale currency.
struct Filler {
  std::string words;  // the rule in words with its why, for the preview and the report's notes
  std::string label;  // short, for PreviewRow::filledBy: "default: ...", "rule: ..."
};

class MappedLayout {
 public:
  // `headers`: the file's header row. `corporate`: the workbook's currency ("" in a preview).
  MappedLayout(const MappedSource& source, std::vector<std::string> headers, std::string importDate,
               std::string importTime);

  const MappedSource& source;
  const EntitySpec& spec;
  std::vector<std::string> headers;
  std::vector<const ColumnMapping*> mappingOfColumn;     // per source column; null when unmapped
  std::vector<int> outputFields;                         // entity field indexes fed, in spec order
  std::vector<int> outputOfField;                        // per entity field: index into outputFields, or -1
  std::vector<std::vector<FieldSource>> sourcesOfField;  // per entity field, in profile order
  std::vector<std::string> unmappedHeaders;
  std::vector<int> ruleColumn;         // per rule: the source column of a column condition, or -1
  std::vector<int> ruleField;          // per rule: the output of a field condition, or -1
  std::vector<Filler> fillers;         // defaults, then rules, then the locale currency
  std::size_t ruleFillerBase = 0;      // fillers[ruleFillerBase + r] is rule r
  int currencyDefaultFiller = -1;      // the locale currency filler, or -1
  int currencyOutput = -1;             // output of the entity's "currency" field, or -1
  std::string importDate, importTime;  // "$import_date" / "$import_time"

  std::string expand(std::string_view value) const;  // replaces the $tokens
  std::vector<std::string> outputNames() const;      // field names of outputFields
  int keyColumnField() const;                        // the external id field index, or -1
};

// How each source column is read after the whole column was seen.
struct ColumnReading {
  DayMonthOrder order = DayMonthOrder::MonthFirst;
  DecimalMark mark = DecimalMark::Dot;
  PercentScale scale = PercentScale::Points;
};

class ColumnScans {
 public:
  explicit ColumnScans(const MappedLayout& layout);
  void add(const std::vector<std::string_view>& record, std::int64_t line);
  // The decisions of the columns that needed one, and the reading of every column.
  std::vector<ColumnDecision> finish(std::vector<ColumnReading>& readings) const;

 private:
  const MappedLayout& layout_;
  std::vector<DateColumnScanner> dates_;      // per source column (used for date/timestamp columns)
  std::vector<NumberColumnScanner> numbers_;  // per source column (used for numeric columns)
  std::vector<std::uint8_t> kind_;            // 0 none, 1 date, 2 number
};

struct MappedProblem {
  std::string column;
  std::string reason;
};

struct MappedRow {
  std::vector<std::string> values;  // per output field, the native text ("" = empty)
  std::vector<int> filledBy;        // per output field: index into fillers, or -1
  std::vector<MappedProblem> problems;
  int skippedBy = -1;  // the skipping rule's filler, or -1
  bool timestampWithoutOffset = false;
};

class RowMapper {
 public:
  RowMapper(const MappedLayout& layout, std::vector<ColumnReading> readings, std::string corporate);

  void map(const std::vector<std::string_view>& record, MappedRow& row);
  // The text of a text-like field before any rule or default (for keys and references in a first pass).
  std::string_view rawText(const std::vector<std::string_view>& record, int field) const;
  // Replaces the value of an output field by its alias when it has one (references by name, match keys).
  void setAliases(int field, const Aliases* aliases);
  // True when a rule on source columns skips the row (rules on fields need the full mapping).
  bool skippedByColumnRule(const std::vector<std::string_view>& record) const;

  std::vector<std::int64_t> fillCounts;  // per filler: rows it filled or skipped

 private:
  bool convert(const FieldSpec& f, const FieldSource& src, std::string_view text, std::string& out, MappedRow& row);
  void convertMoney(const FieldSpec& f, const FieldSource& src, std::string_view text, std::string& out,
                    MappedRow& row);
  bool conditionHolds(const MappingRule& rule, std::size_t r, const std::vector<std::string_view>& record,
                      const MappedRow& row) const;
  std::string_view pickSource(const std::vector<std::string_view>& record, int field, const FieldSource** src) const;

  const MappedLayout& layout_;
  std::vector<ColumnReading> readings_;
  std::string corporate_;
  std::vector<const Aliases*> aliases_;  // per entity field
  std::vector<std::string_view> moneyText_;
  std::vector<const FieldSource*> moneySource_;
};

}  // namespace salesops::mapping
