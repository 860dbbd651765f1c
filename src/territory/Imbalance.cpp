#include "territory/Imbalance.h"

#include <algorithm>
#include <cmath>

namespace salesops::territory {

Imbalance imbalanceOf(const std::vector<std::int64_t>& values) {
  Imbalance out;
  if (values.empty()) return out;
  const auto n = static_cast<double>(values.size());
  // Sums in long double: a million-territory sum of billions stays exact enough for a ratio.
  long double sum = 0;
  for (auto v : values) sum += static_cast<long double>(v);
  const long double mean = sum / values.size();
  if (mean != 0) {
    long double squares = 0;
    for (auto v : values) squares += (v - mean) * (v - mean);
    out.cv = static_cast<double>(std::sqrt(squares / values.size()) / mean);
    // Sorted ascending, Gini = sum_i (2i - n - 1) x_i / (n * sum) with i counted from 1.
    std::vector<std::int64_t> sorted(values);
    std::sort(sorted.begin(), sorted.end());
    long double weighted = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
      weighted += (2.0L * static_cast<long double>(i + 1) - n - 1) * static_cast<long double>(sorted[i]);
    out.gini = static_cast<double>(weighted / (static_cast<long double>(n) * sum));
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  if (*low != 0) out.maxMin = static_cast<double>(*high) / static_cast<double>(*low);
  return out;
}

}  // namespace salesops::territory
