#pragma once
// ISO 4217 currency codes and their minor-unit digits.
#include <string_view>

namespace salesops {

// True for three ASCII upper-case letters.
bool isCurrencyCode(std::string_view code) noexcept;

// Minor-unit digits of an ISO 4217 code: 0 for JPY, KRW, ...; 3 for BHD, KWD, OMR, JOD, TND, LYD, IQD;
// 4 for CLF; 2 for every other well-formed code. Precondition: isCurrencyCode(code).
int minorDigits(std::string_view code) noexcept;

}  // namespace salesops
