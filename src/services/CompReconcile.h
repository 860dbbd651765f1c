#pragma once
// Reconciliation (issue 7, part 6): another system's commission statement or payroll export compared line
// by line with the stored ledger. The file has rep_id, period_start, period_end, amount and, optionally,
// component; with a component column amounts compare per component, else per rep and payout period.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/Period.h"
#include "storage/Workbook.h"

namespace salesops {

struct ReconcileRow {
  std::string repId;
  Period period;
  std::string component;                // empty when compared per rep and period
  std::optional<std::int64_t> ours;     // minor units; empty: we have no such line
  std::optional<std::int64_t> theirs;   // empty: the file has no such line
  const char* status() const noexcept;  // match, differs, only_ours, only_theirs
};

struct ReconcileResult {
  std::vector<ReconcileRow> rows;  // by rep, period, component
  std::int64_t matched = 0, differing = 0, onlyOurs = 0, onlyTheirs = 0;
  int minorDigits = 2;
};

// Reads the stored ledger only (run a payout first). Errors: Error(Data) "file:line: column: reason" for the
// first bad value (a missing column, a bad date or amount, an end before its start); nothing is changed.
ReconcileResult reconcileLedger(Workbook& workbook, const std::filesystem::path& file);

// rep_id, period_start, period_end, component, ours, theirs, difference, status.
std::string reconcileCsv(const ReconcileResult& result);

}  // namespace salesops
