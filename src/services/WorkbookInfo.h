#pragma once
// What `info` prints and the GUI status bar shows: settings, schema version, row counts, date range.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storage/Workbook.h"

namespace salesops {

struct WorkbookInfo {
  std::string path;
  int schemaVersion = 0;
  WorkbookSettings settings;
  std::vector<std::pair<std::string, std::int64_t>> rowCounts;  // entity name -> rows, in entity order
  std::optional<Date> firstCloseDate, lastCloseDate;            // over opportunities
};

WorkbookInfo readWorkbookInfo(Workbook& workbook);

// A human-readable multi-line summary (the CLI's `info` output).
std::string formatWorkbookInfo(const WorkbookInfo& info);

}  // namespace salesops
