#pragma once
// Calendar dates as day numbers and UTC timestamps as seconds, proleptic Gregorian calendar.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace salesops {

// A calendar date; days since 1970-01-01 (negative before). Value type, ordered, cheap.
struct Date {
  std::int32_t days = 0;

  static Date fromCivil(int year, int month, int day) noexcept;  // precondition: a valid date
  int year() const noexcept;
  int month() const noexcept;    // 1..12
  int day() const noexcept;      // 1..31
  std::string toString() const;  // "YYYY-MM-DD"
  Date addDays(int n) const noexcept { return Date{days + n}; }
  Date addMonths(int n) const noexcept;  // clamps the day: 2026-01-31 + 1 month = 2026-02-28

  auto operator<=>(const Date&) const = default;
};

bool isLeapYear(int year) noexcept;
int daysInMonth(int year, int month) noexcept;
std::int32_t daysBetween(Date from, Date to) noexcept;  // to - from, whole calendar days

// Strict "YYYY-MM-DD" (years 1..9999). Reasons like `"2026-02-30" is not a valid date`.
std::optional<Date> parseDate(std::string_view text, std::string* why = nullptr);

// A UTC instant in whole seconds since 1970-01-01T00:00:00Z.
struct Timestamp {
  std::int64_t seconds = 0;

  Date date() const noexcept;    // the UTC date
  std::string toString() const;  // "YYYY-MM-DDTHH:MM:SSZ"
  auto operator<=>(const Timestamp&) const = default;
};

struct ParsedTimestamp {
  Timestamp value;
  bool hadOffset = true;  // false: no offset or Z was given and the time was read as UTC
};

// ISO 8601: "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z", "+HH:MM", "-HH:MM", "+HHMM" or nothing; a
// space may stand for 'T'. Fractions of a second are dropped. A plain date "YYYY-MM-DD" is midnight UTC.
std::optional<ParsedTimestamp> parseTimestamp(std::string_view text, std::string* why = nullptr);

}  // namespace salesops
