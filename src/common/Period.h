#pragma once
// The fiscal calendar and the period forms of DOMAIN.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/Date.h"

namespace salesops {

// An inclusive date range [start, end].
struct Period {
  Date start;
  Date end;

  std::int32_t days() const noexcept { return end.days - start.days + 1; }
  bool contains(Date d) const noexcept { return start <= d && d <= end; }
  std::string toString() const;  // "YYYY-MM-DD..YYYY-MM-DD"
  auto operator<=>(const Period&) const = default;
};

// Fiscal years are named after the calendar year in which they end: start month 2 -> FY2027 runs
// 2026-02-01 .. 2027-01-31. Start month 1 -> FY2026 is calendar 2026.
class FiscalCalendar {
 public:
  explicit FiscalCalendar(int startMonth = 1);  // 1..12, else throws Error(Usage)
  int startMonth() const noexcept { return startMonth_; }

  int fiscalYearOf(Date d) const noexcept;
  int fiscalQuarterOf(Date d) const noexcept;  // 1..4
  int fiscalMonthOf(Date d) const noexcept;    // 1..12
  Period year(int fiscalYear) const noexcept;
  Period quarter(int fiscalYear, int quarter) const noexcept;    // quarter 1..4
  Period month(int fiscalYear, int fiscalMonth) const noexcept;  // 1..12

  // The quarter containing d, and the same for months and years.
  Period quarterContaining(Date d) const noexcept;
  Period monthContaining(Date d) const noexcept;
  Period yearContaining(Date d) const noexcept;

  // Name of a period if it is exactly one fiscal year/quarter/month: "FY2026", "FY2026-Q3", "FY2026-M07";
  // a calendar month "2026-07"; otherwise the explicit range.
  std::string nameOf(const Period& p) const;

 private:
  int startMonth_;
};

// Parses "FY2026", "FY2026-Q3", "FY2026-M07", "2026-07", "2026-07-01..2026-09-30" (end >= start).
std::optional<Period> parsePeriod(std::string_view text, const FiscalCalendar& calendar, std::string* why = nullptr);

// n consecutive periods of the same form ending with `last` (fiscal quarters, months or years), oldest first.
std::vector<Period> precedingQuarters(const FiscalCalendar& calendar, const Period& lastQuarter, int n);

}  // namespace salesops
