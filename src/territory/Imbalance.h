#pragma once
// Imbalance of one metric over a set of territories (TERRITORY.md "Balance"). Values are the territories'
// totals (money in minor units, counts); the ratios are doubles, undefined (nullopt) where they have no
// meaning: no territories, a zero mean (CV, Gini), a zero minimum (max/min).
#include <cstdint>
#include <optional>
#include <vector>

namespace salesops::territory {

struct Imbalance {
  std::optional<double> cv;      // population standard deviation / mean
  std::optional<double> gini;    // mean absolute difference / (2 * mean); 0 = equal, (n-1)/n = all in one
  std::optional<double> maxMin;  // largest / smallest
};

Imbalance imbalanceOf(const std::vector<std::int64_t>& values);

}  // namespace salesops::territory
