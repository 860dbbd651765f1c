#pragma once
// Reading and writing the rows of any entity of EntitySchema in the canonical text of DOMAIN.md: the
// one place that knows how a field's text maps to its SQL column (money as minor units of the row's
// currency, percentages as hundredths, references as the referenced row's surrogate id).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/EntitySchema.h"
#include "storage/Database.h"

namespace salesops {

// Reads rows as canonical text, one string per field in CSV order (empty string = empty value);
// references are written as the referenced row's key (external id, or stage name).
class EntityReader {
 public:
  EntityReader(Database& db, const EntitySpec& spec, std::string corporateCurrency);
  ~EntityReader();

  // Every row in insertion (id) order. Returns false at the end.
  bool next(std::vector<std::string>& fields);
  std::int64_t currentId() const noexcept;  // surrogate id of the row last returned by next()

  // The rows with these surrogate ids, in the order given (ids not found are left out).
  std::vector<std::vector<std::string>> fetch(const std::vector<std::int64_t>& ids);

  std::int64_t count();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops
