#pragma once
// Internal to src/io: the JSON walker behind MappingProfile::parse. Not installed, not for other layers.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/EntitySchema.h"
#include "io/MappingProfile.h"

namespace salesops {

// Which value format a field type reads by default, and which formats may fill it.
ValueFormat defaultValueFormat(FieldType type) noexcept;
bool valueFormatFits(ValueFormat format, FieldType type) noexcept;
std::optional<ValueFormat> parseValueFormat(std::string_view name) noexcept;

// Walks the JSON once, building the profile and collecting every problem with its path, so that a user
// fixing a hand-written profile sees all mistakes at once rather than one per attempt.
class MappingProfileParser {
 public:
  // Ordered, so that "first column listed wins" means what the author sees in the file.
  using Json = nlohmann::ordered_json;

  MappingProfileParser(std::string_view source, std::vector<std::string>& problems)
      : source_(source), problems_(problems) {}

  std::optional<MappingProfile> run(std::string_view text);

 private:
  void problem(const std::string& path, const std::string& message);
  void checkKeys(const Json& object, const std::string& path, std::initializer_list<std::string_view> allowed);
  std::string text(const Json& object, const std::string& path, std::string_view key, bool required);
  std::vector<std::string> strings(const Json& value, const std::string& where);
  std::vector<std::pair<std::string, std::string>> stringMap(const Json& value, const std::string& where);
  ProfileLocale locale(const Json& v, const std::string& path);
  DayMonthOrder dateOrder(const Json& v, const std::string& where);
  DecimalMark decimalMark(const Json& v, const std::string& where);
  std::vector<StageDefinition> stages(const Json& v, const std::string& path);
  const FieldSpec* field(const EntitySpec* entity, std::string_view name, const std::string& where);
  FileMapping file(const Json& v, const std::string& path);
  ColumnMapping column(const std::string& header, const Json& v, const std::string& path, const EntitySpec* entity);
  void checkLiteral(const std::string& value, const std::string& where);
  std::vector<FieldDefault> defaults(const Json& v, const std::string& path, const EntitySpec* entity);
  std::vector<MappingRule> rules(const Json& v, const std::string& path, const EntitySpec* entity,
                                 const FileMapping& f);
  RuleCondition condition(const Json& v, const std::string& path, const EntitySpec* entity, const FileMapping& f);

  std::string source_;
  std::vector<std::string>& problems_;
};

}  // namespace salesops
