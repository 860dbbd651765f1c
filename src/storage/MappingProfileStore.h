#pragma once
// The user's mapping profiles kept in the workbook (table mapping_profile): the JSON text a MappingProfile
// reads (io/MappingProfile.h), stored as given. The store does not parse it (storage sits below io): the
// caller validates a profile with MappingProfile::fromJson before saving it.
#include <optional>
#include <string>
#include <vector>

namespace salesops {

class Workbook;

struct StoredMappingProfile {
  std::string id;
  std::string name;
  std::string savedAt;  // UTC timestamp of the last save
};

class MappingProfileStore {
 public:
  explicit MappingProfileStore(Workbook& workbook) : workbook_(workbook) {}

  // By name, then id.
  std::vector<StoredMappingProfile> list();
  std::optional<std::string> loadJson(const std::string& id);
  // Inserts or replaces the profile with this id, in a transaction, audited. Error(Usage) when id, name or
  // json is empty.
  void save(const std::string& id, const std::string& name, const std::string& json);
  // False when there was no such profile.
  bool remove(const std::string& id);

 private:
  Workbook& workbook_;
};

}  // namespace salesops
