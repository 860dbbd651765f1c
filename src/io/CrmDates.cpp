#include "io/CrmDates.h"

#include <array>
#include <cctype>
#include <vector>

namespace salesops {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

struct Token {
  bool number = false;
  std::string_view text;
  int value = 0;  // numbers only
};

enum class Shape : std::uint8_t { YearFirst, YearLast, NamedMonth };

// The date part before any day/month order is applied. For YearLast `first` and `second` are the two
// leading numbers as written; for the other shapes `first` is the month and `second` the day.
struct RawDate {
  Shape shape = Shape::YearFirst;
  int first = 0;
  int second = 0;
  int year = 0;
  int yearDigits = 4;
};

constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                   "may",       "june",     "july",     "august",
                                                   "september", "october",  "november", "december"};

int monthFromName(std::string_view word) {
  std::string w;
  for (const char c : word) w.push_back(lower(c));
  if (w == "sept") return 9;
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (w == kMonths[i] || w == kMonths[i].substr(0, 3)) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<std::vector<Token>> tokenize(std::string_view s, std::string& why) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '-' || c == '/' || c == '.' || c == ' ' || c == ',') {
      ++i;
    } else if (isDigit(c)) {
      const std::size_t begin = i;
      int value = 0;
      while (i < s.size() && isDigit(s[i])) {
        if (i - begin < 5) value = value * 10 + (s[i] - '0');
        ++i;
      }
      tokens.push_back({true, s.substr(begin, i - begin), value});
    } else if (isAlpha(c)) {
      const std::size_t begin = i;
      while (i < s.size() && isAlpha(s[i])) ++i;
      tokens.push_back({false, s.substr(begin, i - begin)});
    } else {
      why = "is not a date";
      return std::nullopt;
    }
  }
  return tokens;
}

std::optional<RawDate> scanDatePart(std::string_view s, std::string& why) {
  auto tokens = tokenize(s, why);
  if (!tokens) return std::nullopt;
  const auto& t = *tokens;
  if (t.size() != 3) {
    why = "is not a date";
    return std::nullopt;
  }
  auto yearOf = [&](const Token& token, RawDate& raw) {
    if (!token.number || (token.text.size() != 4 && token.text.size() != 2)) return false;
    raw.year = token.value;
    raw.yearDigits = static_cast<int>(token.text.size());
    return true;
  };
  auto small = [](const Token& token) { return token.number && token.text.size() <= 2; };
  RawDate raw;
  if (t[0].number && t[0].text.size() == 4 && small(t[1]) && small(t[2])) {
    raw = {Shape::YearFirst, t[1].value, t[2].value, t[0].value, 4};
    return raw;
  }
  if (small(t[0]) && small(t[1]) && yearOf(t[2], raw)) {
    raw.shape = Shape::YearLast;
    raw.first = t[0].value;
    raw.second = t[1].value;
    return raw;
  }
  if (small(t[0]) && !t[1].number && monthFromName(t[1].text) && yearOf(t[2], raw)) {
    raw.shape = Shape::NamedMonth;
    raw.first = monthFromName(t[1].text);
    raw.second = t[0].value;
    return raw;
  }
  if (!t[0].number && monthFromName(t[0].text) && small(t[1]) && yearOf(t[2], raw)) {
    raw.shape = Shape::NamedMonth;
    raw.first = monthFromName(t[0].text);
    raw.second = t[1].value;
    return raw;
  }
  if (t[0].number && t[0].text.size() == 4 && !t[1].number && monthFromName(t[1].text) && small(t[2])) {
    raw = {Shape::NamedMonth, monthFromName(t[1].text), t[2].value, t[0].value, 4};
    return raw;
  }
  why = "is not a date";
  return std::nullopt;
}

// Splits "date[T| ]time" at the separator before the first "H:" of the time; time is empty when absent.
bool splitDateTime(std::string_view s, std::string_view& date, std::string_view& time) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) {
    date = s;
    time = {};
    return true;
  }
  std::size_t start = colon;
  while (start > 0 && isDigit(s[start - 1])) --start;
  if (start == 0 || start == colon) return false;
  const char sep = s[start - 1];
  if (sep != 'T' && sep != 't' && sep != ' ') return false;
  std::size_t dateEnd = start - 1;
  while (dateEnd > 0 && (s[dateEnd - 1] == ' ' || s[dateEnd - 1] == ',')) --dateEnd;
  date = s.substr(0, dateEnd);
  time = s.substr(start);
  return !date.empty();
}

bool readNumber(std::string_view s, std::size_t& i, int minDigits, int maxDigits, int& value) {
  const std::size_t begin = i;
  value = 0;
  while (i < s.size() && isDigit(s[i]) && static_cast<int>(i - begin) < maxDigits) value = value * 10 + (s[i++] - '0');
  return static_cast<int>(i - begin) >= minDigits;
}

void skipSpaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && s[i] == ' ') ++i;
}

bool startsWithNoCase(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (lower(s[i + k]) != prefix[k]) return false;
  }
  return true;
}

struct TimeOfDay {
  int seconds = 0;        // since midnight, local to the offset
  int offsetSeconds = 0;  // east of UTC
  bool hadOffset = false;
};

std::optional<TimeOfDay> parseTime(std::string_view s, std::string& why) {
  std::size_t i = 0;
  int hour = 0, minute = 0, second = 0;
  bool ok = readNumber(s, i, 1, 2, hour) && i < s.size() && s[i++] == ':' && readNumber(s, i, 2, 2, minute);
  if (ok && i < s.size() && s[i] == ':') {
    ++i;
    ok = readNumber(s, i, 2, 2, second);
    if (ok && i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      int ignored = 0;
      ok = readNumber(s, i, 1, 9, ignored);
      while (i < s.size() && isDigit(s[i])) ++i;
    }
  }
  if (!ok) {
    why = "has a time that is not H:MM[:SS]";
    return std::nullopt;
  }
  skipSpaces(s, i);
  int meridiem = 0;  // 1 = AM, 2 = PM
  for (const auto& [text, value] : {std::pair{"a.m.", 1}, {"p.m.", 2}, {"am", 1}, {"pm", 2}}) {
    const std::string_view word = text;
    if (startsWithNoCase(s, i, word)) {
      meridiem = value;
      i += word.size();
      break;
    }
  }
  if (meridiem != 0) {
    if (hour < 1 || hour > 12) {
      why = "has an hour outside 1..12 before AM/PM";
      return std::nullopt;
    }
    hour = hour % 12 + (meridiem == 2 ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) {
    why = "has a time of day that does not exist";
    return std::nullopt;
  }
  TimeOfDay out;
  out.seconds = hour * 3600 + minute * 60 + second;
  skipSpaces(s, i);
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    out.hadOffset = true;
    ++i;
  } else if (startsWithNoCase(s, i, "utc") || startsWithNoCase(s, i, "gmt")) {
    out.hadOffset = true;
    i += 3;
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    const int sign = s[i++] == '-' ? -1 : 1;
    int oh = 0, om = 0;
    bool offsetOk = readNumber(s, i, 2, 2, oh);
    if (offsetOk && i < s.size()) {
      if (s[i] == ':') ++i;
      offsetOk = readNumber(s, i, 2, 2, om);
    }
    if (!offsetOk || oh > 14 || om > 59) {
      why = "has an offset that is not +HH, +HHMM or +HH:MM";
      return std::nullopt;
    }
    out.offsetSeconds = sign * (oh * 3600 + om * 60);
    out.hadOffset = true;
  }
  if (i != s.size()) {
    why = "has unexpected text after the time";
    return std::nullopt;
  }
  return out;
}

std::optional<Date> resolve(const RawDate& raw, const CrmDateOptions& options, std::string& why) {
  int month = raw.first;
  int day = raw.second;
  if (raw.shape == Shape::YearLast && options.order == DayMonthOrder::DayFirst) std::swap(month, day);
  int year = raw.year;
  if (raw.yearDigits == 2) year += year < options.twoDigitYearPivot ? 2000 : 1900;
  if (year < 1 || year > 9999) {
    why = "has a year outside 1..9999";
    return std::nullopt;
  }
  if (month < 1 || month > 12) {
    why = "has no month " + std::to_string(month) +
          (raw.shape == Shape::YearLast ? std::string(" (read as ") + std::string(toString(options.order)) + ")" : "");
    return std::nullopt;
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    why = "is not a valid date (day " + std::to_string(day) + " of month " + std::to_string(month) + ")";
    return std::nullopt;
  }
  return Date::fromCivil(year, month, day);
}

}  // namespace

std::string_view toString(DayMonthOrder order) noexcept { return order == DayMonthOrder::DayFirst ? "dmy" : "mdy"; }

std::optional<DayMonthOrder> parseDayMonthOrder(std::string_view text) {
  if (text == "mdy") return DayMonthOrder::MonthFirst;
  if (text == "dmy") return DayMonthOrder::DayFirst;
  return std::nullopt;
}

CrmCell<CrmDateTime> parseCrmDateTime(std::string_view text, const CrmDateOptions& options) {
  using Cell = CrmCell<CrmDateTime>;
  std::string why;
  if (isBlankCell(text, &why)) return Cell::empty(std::move(why));
  const std::string_view t = trimCell(text);
  std::string_view datePart, timePart;
  if (!splitDateTime(t, datePart, timePart)) return Cell::invalid(quoteCell(t) + " is not a date");
  const auto raw = scanDatePart(datePart, why);
  if (!raw) return Cell::invalid(quoteCell(t) + " " + why);
  const auto date = resolve(*raw, options, why);
  if (!date) return Cell::invalid(quoteCell(t) + " " + why);
  CrmDateTime out;
  out.utc.seconds = std::int64_t{date->days} * 86400;
  if (!timePart.empty()) {
    const auto time = parseTime(timePart, why);
    if (!time) return Cell::invalid(quoteCell(t) + " " + why);
    out.utc.seconds += time->seconds - time->offsetSeconds;
    out.hadTime = true;
    out.hadOffset = time->hadOffset;
  }
  return Cell::of(out);
}

CrmCell<Date> parseCrmDate(std::string_view text, const CrmDateOptions& options) {
  auto cell = parseCrmDateTime(text, options);
  if (cell.isEmpty()) return CrmCell<Date>::empty(std::move(cell.reason));
  if (cell.isInvalid()) return CrmCell<Date>::invalid(std::move(cell.reason));
  return CrmCell<Date>::of(cell.value.utc.date());
}

void DateColumnScanner::add(std::string_view text, std::int64_t line) {
  if (isBlankCell(text)) return;
  ++values_;
  const std::string_view t = trimCell(text);
  std::string_view datePart, timePart;
  std::string why;
  if (!splitDateTime(t, datePart, timePart)) return;
  const auto raw = scanDatePart(datePart, why);
  // Unreadable values and 2-digit-first shapes decide nothing; each row reports its own problem later.
  if (!raw || raw->shape != Shape::YearLast) return;
  const bool firstIsDay = raw->first > 12 && raw->first <= 31 && raw->second >= 1 && raw->second <= 12;
  const bool secondIsDay = raw->second > 12 && raw->second <= 31 && raw->first >= 1 && raw->first <= 12;
  if (firstIsDay && dayFirstLine_ == 0) {
    dayFirstLine_ = line;
    dayFirstText_ = std::string(t);
  }
  if (secondIsDay && monthFirstLine_ == 0) {
    monthFirstLine_ = line;
    monthFirstText_ = std::string(t);
  }
  // 03/03/2024 reads the same either way, so it does not make a column ambiguous.
  if (firstIsDay || secondIsDay || raw->first != raw->second) {
    ++orderDependent_;
    if (firstDependentLine_ == 0) {
      firstDependentLine_ = line;
      firstDependentText_ = std::string(t);
    }
  }
}

DateFormatGuess DateColumnScanner::finish(std::string_view column, DayMonthOrder fallback,
                                          std::string_view fallbackSource) const {
  DateFormatGuess g;
  g.dayFirstLine = dayFirstLine_;
  g.monthFirstLine = monthFirstLine_;
  g.orderDependent = orderDependent_;
  g.values = values_;
  g.order = fallback;
  const std::string name = "column " + std::string(column);
  if (dayFirstLine_ != 0 && monthFirstLine_ != 0) {
    g.verdict = ColumnVerdict::Conflicting;
    g.reason = name + " mixes day-first and month-first dates: line " + std::to_string(dayFirstLine_) + " has " +
               quoteCell(dayFirstText_) + " (day first) and line " + std::to_string(monthFirstLine_) + " has " +
               quoteCell(monthFirstText_) + " (month first)";
  } else if (dayFirstLine_ != 0) {
    g.verdict = ColumnVerdict::Decided;
    g.order = DayMonthOrder::DayFirst;
    g.reason =
        name + " is day-first (DD/MM/YYYY): line " + std::to_string(dayFirstLine_) + " has " + quoteCell(dayFirstText_);
  } else if (monthFirstLine_ != 0) {
    g.verdict = ColumnVerdict::Decided;
    g.order = DayMonthOrder::MonthFirst;
    g.reason = name + " is month-first (MM/DD/YYYY): line " + std::to_string(monthFirstLine_) + " has " +
               quoteCell(monthFirstText_);
  } else if (orderDependent_ > 0) {
    g.verdict = ColumnVerdict::Ambiguous;
    g.reason = name + " is ambiguous: no day or month above 12 in " + std::to_string(orderDependent_) +
               " values such as " + quoteCell(firstDependentText_) + " (line " + std::to_string(firstDependentLine_) +
               "); read as " + (fallback == DayMonthOrder::DayFirst ? "day-first" : "month-first") + " (" +
               std::string(toString(fallback)) + ") from " + std::string(fallbackSource);
  } else {
    g.verdict = ColumnVerdict::NotNeeded;
    g.reason = name + " has no date whose reading depends on day/month order";
  }
  return g;
}

}  // namespace salesops
