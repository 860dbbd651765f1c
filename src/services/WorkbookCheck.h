#pragma once
// `check`: SQLite's integrity and foreign key checks plus the workbook's own invariants (splits sum to
// 100 per opportunity, the manager hierarchy has no cycle, quota and forecast periods are ordered, every
// non-corporate currency used has a rate, won/lost probabilities, ...).
#include <string>
#include <vector>

#include "storage/Workbook.h"

namespace salesops {

struct CheckFinding {
  std::string where;    // "opportunity O000123", "rep R0007", "sqlite"
  std::string message;  // what is wrong
};

std::vector<CheckFinding> checkWorkbook(Workbook& workbook);

}  // namespace salesops
