#include "storage/MappingProfileStore.h"

#include "common/Error.h"
#include "storage/Workbook.h"

namespace salesops {

std::vector<StoredMappingProfile> MappingProfileStore::list() {
  std::vector<StoredMappingProfile> profiles;
  auto rows =
      workbook_.db().prepare("SELECT profile_id, name, saved_at FROM mapping_profile ORDER BY name, profile_id");
  while (rows.step())
    profiles.push_back({std::string(rows.text(0)), std::string(rows.text(1)), std::string(rows.text(2))});
  return profiles;
}

std::optional<std::string> MappingProfileStore::loadJson(const std::string& id) {
  auto row = workbook_.db().prepare("SELECT json FROM mapping_profile WHERE profile_id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return std::string(row.text(0));
}

void MappingProfileStore::save(const std::string& id, const std::string& name, const std::string& json) {
  if (id.empty()) throw Error(ErrorKind::Usage, "a mapping profile needs an id");
  if (name.empty()) throw Error(ErrorKind::Usage, "mapping profile \"" + id + "\" needs a name");
  if (json.empty()) throw Error(ErrorKind::Usage, "mapping profile \"" + id + "\" has no content");
  Database& db = workbook_.db();
  Transaction transaction(db);
  db.prepare(
        "INSERT INTO mapping_profile (profile_id, name, json, saved_at) "
        "VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) "
        "ON CONFLICT (profile_id) DO UPDATE SET name = excluded.name, json = excluded.json, "
        "saved_at = excluded.saved_at")
      .bind(1, id)
      .bind(2, name)
      .bind(3, json)
      .run();
  workbook_.audit("mapping profile save", "mapping_profile", id + " (" + name + ")");
  transaction.commit();
}

bool MappingProfileStore::remove(const std::string& id) {
  Database& db = workbook_.db();
  Transaction transaction(db);
  db.prepare("DELETE FROM mapping_profile WHERE profile_id = ?1").bind(1, id).run();
  if (db.changes() == 0) return false;
  workbook_.audit("mapping profile remove", "mapping_profile", id);
  transaction.commit();
  return true;
}

}  // namespace salesops
