#pragma once
// The mapped side of `salesops-cli import` (--mapping auto|NAME|FILE.json): which profile reads each file,
// the detection summary, and the summary of placeholders, notes and duplicates (docs/crm-import.md).
#include <ostream>
#include <string>
#include <vector>

#include "cli/Cli.h"

namespace salesops::cli {

struct MappedImportArgs {
  std::string workbook;
  std::vector<std::string> paths;
  std::string mapping;  // auto, a profile id or a JSON file
  std::string names = "create";
  std::string duplicates = "last";
  std::vector<std::string> matchKeys;  // ENTITY=field+field
  bool dryRun = false;
  bool skipBadRows = false;
  std::string reportFile;
};

// True when `auto` should run the native import: every file (or every CSV of a folder) is named after an
// entity of the CSV workbook format.
bool looksNative(const std::vector<std::string>& paths);

// Runs the mapped import and prints its outcome; throws ExitWith{3} when nothing was changed for problems.
void runMappedImport(const MappedImportArgs& args, CliStreams& streams);

}  // namespace salesops::cli
