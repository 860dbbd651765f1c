#pragma once
// Dates and date-times as CRMs and spreadsheets write them, and the column-level decision of day/month
// order. Pure, thread-safe.
//
// Accepted shapes (a time part is optional everywhere):
//   2024-01-22, 2024/01/22, 2024.01.22                      year first: never ambiguous
//   03/04/2024, 3-4-2024, 03.04.2024, 03/04/24              day/month order from the column (DateColumnScanner)
//   22-Jan-2024, 22 Jan 2024, Jan 22, 2024, January 22 2024 English month names: never ambiguous
//   time: "T" or spaces, then H:MM[:SS[.fff]], optionally AM/PM (12:30 AM = 00:30, 12:30 PM = 12:30),
//   then optionally Z, UTC, GMT, +HH, +HHMM or +HH:MM (Salesforce: 2024-01-22T16:14:25.000+0000).
// Two-digit years: YY < pivot -> 20YY, otherwise 19YY; the default pivot 69 is POSIX strptime's and C++
// chrono's %y rule (00..68 -> 2000..2068, 69..99 -> 1969..1999). Fractions of a second are dropped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/Date.h"
#include "io/CrmValues.h"

namespace salesops {

enum class DayMonthOrder : std::uint8_t {
  MonthFirst,  // MM/DD/YYYY: United States, Salesforce and HubSpot in en-US
  DayFirst,    // DD/MM/YYYY and DD.MM.YYYY: most of Europe, the UK, Latin America
};

std::string_view toString(DayMonthOrder order) noexcept;                 // "mdy" / "dmy"
std::optional<DayMonthOrder> parseDayMonthOrder(std::string_view text);  // "mdy" / "dmy"

struct CrmDateOptions {
  DayMonthOrder order = DayMonthOrder::MonthFirst;  // for numeric dates whose year is last
  int twoDigitYearPivot = 69;                       // see the header comment
};

// A date-time as read. `utc` is the instant (a value without an offset is read as UTC, hadOffset false,
// so the import can say so once); `hadTime` false for a plain date (then utc is its midnight UTC).
struct CrmDateTime {
  Timestamp utc;
  bool hadTime = false;
  bool hadOffset = false;
};

CrmCell<CrmDateTime> parseCrmDateTime(std::string_view text, const CrmDateOptions& options = {});

// For date fields. A value with a time is accepted and gives its UTC date, the same date a timestamp
// field would store, so CreatedDate maps onto created_date the way Salesforce's own UTC export means it.
CrmCell<Date> parseCrmDate(std::string_view text, const CrmDateOptions& options = {});

// The column-level decision of day/month order.
struct DateFormatGuess {
  ColumnVerdict verdict = ColumnVerdict::NotNeeded;
  DayMonthOrder order = DayMonthOrder::MonthFirst;  // the order to read the column with
  std::string reason;                               // for people; names the deciding or conflicting lines
  std::int64_t dayFirstLine = 0;                    // first line whose value can only be day-first (0: none)
  std::int64_t monthFirstLine = 0;                  // first line whose value can only be month-first
  std::int64_t orderDependent = 0;                  // values whose reading depends on the order
  std::int64_t values = 0;                          // non-empty values seen
};

// Scans a whole column, value by value (streaming: it keeps counters only), then decides:
// any value whose first part is > 12 (13/04/2024) => day-first; any whose second part is > 12
// (04/13/2024) => month-first; both => Conflicting (the column cannot be read; both lines are named);
// neither while some value depends on it (03/04/2024) => Ambiguous, read with the caller's fallback and
// flagged; no order-dependent value at all => NotNeeded.
class DateColumnScanner {
 public:
  void add(std::string_view text, std::int64_t line);
  // `fallback` and `fallbackSource` ("the profile's locale", "the import option --date-order") are used
  // and named when the column is ambiguous. `column` is the header, for the reason text.
  DateFormatGuess finish(std::string_view column, DayMonthOrder fallback, std::string_view fallbackSource) const;

 private:
  std::int64_t values_ = 0;
  std::int64_t orderDependent_ = 0;
  std::int64_t dayFirstLine_ = 0;
  std::int64_t monthFirstLine_ = 0;
  std::string dayFirstText_;
  std::string monthFirstText_;
  std::string firstDependentText_;
  std::int64_t firstDependentLine_ = 0;
};

}  // namespace salesops
