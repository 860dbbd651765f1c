#pragma once
// The SQL behind the GUI's table views: the ordered surrogate ids of an entity's rows for a sort field and
// a filter text. Ids only (8 bytes a row), so a million-row table costs 8 MB and the view fetches the text
// of the visible rows through EntityReader::fetch. Threading: like Database, one connection per thread; a
// background query uses its own read-only Database on the same file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/Progress.h"
#include "domain/EntitySchema.h"
#include "storage/Database.h"

namespace salesops {

// A structured condition on one field, AND-ed with the filter text (the Dashboard's drill-down: "won
// opportunities owned by these reps closing in this quarter").
struct TableCondition {
  enum class Op : std::uint8_t {
    In,           // the field's value is one of `values`; for a reference, the referenced row's key
    Between,      // values = {from, to}, inclusive, compared as stored (ISO dates compare as text)
    StageKindIn,  // a stage reference whose stage kind (open/won/lost) is one of `values`
  };
  std::string field;
  Op op = Op::In;
  std::vector<std::string> values;
  // In on a reference only: compare this field of the referenced row instead of its key ("territory_id" of
  // the account).
  std::string referencedField = {};
};

struct TableQuerySpec {
  std::string sortField;  // a field name of the entity; "" = insertion (id) order
  bool ascending = true;
  std::string filter;  // "" = every row; else rows where any text-like field or referenced key contains it
  std::string corporateCurrency = "USD";   // the currency of money whose row names none
  std::vector<TableCondition> conditions;  // all must hold; unknown fields throw Error(Usage)
};

// Rows compare by the value as written: money by its amount in the row's own currency (not converted:
// 1000 JPY sorts above 9.99 USD), percentages by hundredths, references by the referenced row's key,
// stages by their pipeline order. Ties break on the id so the order is stable.
// The filter is case-insensitive for ASCII (SQLite LIKE). `cancel` interrupts a long sort from another
// thread: the call then throws Error(Cancelled). Unknown sort fields throw Error(Usage).
std::vector<std::int64_t> queryRowIds(Database& db, const EntitySpec& entity, const TableQuerySpec& query,
                                      const CancelToken* cancel = nullptr);

// The number of rows of the entity's table (no filter).
std::int64_t countRows(Database& db, const EntitySpec& entity);

}  // namespace salesops
