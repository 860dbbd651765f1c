#pragma once
// Day number -> the requested periods containing it, so a single scan over the records buckets every record
// into all its periods at once (periods may overlap: FY2026 beside FY2026-Q1). Immutable after construction.
#include <cstdint>
#include <span>
#include <vector>

#include "common/Period.h"

namespace salesops {

class PeriodIndex {
 public:
  explicit PeriodIndex(const std::vector<Period>& periods);

  // Indexes into the constructor's vector of the periods containing `day`, ascending; empty outside them all.
  std::span<const std::int32_t> at(std::int32_t day) const noexcept {
    const std::int64_t offset = static_cast<std::int64_t>(day) - first_;
    if (offset < 0 || offset >= static_cast<std::int64_t>(begin_.size()) - 1) return {};
    const auto i = static_cast<std::size_t>(offset);
    return {ids_.data() + begin_[i], static_cast<std::size_t>(begin_[i + 1] - begin_[i])};
  }

 private:
  std::int32_t first_ = 0;
  std::vector<std::int32_t> begin_;  // per day from first_, plus one end entry: offsets into ids_
  std::vector<std::int32_t> ids_;
};

}  // namespace salesops
