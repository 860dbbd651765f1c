#pragma once
// The demo's own random numbers and the little math on them. Written here instead of <random> because
// std::*_distribution produce different sequences on different standard libraries, and the demo promises
// the same workbook for the same seed everywhere. Likewise exp/log are computed with plain IEEE arithmetic
// instead of libm, whose last bits vary between platforms.
#include <cmath>
#include <cstdint>

namespace salesops::demo {

inline std::uint64_t splitmix64(std::uint64_t& state) noexcept {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// A stateless mix of a few keys, so that streams for (rep, quarter) pairs don't depend on visiting order.
inline std::uint64_t mixKeys(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0) noexcept {
  std::uint64_t s = a;
  s = splitmix64(s) ^ b;
  s = splitmix64(s) ^ c;
  return splitmix64(s);
}

// xoshiro256** (Blackman & Vigna), seeded through splitmix64 as its authors recommend.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept {
    for (auto& word : s_) word = splitmix64(seed);
  }

  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n), n > 0 (Lemire's multiply-high; the bias is below 2^-40 for our n).
  std::int64_t below(std::int64_t n) noexcept {
    return static_cast<std::int64_t>((static_cast<unsigned __int128>(next()) * static_cast<std::uint64_t>(n)) >> 64);
  }
  std::int64_t between(std::int64_t lo, std::int64_t hi) noexcept { return lo + below(hi - lo + 1); }  // inclusive
  double uniform() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }                  // [0, 1)
  bool chance(double p) noexcept { return uniform() < p; }
  // Approximately standard normal (Irwin-Hall of 12), bounded to +-6: plenty for demo data, and exact in IEEE.
  double normal() noexcept {
    double sum = 0;
    for (int i = 0; i < 12; ++i) sum += uniform();
    return sum - 6.0;
  }
  // Index into cumulative weights (ascending, last = total).
  template <typename Container>
  int pick(const Container& cumulative) noexcept {
    const double total = cumulative[cumulative.size() - 1];
    const double u = uniform() * total;
    int i = 0;
    while (i + 1 < static_cast<int>(cumulative.size()) && u >= cumulative[i]) ++i;
    return i;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// e^x by range reduction and a Taylor polynomial: only +, *, / and exact ldexp/nearbyint, so the result is
// the same on every IEEE platform. Accurate to ~1e-15 relative for |x| < 700.
inline double detExp(double x) noexcept {
  constexpr double kLn2 = 0.6931471805599453;
  const double k = std::nearbyint(x / kLn2);
  const double r = x - k * kLn2;
  double term = 1.0, sum = 1.0;
  for (int i = 1; i <= 16; ++i) {
    term = term * r / i;
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

// Natural log for x > 0 via frexp and the atanh series; deterministic like detExp.
inline double detLog(double x) noexcept {
  constexpr double kLn2 = 0.6931471805599453;
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < 0.7071067811865476) {
    m *= 2;
    --e;
  }
  const double t = (m - 1) / (m + 1), t2 = t * t;
  double term = t, sum = 0;
  for (int i = 1; i < 40; i += 2) {
    sum += term / i;
    term *= t2;
  }
  return 2 * sum + e * kLn2;
}

// Rounds a positive double to the nearest multiple of `step` (an integer), half away from zero.
inline std::int64_t roundTo(double value, std::int64_t step) noexcept {
  const double q = std::floor(value / static_cast<double>(step) + 0.5);
  return static_cast<std::int64_t>(q) * step;
}

}  // namespace salesops::demo
