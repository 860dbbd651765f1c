#include "forecast/DealHistory.h"

namespace salesops::forecast {

std::vector<std::int32_t> DealHistory::rowsByOpportunity(std::size_t opportunities) const {
  std::vector<std::int32_t> begin(opportunities + 1, 0);
  for (const auto o : opportunity) ++begin[static_cast<std::size_t>(o) + 1];
  for (std::size_t o = 0; o < opportunities; ++o) begin[o + 1] += begin[o];
  return begin;
}

}  // namespace salesops::forecast
