#include "services/WorkbookInfo.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "domain/EntitySchema.h"

namespace salesops {
namespace {

constexpr std::array<const char*, 12> kMonthNames{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

std::optional<Date> dateColumn(const Statement& row, int column) {
  if (row.isNull(column)) return std::nullopt;
  return parseDate(row.text(column));
}

}  // namespace

WorkbookInfo readWorkbookInfo(Workbook& workbook) {
  WorkbookInfo info;
  info.path = workbook.path().string();
  info.schemaVersion = workbook.schemaVersion();
  info.settings = workbook.settings();
  Database& db = workbook.db();
  for (const auto& entity : entities()) {
    // Table names come from EntitySchema, never from input, and SQL cannot bind an identifier.
    const auto rows = db.queryInt("SELECT count(*) FROM " + std::string(entity.table));
    info.rowCounts.emplace_back(std::string(entity.name), rows);
  }
  auto range = db.prepare("SELECT min(close_date), max(close_date) FROM opportunity");
  if (range.step()) {
    info.firstCloseDate = dateColumn(range, 0);
    info.lastCloseDate = dateColumn(range, 1);
  }
  return info;
}

std::string formatWorkbookInfo(const WorkbookInfo& info) {
  std::size_t nameWidth = 0;
  std::size_t countWidth = 1;
  for (const auto& [name, count] : info.rowCounts) {
    nameWidth = std::max(nameWidth, name.size());
    countWidth = std::max(countWidth, std::to_string(count).size());
  }
  const int month = info.settings.fiscalYearStartMonth;
  const std::string monthName = month >= 1 && month <= 12 ? kMonthNames[static_cast<std::size_t>(month - 1)] : "?";

  std::ostringstream out;
  out << "Workbook:      " << info.path << '\n';
  out << "Schema:        " << info.schemaVersion << '\n';
  out << "Currency:      " << info.settings.currency << '\n';
  out << "Fiscal year:   starts in " << monthName << " (month " << month << ")\n";
  out << "As of:         " << (info.settings.asOf ? info.settings.asOf->toString() : std::string("today")) << '\n';
  out << "Close dates:   ";
  if (info.firstCloseDate && info.lastCloseDate) {
    out << info.firstCloseDate->toString() << " .. " << info.lastCloseDate->toString() << '\n';
  } else {
    out << "none (no opportunities)\n";
  }
  out << "Rows:\n";
  for (const auto& [name, count] : info.rowCounts) {
    const std::string number = std::to_string(count);
    out << "  " << name << std::string(nameWidth - name.size() + 2, ' ') << std::string(countWidth - number.size(), ' ')
        << number << '\n';
  }
  return out.str();
}

}  // namespace salesops
