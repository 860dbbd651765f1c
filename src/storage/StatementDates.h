#pragma once
// Reading a stored date column: NULL or text that is no date gives nullopt; callers that require a date
// say what they were reading in their own error.
#include <optional>

#include "common/Date.h"
#include "storage/Database.h"

namespace salesops {

inline std::optional<Date> optionalDate(const Statement& q, int column) {
  if (q.isNull(column)) return std::nullopt;
  return parseDate(q.text(column));
}

}  // namespace salesops
