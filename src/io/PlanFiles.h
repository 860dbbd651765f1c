#pragma once
// Compensation plans in a CSV workbook folder (COMP.md): plans/<plan_id>.json beside the CSV files, each
// file one plan version as the user wrote it. Import and export of the native CSV workbook call these.
#include <filesystem>
#include <string>
#include <vector>

#include "io/NativeImportRow.h"
#include "storage/Database.h"

namespace salesops::importing {

// Stores every plans/*.json of the folders among `paths` in the run's transaction; a bad file is a problem
// of the run named with its JSON path ("plans/AE.json: components[1].amount: ..."), counted as rejected.
void importPlanFiles(const std::vector<std::filesystem::path>& paths, RunState& run, const std::string& corporate);

}  // namespace salesops::importing

namespace salesops {

// Writes each stored plan version's text unchanged: the newest as plans/<plan_id>.json, older ones as
// plans/<plan_id>@<effective_from>.json. Nothing (no folder) when the workbook has no plan.
void writePlanFiles(Database& db, const std::filesystem::path& dir);

}  // namespace salesops
