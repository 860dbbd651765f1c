#include "common/Decimal.h"
#include "common/TextParsing.h"

#include <array>
#include <cassert>
#include <limits>

namespace salesops {

namespace {

using detail::isDigit;
using detail::quoted;
using detail::setWhy;

constexpr int kMaxDigits = 18;

constexpr std::array<std::int64_t, kMaxDigits + 1> kPow10 = [] {
  std::array<std::int64_t, kMaxDigits + 1> table{1};
  for (std::size_t i = 1; i < table.size(); ++i) table[i] = table[i - 1] * 10;
  return table;
}();

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// The one grammar of numbers in files: [+-]digits[.digits]. Money and decimals share it so that a value
// accepted in one column is never refused in another for a reason of syntax.
struct NumberText {
  bool negative = false;
  std::string_view whole;
  std::string_view fraction;
};

std::optional<NumberText> scanNumber(std::string_view text, std::string* why) {
  if (text.empty()) {
    setWhy(why, "is empty");
    return std::nullopt;
  }
  if (isSpace(text.front()) || isSpace(text.back())) {
    // Said apart from other junk: an invisible space is the hardest mistake for a user to see.
    setWhy(why, "has spaces around it");
    return std::nullopt;
  }
  NumberText out;
  std::size_t i = 0;
  if (text[i] == '+' || text[i] == '-') {
    out.negative = text[i] == '-';
    ++i;
  }
  const std::size_t wholeBegin = i;
  while (i < text.size() && isDigit(text[i])) ++i;
  out.whole = text.substr(wholeBegin, i - wholeBegin);
  bool ok = !out.whole.empty();
  if (ok && i < text.size() && text[i] == '.') {
    const std::size_t fracBegin = ++i;
    while (i < text.size() && isDigit(text[i])) ++i;
    out.fraction = text.substr(fracBegin, i - fracBegin);
    ok = !out.fraction.empty();
  }
  if (!ok || i != text.size()) {
    // Pasted spreadsheet figures ("1,000", "12,50") are the usual culprit; point at the fix.
    if (text.find(',') != std::string_view::npos) {
      setWhy(why, "is not a number (use '.' for decimals and no thousands separators)");
    } else {
      setWhy(why, "is not a number");
    }
    return std::nullopt;
  }
  return out;
}

std::string_view stripLeadingZeros(std::string_view digits) {
  std::size_t i = 0;
  while (i < digits.size() && digits[i] == '0') ++i;
  return digits.substr(i);
}

// Magnitude as text, '.' placed `scale` digits from the right, at least one digit before it.
std::string placePoint(std::uint64_t magnitude, int scale, bool negative) {
  std::string digits = std::to_string(magnitude);
  if (scale > 0) {
    const auto need = static_cast<std::size_t>(scale) + 1;
    if (digits.size() < need) digits.insert(0, need - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(scale), 1, '.');
  }
  if (negative) digits.insert(0, 1, '-');
  return digits;
}

std::uint64_t magnitudeOf(std::int64_t v) {
  // Through unsigned arithmetic so that INT64_MIN has a magnitude too.
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

Decimal normalized(Decimal d) {
  while (d.scale > 0 && d.mantissa % 10 == 0) {
    d.mantissa /= 10;
    --d.scale;
  }
  if (d.mantissa == 0) d.scale = 0;
  return d;
}

}  // namespace

std::int64_t pow10(int n) noexcept {
  assert(n >= 0 && n <= kMaxDigits);
  if (n < 0) n = 0;
  if (n > kMaxDigits) n = kMaxDigits;
  return kPow10[static_cast<std::size_t>(n)];
}

std::string Decimal::toString() const {
  const Decimal d = normalized(*this);
  return placePoint(magnitudeOf(d.mantissa), d.scale, d.mantissa < 0);
}

double Decimal::toDouble() const noexcept { return static_cast<double>(mantissa) / static_cast<double>(pow10(scale)); }

bool operator==(const Decimal& a, const Decimal& b) noexcept {
  const Decimal x = normalized(a);
  const Decimal y = normalized(b);
  return x.mantissa == y.mantissa && x.scale == y.scale;
}

std::optional<Decimal> parseDecimal(std::string_view text, std::string* why) {
  auto number = scanNumber(text, why);
  if (!number) return std::nullopt;
  std::string_view whole = stripLeadingZeros(number->whole);
  std::string_view fraction = number->fraction;
  // Trailing zeros of the fraction carry no value, so "1.50000…" is not refused for its length.
  while (whole.size() + fraction.size() > kMaxDigits && !fraction.empty() && fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  if (whole.size() + fraction.size() > kMaxDigits) {
    setWhy(why, "has too many digits (at most 18)");
    return std::nullopt;
  }
  // At most 18 digits, so the value stays below 10^18 and cannot overflow.
  std::int64_t value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  for (char c : fraction) value = value * 10 + (c - '0');
  return Decimal{number->negative ? -value : value, static_cast<int>(fraction.size())};
}

std::optional<std::int64_t> parseMoney(std::string_view text, int minorDigits, std::string* why) {
  auto number = scanNumber(text, why);
  if (!number) return std::nullopt;
  if (number->fraction.size() > static_cast<std::size_t>(minorDigits)) {
    setWhy(why, minorDigits == 0 ? std::string("must be a whole number")
                                 : "has more than " + std::to_string(minorDigits) + " decimals");
    return std::nullopt;
  }
  // INT64_MIN is a valid amount, so the limit depends on the sign.
  const unsigned __int128 limit =
      static_cast<unsigned __int128>(std::numeric_limits<std::int64_t>::max()) + (number->negative ? 1 : 0);
  unsigned __int128 magnitude = 0;
  auto push = [&](char c) {
    magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
    return magnitude <= limit;
  };
  bool fits = true;
  for (char c : number->whole) fits = fits && push(c);
  for (char c : number->fraction) fits = fits && push(c);
  for (std::size_t i = number->fraction.size(); i < static_cast<std::size_t>(minorDigits); ++i) {
    fits = fits && push('0');
  }
  if (!fits) {
    setWhy(why, "is too large");
    return std::nullopt;
  }
  const auto m = static_cast<std::uint64_t>(magnitude);
  return number->negative ? static_cast<std::int64_t>(std::uint64_t{0} - m) : static_cast<std::int64_t>(m);
}

std::string formatMoney(std::int64_t minorUnits, int minorDigits) {
  return placePoint(magnitudeOf(minorUnits), minorDigits, minorUnits < 0);
}

std::int64_t divideRounded(__int128 numerator, __int128 denominator) noexcept {
  // Magnitudes in unsigned arithmetic: no overflow for the most negative __int128, and the half test
  // (remainder >= denominator - remainder) never doubles a value that could overflow.
  const bool negative = (numerator < 0) != (denominator < 0);
  const auto absOf = [](__int128 v) {
    return v < 0 ? static_cast<unsigned __int128>(0) - static_cast<unsigned __int128>(v)
                 : static_cast<unsigned __int128>(v);
  };
  const unsigned __int128 n = absOf(numerator);
  const unsigned __int128 d = absOf(denominator);
  unsigned __int128 q = n / d;
  const unsigned __int128 r = n % d;
  if (r >= d - r) ++q;
  // The caller guarantees the quotient fits; the wrap through uint64 keeps INT64_MIN reachable.
  const auto q64 = static_cast<std::uint64_t>(q);
  return negative ? static_cast<std::int64_t>(std::uint64_t{0} - q64) : static_cast<std::int64_t>(q64);
}

}  // namespace salesops
