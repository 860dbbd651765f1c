#pragma once
// Exact decimal values and money text. Money is int64 minor units everywhere; these functions are
// the only way text becomes money and back. Rounding is half away from zero, once, at the edge.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace salesops {

// A decimal number mantissa × 10^-scale, exact. scale is 0..18.
struct Decimal {
  std::int64_t mantissa = 0;
  int scale = 0;

  // Shortest text without trailing zeros: "55", "12.5", "-0.001", "0".
  std::string toString() const;
  double toDouble() const noexcept;
  friend bool operator==(const Decimal& a, const Decimal& b) noexcept;  // by value: 1.50 == 1.5
};

// Parses "-12.50", "+3", "0.125", ".5" and "5." are rejected; no exponent, no spaces, no separators.
// Returns nullopt and sets *why (if given) to a reason for people when the text is not such a number or
// it does not fit (more than 18 significant digits).
std::optional<Decimal> parseDecimal(std::string_view text, std::string* why = nullptr);

// Parses a money amount with at most `minorDigits` decimals into minor units: ("1234.5", 2) -> 123450,
// ("1000", 0) -> 1000, ("1.234", 2) -> nullopt ("has more than 2 decimals").
// Overflow of int64 is rejected.
std::optional<std::int64_t> parseMoney(std::string_view text, int minorDigits, std::string* why = nullptr);

// Writes minor units with exactly `minorDigits` decimals and '.' : (123450, 2) -> "1234.50", (-5, 2) -> "-0.05".
std::string formatMoney(std::int64_t minorUnits, int minorDigits);

// numerator / denominator rounded half away from zero. denominator != 0.
std::int64_t divideRounded(__int128 numerator, __int128 denominator) noexcept;

// 10^n for n in 0..18.
std::int64_t pow10(int n) noexcept;

}  // namespace salesops
