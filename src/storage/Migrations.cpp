#include "storage/Migrations.h"

#include <string>

#include "common/Error.h"
#include "common/Logging.h"

namespace salesops {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
#include "EmbeddedMigrations.inc"
  };
  return all;
}

void migrate(Database& db) {
  const auto& all = migrations();
  const auto current = db.queryInt("PRAGMA user_version");
  // DOMAIN.md: the whole upgrade is one transaction, so a crash leaves the file at its old version.
  Transaction transaction(db);
  bool applied = false;
  for (const auto& m : all) {
    if (m.version <= current) continue;
    logger("salesops.storage")->info("{}: applying migration {} ({})", db.path().string(), m.version, m.name);
    db.exec(m.sql);
    // PRAGMA takes no bound parameters; the version is our own integer, never user text.
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    applied = true;
  }
  if (applied) transaction.commit();
}

}  // namespace salesops
