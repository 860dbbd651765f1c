#include "common/Period.h"

#include <fmt/format.h>

#include "common/Error.h"
#include "common/TextParsing.h"

namespace salesops {

namespace {

using detail::isDigit;
using detail::quoted;
using detail::setWhy;

constexpr const char* kForms = "expected FY2026, FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30";

// Digits from pos to the end of text (between minCount and maxCount of them), or nullopt.
std::optional<int> trailingNumber(std::string_view text, std::size_t pos, std::size_t minCount, std::size_t maxCount) {
  if (pos > text.size()) return std::nullopt;
  const std::size_t count = text.size() - pos;
  if (count < minCount || count > maxCount) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < text.size(); ++i) {
    if (!isDigit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool hasPrefixIgnoringCase(std::string_view text, std::size_t pos, char upper) {
  return pos < text.size() && (text[pos] == upper || text[pos] == upper - 'A' + 'a');
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

Period monthsFrom(Date start, int months) { return Period{start, start.addMonths(months).addDays(-1)}; }

std::optional<Period> parseFiscal(std::string_view text, const FiscalCalendar& calendar, std::string* why) {
  // Lower case is accepted too: people type "fy2026-q3" on a command line.
  const auto fail = [&](const std::string& reason) -> std::optional<Period> {
    setWhy(why, quoted(text) + ": " + reason);
    return std::nullopt;
  };
  if (text.size() < 6) return fail(kForms);
  const auto fy = trailingNumber(text.substr(0, 6), 2, 4, 4);
  if (!fy) return fail(kForms);
  if (*fy < 1) return fail("year must be 1..9999");
  if (text.size() == 6) return calendar.year(*fy);
  if (text[6] != '-') return fail(kForms);
  if (hasPrefixIgnoringCase(text, 7, 'Q')) {
    const auto q = trailingNumber(text, 8, 1, 2);
    if (!q) return fail(kForms);
    if (*q < 1 || *q > 4) return fail("quarter must be 1..4");
    return calendar.quarter(*fy, *q);
  }
  if (hasPrefixIgnoringCase(text, 7, 'M')) {
    const auto m = trailingNumber(text, 8, 1, 2);
    if (!m) return fail(kForms);
    if (*m < 1 || *m > 12) return fail("month must be 01..12");
    return calendar.month(*fy, *m);
  }
  return fail(kForms);
}

}  // namespace

std::string Period::toString() const { return start.toString() + ".." + end.toString(); }

FiscalCalendar::FiscalCalendar(int startMonth) : startMonth_(startMonth) {
  if (startMonth < 1 || startMonth > 12) {
    throw Error(ErrorKind::Usage, fmt::format("fiscal year start month must be 1..12, not {}", startMonth));
  }
}

int FiscalCalendar::fiscalYearOf(Date d) const noexcept {
  // A year that starts in any month but January ends in the next calendar year and is named after it.
  if (startMonth_ == 1) return d.year();
  return d.month() >= startMonth_ ? d.year() + 1 : d.year();
}

int FiscalCalendar::fiscalMonthOf(Date d) const noexcept { return (d.month() - startMonth_ + 12) % 12 + 1; }

int FiscalCalendar::fiscalQuarterOf(Date d) const noexcept { return (fiscalMonthOf(d) - 1) / 3 + 1; }

Period FiscalCalendar::year(int fiscalYear) const noexcept {
  const Date start = Date::fromCivil(startMonth_ == 1 ? fiscalYear : fiscalYear - 1, startMonth_, 1);
  return monthsFrom(start, 12);
}

Period FiscalCalendar::quarter(int fiscalYear, int quarter) const noexcept {
  return monthsFrom(year(fiscalYear).start.addMonths(3 * (quarter - 1)), 3);
}

Period FiscalCalendar::month(int fiscalYear, int fiscalMonth) const noexcept {
  return monthsFrom(year(fiscalYear).start.addMonths(fiscalMonth - 1), 1);
}

Period FiscalCalendar::quarterContaining(Date d) const noexcept { return quarter(fiscalYearOf(d), fiscalQuarterOf(d)); }
Period FiscalCalendar::monthContaining(Date d) const noexcept { return month(fiscalYearOf(d), fiscalMonthOf(d)); }
Period FiscalCalendar::yearContaining(Date d) const noexcept { return year(fiscalYearOf(d)); }

std::string FiscalCalendar::nameOf(const Period& p) const {
  const int fy = fiscalYearOf(p.start);
  if (p == year(fy)) return fmt::format("FY{:04d}", fy);
  const int q = fiscalQuarterOf(p.start);
  if (p == quarter(fy, q)) return fmt::format("FY{:04d}-Q{}", fy, q);
  // Fiscal months always start on the 1st, so every calendar month is also a fiscal month and the
  // fiscal name wins; "2026-07" stays an accepted input form only.
  const int m = fiscalMonthOf(p.start);
  if (p == month(fy, m)) return fmt::format("FY{:04d}-M{:02d}", fy, m);
  return p.toString();
}

std::optional<Period> parsePeriod(std::string_view text, const FiscalCalendar& calendar, std::string* why) {
  if (text.empty()) {
    setWhy(why, "period is empty");
    return std::nullopt;
  }
  if (hasPrefixIgnoringCase(text, 0, 'F') && hasPrefixIgnoringCase(text, 1, 'Y')) {
    return parseFiscal(text, calendar, why);
  }
  if (const std::size_t dots = text.find(".."); dots != std::string_view::npos) {
    std::string inner;
    const auto start = parseDate(text.substr(0, dots), &inner);
    if (!start) {
      setWhy(why, quoted(text) + ": " + inner);
      return std::nullopt;
    }
    const auto end = parseDate(text.substr(dots + 2), &inner);
    if (!end) {
      setWhy(why, quoted(text) + ": " + inner);
      return std::nullopt;
    }
    if (*end < *start) {
      setWhy(why, quoted(text) + ": end is before start");
      return std::nullopt;
    }
    return Period{*start, *end};
  }
  if (text.size() == 7 && text[4] == '-') {
    const auto y = trailingNumber(text.substr(0, 4), 0, 4, 4);
    const auto m = trailingNumber(text, 5, 2, 2);
    if (y && m) {
      if (*y < 1) {
        setWhy(why, quoted(text) + ": year must be 1..9999");
        return std::nullopt;
      }
      if (*m < 1 || *m > 12) {
        setWhy(why, quoted(text) + ": month must be 01..12");
        return std::nullopt;
      }
      return monthsFrom(Date::fromCivil(*y, *m, 1), 1);
    }
  }
  setWhy(why, quoted(text) + " is not a period (" + kForms + ")");
  return std::nullopt;
}

std::vector<Period> precedingQuarters(const FiscalCalendar& calendar, const Period& lastQuarter, int n) {
  std::vector<Period> out;
  if (n <= 0) return out;
  out.reserve(static_cast<std::size_t>(n));
  const int fy = calendar.fiscalYearOf(lastQuarter.start);
  const int q = calendar.fiscalQuarterOf(lastQuarter.start);
  const int m = calendar.fiscalMonthOf(lastQuarter.start);
  // Periods are counted as one running index (year * periods-per-year + position) so that stepping back
  // across a fiscal year boundary is plain subtraction.
  const auto walk = [&](std::int64_t lastIndex, int perYear, auto make) {
    for (std::int64_t k = n - 1; k >= 0; --k) {
      const std::int64_t index = lastIndex - k;
      const auto year = static_cast<int>(floorDiv(index, perYear));
      out.push_back(make(year, static_cast<int>(index - static_cast<std::int64_t>(year) * perYear) + 1));
    }
  };
  if (lastQuarter == calendar.year(fy)) {
    walk(fy, 1, [&](int y, int) { return calendar.year(y); });
  } else if (lastQuarter == calendar.quarter(fy, q)) {
    walk(static_cast<std::int64_t>(fy) * 4 + (q - 1), 4, [&](int y, int i) { return calendar.quarter(y, i); });
  } else if (lastQuarter == calendar.month(fy, m)) {
    walk(static_cast<std::int64_t>(fy) * 12 + (m - 1), 12, [&](int y, int i) { return calendar.month(y, i); });
  } else {
    // Not a fiscal period: back-to-back windows of the same length are the closest meaning.
    const std::int32_t length = lastQuarter.days();
    for (std::int64_t k = n - 1; k >= 0; --k) {
      const Date start = lastQuarter.start.addDays(static_cast<int>(-k * length));
      out.push_back(Period{start, start.addDays(length - 1)});
    }
  }
  return out;
}

}  // namespace salesops
