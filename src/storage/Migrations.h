#pragma once
// Numbered, forward-only schema migrations embedded from src/storage/migrations/NNNN_name.sql.
#include <string_view>
#include <vector>

#include "storage/Database.h"

namespace salesops {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& migrations();  // ascending by version

// Applies every migration above the file's user_version, all in one transaction together with the
// user_version bumps (DOMAIN.md). The caller has written the backup before.
void migrate(Database& db);

}  // namespace salesops
