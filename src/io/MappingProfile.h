#pragma once
// Import mapping profiles: how the files of another CRM's export map onto our entities (DOMAIN.md).
// A profile is a JSON document (schema in docs/crm-import.md); built-in ones are embedded at build time
// from resources/mappings/*.json, user ones are loaded from disk (or from the workbook, as text).
// Loading validates everything against EntitySchema.h and reports each problem with its JSON path.
// Auto-detection scores every profile's file entries against a file's header row. Pure except
// MappingProfile::fromFile; immutable once loaded, so safe to share between threads.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/CrmDates.h"
#include "io/CrmNumbers.h"

namespace salesops {

// How the text of a source column is read before it becomes the value of a field.
enum class ValueFormat : std::uint8_t { Text, Enum, Date, Timestamp, Money, Number, Integer, Percent, Bool };

std::string_view toString(ValueFormat format) noexcept;  // "text", "enum", "date"...

struct ColumnMapping {
  std::string header;               // the source column, as the profile writes it (matched case-insensitively)
  std::vector<std::string> fields;  // target fields of the entity; empty when ignored
  bool ignore = false;              // a known column deliberately not imported (no "unknown column" warning)
  ValueFormat format = ValueFormat::Text;
  std::optional<DayMonthOrder> dateOrder;    // forced order; unset: decided over the column
  std::optional<DecimalMark> decimalMark;    // forced mark; unset: decided over the column
  std::optional<PercentScale> percentScale;  // forced scale; unset: decided over the column
  int powerOfTen = 0;                        // numbers and money are multiplied by 10^powerOfTen (millions: 6)
  bool matchByName = false;                  // a reference given by the referenced record's name, not its id
  std::vector<std::string> idPrefixes;       // only values starting with one of these are kept (Salesforce ids)
  std::vector<std::pair<std::string, std::string>> values;  // source text -> field value, case-insensitive
  std::string note;
};

struct RuleCondition {
  enum class Op : std::uint8_t { Equals, In, IsEmpty, NotEmpty };
  std::string column;  // a source column, or
  std::string field;   // a field after mapping
  Op op = Op::Equals;
  std::vector<std::string> values;  // Equals: one, In: several; compared case-insensitively
};

// Applied in order to each mapped row: when the condition holds, skip the row, or set fields to literal
// values, or copy fields from other fields. `why` is shown in the preview and the import report.
struct MappingRule {
  RuleCondition when;
  bool skipRow = false;
  std::vector<std::pair<std::string, std::string>> set;   // field -> value (may be a $token)
  std::vector<std::pair<std::string, std::string>> copy;  // field -> source field
  std::string why;
};

// A value for a field that is empty or has no column. Values may be $import_date / $import_time, which
// the import replaces by the run's date (UTC) and time.
struct FieldDefault {
  std::string field;
  std::string value;
  std::string why;
};

struct FileMatch {
  std::vector<std::string> fileNamePatterns;  // globs with * and ?, case-insensitive, on the file name
  std::vector<std::string> requiredHeaders;   // all present for a confident match
  std::vector<std::string> optionalHeaders;   // plus every mapped column not required
};

struct FileMapping {
  std::string id;      // "Opportunity": names the entry in messages ("salesforce Opportunity (0.94)")
  std::string entity;  // an entity of EntitySchema.h
  FileMatch match;
  std::vector<ColumnMapping> columns;  // in profile order: for a field fed by several columns, the first
                                       // present and non-empty one wins
  std::vector<FieldDefault> defaults;
  std::vector<MappingRule> rules;
  std::vector<std::string> trailerPrefixes;  // a row whose first cell starts with one ends the data

  const ColumnMapping* column(std::string_view header) const noexcept;  // case-insensitive, trimmed
};

// Fallbacks for column decisions that the data leaves open, and the currency of amounts without one.
struct ProfileLocale {
  DayMonthOrder dateOrder = DayMonthOrder::MonthFirst;
  DecimalMark decimalMark = DecimalMark::Dot;
  int twoDigitYearPivot = 69;
  std::string currency;  // "" = the workbook's corporate currency
};

// A stage the source CRM ships with, created by the import when the workbook lacks it.
struct StageDefinition {
  std::string stage;
  std::string kind;  // open / won / lost
  std::optional<int> probability;
};

class MappingProfile {
 public:
  // Parses and validates. Throws Error(Data) whose message lists every problem, one per line, each as
  // "source: json.path: what is wrong" (or "source:line: ..." for JSON syntax errors).
  static MappingProfile fromJson(std::string_view json, std::string_view sourceName);
  // Same, collecting the problems instead of throwing; nullopt when there is any.
  static std::optional<MappingProfile> parse(std::string_view json, std::string_view sourceName,
                                             std::vector<std::string>& problems);
  static MappingProfile fromFile(const std::filesystem::path& path);

  const std::string& id() const noexcept { return id_; }
  const std::string& name() const noexcept { return name_; }
  const std::string& sourceNote() const noexcept { return sourceNote_; }
  const std::string& origin() const noexcept { return origin_; }  // "built-in" or the file it came from
  const ProfileLocale& locale() const noexcept { return locale_; }
  const std::vector<FileMapping>& files() const noexcept { return files_; }
  const std::vector<StageDefinition>& stages() const noexcept { return stages_; }
  const std::string& json() const noexcept { return json_; }  // the text it was loaded from, to save as is

 private:
  friend class MappingProfileParser;
  friend const std::vector<MappingProfile>& builtinMappingProfiles();
  std::string id_;
  std::string name_;
  std::string sourceNote_;
  std::string origin_;
  ProfileLocale locale_;
  std::vector<FileMapping> files_;
  std::vector<StageDefinition> stages_;
  std::string json_;
};

// The profiles embedded from resources/mappings, parsed once (thread-safe). A broken built-in is a bug:
// Error(Internal).
const std::vector<MappingProfile>& builtinMappingProfiles();
const MappingProfile* findBuiltinMappingProfile(std::string_view profileId) noexcept;

// How well one file entry of a profile fits a header row.
struct ProfileMatch {
  const MappingProfile* profile = nullptr;
  std::size_t fileIndex = 0;
  double confidence = 0;  // 0..1
  std::vector<std::string> missingRequired;
  std::size_t optionalHits = 0;
  std::size_t optionalTotal = 0;
  std::size_t knownHeaders = 0;  // headers of the file the entry knows (mapped, ignored or listed)
  std::size_t headers = 0;
  bool fileNameMatched = false;

  const FileMapping& file() const { return profile->files()[fileIndex]; }
  std::string describe() const;  // "salesforce Opportunity (0.94)"
};

struct ProfileDetection {
  std::optional<ProfileMatch> best;      // unset when nothing matches at all
  std::optional<ProfileMatch> runnerUp;  // the next best entry, any profile
  // "salesforce Opportunity (0.94); runner-up salesforce OpportunityHistory (0.31)", or why nothing fits.
  std::string summary() const;
};

// Scores one entry. confidence = R² × (0.55 + 0.20·O + 0.20·C + 0.05·N): R the share of required headers
// present, O of optional ones, C the share of the file's headers the entry knows, N a file name match.
ProfileMatch scoreFileMapping(const MappingProfile& profile, std::size_t fileIndex,
                              std::span<const std::string> headers, std::string_view fileName);

// Scores every entry of every profile; entries scoring 0 are never reported.
ProfileDetection detectMappingProfile(std::span<const MappingProfile> profiles, std::span<const std::string> headers,
                                      std::string_view fileName);

}  // namespace salesops
