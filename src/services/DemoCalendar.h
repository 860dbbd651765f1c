#pragma once
// Day numbers and their ISO text written straight into caller buffers. The demo formats tens of millions
// of dates; going through Date::toString() would allocate a std::string for each one.
#include <cstdint>

namespace salesops::demo {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int32_t dayOf(int y, int m, int d) noexcept {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int year, month, day;
};

constexpr Civil civilOf(std::int32_t z) noexcept {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{yoe + era * 400 + (m <= 2), m, d};
}

constexpr int weekdayOf(std::int32_t day) noexcept {  // 0 = Monday
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}

inline char* writeDigits(char* out, int value, int width) noexcept {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

// Writes "YYYY-MM-DD" (10 chars, no terminator) and returns the end.
inline char* writeDate(char* out, std::int32_t day) noexcept {
  const Civil c = civilOf(day);
  out = writeDigits(out, c.year, 4);
  *out++ = '-';
  out = writeDigits(out, c.month, 2);
  *out++ = '-';
  return writeDigits(out, c.day, 2);
}

constexpr std::int64_t kSecondsPerDay = 86400;

// Writes "YYYY-MM-DDTHH:MM:SSZ" (20 chars) for seconds since the epoch, UTC.
inline char* writeTimestamp(char* out, std::int64_t seconds) noexcept {
  const auto day = static_cast<std::int32_t>(seconds / kSecondsPerDay);
  auto rest = static_cast<int>(seconds - static_cast<std::int64_t>(day) * kSecondsPerDay);
  out = writeDate(out, day);
  *out++ = 'T';
  out = writeDigits(out, rest / 3600, 2);
  *out++ = ':';
  rest %= 3600;
  out = writeDigits(out, rest / 60, 2);
  *out++ = ':';
  out = writeDigits(out, rest % 60, 2);
  *out++ = 'Z';
  return out;
}

// The demo's calendar quarters (fiscal year = calendar year, start month 1).
constexpr std::int32_t quarterStart(int year, int quarter) noexcept { return dayOf(year, 3 * quarter - 2, 1); }
constexpr std::int32_t quarterEnd(int year, int quarter) noexcept {
  return quarter == 4 ? dayOf(year + 1, 1, 1) - 1 : dayOf(year, 3 * quarter + 1, 1) - 1;
}

}  // namespace salesops::demo
