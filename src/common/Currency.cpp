#include "common/Currency.h"

#include <array>

namespace salesops {

namespace {

// Only the exceptions to the usual 2 digits are listed; unknown but well-formed codes get 2, which is
// what nearly every currency uses and keeps imports of new codes working without a table update.
constexpr std::array<std::string_view, 16> kZeroDigit = {"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF",
                                                         "XPF", "PYG", "RWF", "KMF", "GNF", "BIF", "DJF", "VUV"};
constexpr std::array<std::string_view, 7> kThreeDigit = {"BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& codes, std::string_view code) {
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

}  // namespace

bool isCurrencyCode(std::string_view code) noexcept {
  if (code.size() != 3) return false;
  for (char c : code) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

int minorDigits(std::string_view code) noexcept {
  if (listed(kZeroDigit, code)) return 0;
  if (listed(kThreeDigit, code)) return 3;
  if (code == "CLF") return 4;
  return 2;
}

}  // namespace salesops
