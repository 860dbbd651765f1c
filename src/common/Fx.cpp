#include "common/Fx.h"

#include <algorithm>
#include <limits>

#include "common/Currency.h"
#include "common/Error.h"

namespace salesops {

namespace {

// Exponents here reach 22 (18 digits of rate scale plus 4 of a currency), beyond the int64 pow10.
__int128 pow10Wide(int n) {
  __int128 v = 1;
  for (int i = 0; i < n; ++i) v *= 10;
  return v;
}

}  // namespace

FxTable::FxTable(std::string corporateCurrency) : corporate_(std::move(corporateCurrency)) {}

void FxTable::addRate(const std::string& currency, Date validFrom, Decimal rate) {
  // A zero or negative rate would silently zero or flip every converted amount.
  if (rate.mantissa <= 0) {
    throw Error(ErrorKind::Data, "fx rate for " + currency + " from " + validFrom.toString() + " must be positive");
  }
  auto& list = rates_[currency];
  const auto at =
      std::lower_bound(list.begin(), list.end(), validFrom, [](const DatedRate& r, Date d) { return r.validFrom < d; });
  // Two rows for the same day: the later one wins, as a corrected rate re-imported would expect.
  if (at != list.end() && at->validFrom == validFrom) {
    at->rate = rate;
  } else {
    list.insert(at, DatedRate{validFrom, rate});
  }
}

bool FxTable::knows(const std::string& currency) const {
  return currency == corporate_ || rates_.find(currency) != rates_.end();
}

std::optional<std::int64_t> FxTable::toCorporate(std::int64_t minorUnits, const std::string& currency, Date on) const {
  if (currency == corporate_) return minorUnits;
  const auto found = rates_.find(currency);
  if (found == rates_.end() || found->second.empty()) return std::nullopt;
  const auto& list = found->second;

  // The row in force is the last one starting on or before the date; earlier dates use the first row.
  auto next =
      std::upper_bound(list.begin(), list.end(), on, [](Date d, const DatedRate& r) { return d < r.validFrom; });
  const Decimal rate = (next == list.begin() ? list.front() : *std::prev(next)).rate;

  // corporate = amount * rate * 10^corporateDigits / 10^sourceDigits, with rate = mantissa / 10^scale.
  // Powers of ten on both sides are cancelled first so that only one of them is non-trivial.
  const int exponent = minorDigits(corporate_) - minorDigits(currency) - rate.scale;
  __int128 numerator = static_cast<__int128>(minorUnits) * rate.mantissa;  // |product| < 2^126
  __int128 denominator = 1;
  if (exponent >= 0) {
    if (__builtin_mul_overflow(numerator, pow10Wide(exponent), &numerator)) return std::nullopt;
  } else {
    denominator = pow10Wide(-exponent);
  }
  // Rounding moves the quotient by at most one, so one unit of headroom keeps the result in int64.
  const __int128 truncated = numerator / denominator;
  if (truncated >= std::numeric_limits<std::int64_t>::max() || truncated <= std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return divideRounded(numerator, denominator);
}

}  // namespace salesops
