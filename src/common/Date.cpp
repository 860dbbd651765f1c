#include "common/Date.h"
#include "common/TextParsing.h"

#include <fmt/format.h>

namespace salesops {

namespace {

using detail::isDigit;
using detail::quoted;
using detail::setWhy;

constexpr std::int64_t kSecondsPerDay = 86400;

// Floor division: dates before 1970 must land on the earlier day, not round toward zero.
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// The calendar repeats every 400 years (146097 days). Counting years from 1 March puts the leap day
// at the end of the counted year, so the day of year follows a simple linear formula in the month.
struct Civil {
  int year;
  int month;
  int day;
};

std::int32_t daysFromCivil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = floorDiv(y, 400);
  const std::int64_t yearOfEra = y - era * 400;                         // 0..399
  const std::int64_t shiftedMonth = month > 2 ? month - 3 : month + 9;  // March = 0
  const std::int64_t dayOfYear = (153 * shiftedMonth + 2) / 5 + (day - 1);
  const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  // 719468 days separate 0000-03-01 (the start of era 0) from 1970-01-01.
  return static_cast<std::int32_t>(era * 146097 + dayOfEra - 719468);
}

Civil civilFromDays(std::int32_t days) {
  const std::int64_t z = static_cast<std::int64_t>(days) + 719468;
  const std::int64_t era = floorDiv(z, 146097);
  const std::int64_t dayOfEra = z - era * 146097;  // 0..146096
  const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const std::int64_t shiftedMonth = (5 * dayOfYear + 2) / 153;
  const int day = static_cast<int>(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
  const int month = static_cast<int>(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
  const int year = static_cast<int>(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

// Exactly `count` digits at text[pos]; advances pos.
std::optional<int> fixedDigits(std::string_view text, std::size_t& pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[pos + i];
    if (!isDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += count;
  return value;
}

bool expect(std::string_view text, std::size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

enum class DateScan { Ok, Malformed, Invalid };

// Reads YYYY-MM-DD at pos. Malformed = not that shape; Invalid = the shape, but no such day.
DateScan scanDate(std::string_view text, std::size_t& pos, Date& out) {
  const auto y = fixedDigits(text, pos, 4);
  if (!y || !expect(text, pos, '-')) return DateScan::Malformed;
  const auto m = fixedDigits(text, pos, 2);
  if (!m || !expect(text, pos, '-')) return DateScan::Malformed;
  const auto d = fixedDigits(text, pos, 2);
  if (!d) return DateScan::Malformed;
  if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > daysInMonth(*y, *m)) return DateScan::Invalid;
  out = Date::fromCivil(*y, *m, *d);
  return DateScan::Ok;
}

}  // namespace

Date Date::fromCivil(int year, int month, int day) noexcept { return Date{daysFromCivil(year, month, day)}; }

int Date::year() const noexcept { return civilFromDays(days).year; }
int Date::month() const noexcept { return civilFromDays(days).month; }
int Date::day() const noexcept { return civilFromDays(days).day; }

std::string Date::toString() const {
  const Civil c = civilFromDays(days);
  return fmt::format("{:04d}-{:02d}-{:02d}", c.year, c.month, c.day);
}

Date Date::addMonths(int n) const noexcept {
  const Civil c = civilFromDays(days);
  const std::int64_t monthIndex = static_cast<std::int64_t>(c.year) * 12 + (c.month - 1) + n;
  const int year = static_cast<int>(floorDiv(monthIndex, 12));
  const int month = static_cast<int>(monthIndex - static_cast<std::int64_t>(year) * 12) + 1;
  const int last = daysInMonth(year, month);
  return fromCivil(year, month, c.day < last ? c.day : last);
}

bool isLeapYear(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) noexcept {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && isLeapYear(year)) return 29;
  return kDays[month - 1];
}

std::int32_t daysBetween(Date from, Date to) noexcept { return to.days - from.days; }

std::optional<Date> parseDate(std::string_view text, std::string* why) {
  std::size_t pos = 0;
  Date out;
  const DateScan scan = scanDate(text, pos, out);
  if (scan == DateScan::Ok && pos == text.size()) return out;
  if (scan == DateScan::Invalid && pos == text.size()) {
    setWhy(why, quoted(text) + " is not a valid date");
  } else if (text.empty()) {
    setWhy(why, "date is empty");
  } else {
    setWhy(why, quoted(text) + " is not a date (expected YYYY-MM-DD)");
  }
  return std::nullopt;
}

Date Timestamp::date() const noexcept { return Date{static_cast<std::int32_t>(floorDiv(seconds, kSecondsPerDay))}; }

std::string Timestamp::toString() const {
  const std::int64_t secondOfDay = seconds - floorDiv(seconds, kSecondsPerDay) * kSecondsPerDay;
  return fmt::format("{}T{:02d}:{:02d}:{:02d}Z", date().toString(), secondOfDay / 3600, secondOfDay / 60 % 60,
                     secondOfDay % 60);
}

std::optional<ParsedTimestamp> parseTimestamp(std::string_view text, std::string* why) {
  const auto malformed = [&]() -> std::optional<ParsedTimestamp> {
    setWhy(why, text.empty() ? std::string("timestamp is empty")
                             : quoted(text) + " is not a timestamp (expected YYYY-MM-DDTHH:MM:SSZ)");
    return std::nullopt;
  };
  const auto invalid = [&]() -> std::optional<ParsedTimestamp> {
    setWhy(why, quoted(text) + " is not a valid timestamp");
    return std::nullopt;
  };

  std::size_t pos = 0;
  Date date;
  const DateScan scan = scanDate(text, pos, date);
  if (scan == DateScan::Malformed) return malformed();
  if (scan == DateScan::Invalid) return invalid();
  if (pos == text.size()) return ParsedTimestamp{Timestamp{date.days * kSecondsPerDay}, false};

  if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ') return malformed();
  ++pos;
  const auto hour = fixedDigits(text, pos, 2);
  if (!hour || !expect(text, pos, ':')) return malformed();
  const auto minute = fixedDigits(text, pos, 2);
  if (!minute) return malformed();
  int second = 0;
  if (expect(text, pos, ':')) {
    const auto s = fixedDigits(text, pos, 2);
    if (!s) return malformed();
    second = *s;
    if (expect(text, pos, '.')) {
      const std::size_t fractionBegin = pos;
      while (pos < text.size() && isDigit(text[pos])) ++pos;
      if (pos == fractionBegin) return malformed();
    }
  }
  if (*hour > 23 || *minute > 59 || second > 59) return invalid();

  bool hadOffset = false;
  std::int64_t offsetSeconds = 0;
  if (pos < text.size()) {
    const char c = text[pos++];
    if (c == 'Z' || c == 'z') {
      hadOffset = true;
    } else if (c == '+' || c == '-') {
      const auto oh = fixedDigits(text, pos, 2);
      if (!oh) return malformed();
      expect(text, pos, ':');  // both +HH:MM and +HHMM are written by common tools
      const auto om = fixedDigits(text, pos, 2);
      if (!om) return malformed();
      if (*oh > 23 || *om > 59) return invalid();
      offsetSeconds = (static_cast<std::int64_t>(*oh) * 3600 + *om * 60) * (c == '-' ? -1 : 1);
      hadOffset = true;
    } else {
      return malformed();
    }
  }
  if (pos != text.size()) return malformed();

  // Local time minus its offset gives UTC: 11:30+02:00 is 09:30Z.
  const std::int64_t local = date.days * kSecondsPerDay + *hour * 3600 + *minute * 60 + second;
  return ParsedTimestamp{Timestamp{local - offsetSeconds}, hadOffset};
}

}  // namespace salesops
