#include "kpi/ExactQuota.h"

#include <cmath>
#include <numeric>

#include "common/Decimal.h"

namespace salesops {
namespace {

constexpr __int128 kMaxDenominator = __int128{1} << 62;

__int128 absolute(__int128 v) noexcept { return v < 0 ? -v : v; }

}  // namespace

void ExactQuota::add(std::int64_t amount, std::int64_t inside, std::int64_t days) noexcept {
  const __int128 product = static_cast<__int128>(amount) * inside;
  whole_ += product / days;
  const auto remainder = static_cast<std::int64_t>(product % days);
  if (remainder == 0) return;
  if (approximate_) {
    fraction_ += static_cast<long double>(remainder) / static_cast<long double>(days);
    return;
  }
  const std::int64_t g = std::gcd(den_, days);
  const __int128 common = static_cast<__int128>(den_ / g) * days;
  if (common > kMaxDenominator) {
    approximate_ = true;
    fraction_ = static_cast<long double>(num_) / static_cast<long double>(den_) +
                static_cast<long double>(remainder) / static_cast<long double>(days);
    num_ = 0;
    den_ = 1;
    return;
  }
  __int128 num = static_cast<__int128>(num_) * (common / den_) + static_cast<__int128>(remainder) * (common / days);
  whole_ += num / common;
  num %= common;
  const auto reduce = std::gcd(static_cast<std::int64_t>(absolute(num)), static_cast<std::int64_t>(common));
  num_ = static_cast<std::int64_t>(num / (reduce == 0 ? 1 : reduce));
  den_ = static_cast<std::int64_t>(common / (reduce == 0 ? 1 : reduce));
  if (num_ == 0) den_ = 1;
}

void ExactQuota::add(const ExactQuota& other) noexcept {
  whole_ += other.whole_;
  if (other.num_ != 0) add(other.num_, 1, other.den_);
  if (other.approximate_) {
    if (!approximate_) {
      approximate_ = true;
      fraction_ = static_cast<long double>(num_) / static_cast<long double>(den_);
      num_ = 0;
      den_ = 1;
    }
    fraction_ += other.fraction_;
  }
}

bool ExactQuota::isPositive() const noexcept {
  if (approximate_) return static_cast<long double>(whole_) + fraction_ > 0;
  return whole_ * den_ + num_ > 0;
}

double ExactQuota::value() const noexcept {
  const long double fraction =
      approximate_ ? fraction_ : static_cast<long double>(num_) / static_cast<long double>(den_);
  return static_cast<double>(static_cast<long double>(whole_) + fraction);
}

std::int64_t ExactQuota::rounded() const noexcept {
  if (approximate_) return static_cast<std::int64_t>(std::llround(static_cast<long double>(whole_) + fraction_));
  return divideRounded(whole_ * den_ + num_, den_);
}

int ExactQuota::compareCredit(__int128 credit) const noexcept {
  if (approximate_) {
    const long double diff =
        static_cast<long double>(credit) / 10000.0L - (static_cast<long double>(whole_) + fraction_);
    return diff > 0 ? 1 : (diff < 0 ? -1 : 0);
  }
  const __int128 diff = credit * den_ - (whole_ * den_ + num_) * 10000;
  return diff > 0 ? 1 : (diff < 0 ? -1 : 0);
}

double ExactQuota::minusFromCredit(__int128 credit) const noexcept {
  if (approximate_) {
    return static_cast<double>(static_cast<long double>(credit) / 10000.0L -
                               (static_cast<long double>(whole_) + fraction_));
  }
  const __int128 diff = credit * den_ - (whole_ * den_ + num_) * 10000;
  return static_cast<double>(static_cast<long double>(diff) / (static_cast<long double>(den_) * 10000.0L));
}

}  // namespace salesops
