#include "io/CrmValues.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace salesops {

namespace {

bool isAsciiBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Length of a no-break space starting at `i` (U+00A0 = C2 A0, U+202F = E2 80 AF), 0 if none.
std::size_t nbspAt(std::string_view s, std::size_t i) {
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// Length of a no-break space ending at `end` (exclusive), 0 if none.
std::size_t nbspBefore(std::string_view s, std::size_t end) {
  if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") return 2;
  if (end >= 3 && s.substr(end - 3, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Excel's error values, as every spreadsheet writes them into CSV when a formula fails.
constexpr std::array<std::string_view, 10> kSpreadsheetErrors{"#N/A",   "#VALUE!", "#REF!",   "#DIV/0!", "#NUM!",
                                                              "#NAME?", "#NULL!",  "#SPILL!", "#CALC!",  "#N/A!"};

}  // namespace

std::string_view toString(ColumnVerdict verdict) noexcept {
  switch (verdict) {
    case ColumnVerdict::NotNeeded:
      return "not needed";
    case ColumnVerdict::Decided:
      return "decided";
    case ColumnVerdict::Ambiguous:
      return "ambiguous";
    case ColumnVerdict::Conflicting:
      return "conflicting";
  }
  return "?";
}

std::string_view trimCell(std::string_view text) noexcept {
  std::size_t begin = 0;
  std::size_t end = text.size();
  for (;;) {
    if (begin < end && isAsciiBlank(text[begin])) {
      ++begin;
    } else if (const std::size_t n = begin < end ? nbspAt(text.substr(0, end), begin) : 0) {
      begin += n;
    } else {
      break;
    }
  }
  for (;;) {
    if (end > begin && isAsciiBlank(text[end - 1])) {
      --end;
    } else if (const std::size_t n = end > begin ? nbspBefore(text.substr(begin, end - begin), end - begin) : 0) {
      end -= n;
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

bool isBlankCell(std::string_view text, std::string* reason) {
  const std::string_view t = trimCell(text);
  if (t.empty()) {
    if (reason) reason->clear();
    return true;
  }
  if (t.front() != '#') return false;
  for (const std::string_view error : kSpreadsheetErrors) {
    if (equalsIgnoreCase(t, error)) {
      if (reason) *reason = quoteCell(t) + " is a spreadsheet error value; read as empty";
      return true;
    }
  }
  return false;
}

std::string quoteCell(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  std::size_t cut = kMax;
  // Never split a UTF-8 sequence: back up over continuation bytes.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "\xE2\x80\xA6\"";
}

CrmCell<bool> parseCrmBool(std::string_view text) {
  std::string why;
  if (isBlankCell(text, &why)) return CrmCell<bool>::empty(std::move(why));
  const std::string_view t = trimCell(text);
  for (const std::string_view yes : {"1", "true", "yes"}) {
    if (equalsIgnoreCase(t, yes)) return CrmCell<bool>::of(true);
  }
  for (const std::string_view no : {"0", "false", "no"}) {
    if (equalsIgnoreCase(t, no)) return CrmCell<bool>::of(false);
  }
  return CrmCell<bool>::invalid(quoteCell(t) + " is not a boolean (use 1/0, true/false or yes/no)");
}

}  // namespace salesops
