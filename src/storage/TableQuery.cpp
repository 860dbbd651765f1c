#include "storage/TableQuery.h"

#include <sqlite3.h>

#include <string>

#include "common/Currency.h"
#include "common/Error.h"

namespace salesops {
namespace {

// The column that holds a referenced row's key as the user sees it.
std::string_view keyColumnOf(const EntitySpec& entity) {
  if (entity.hasExternalId()) return "external_id";
  const auto keys = entity.keyFields();
  return keys.empty() ? std::string_view{"id"} : keys.front()->column;
}

bool isTextLike(const FieldSpec& field) {
  switch (field.type) {
    case FieldType::Text:
    case FieldType::Enum:
    case FieldType::Currency:
    case FieldType::Date:
    case FieldType::Timestamp:
      return true;
    default:
      return false;
  }
}

// LIKE treats % and _ as wildcards; a user typing "10%" means the characters.
std::string likePattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

std::string filterClause(const EntitySpec& entity) {
  std::string where;
  for (const auto& field : entity.fields) {
    std::string term;
    if (!field.references.empty()) {
      const EntitySpec* target = findEntity(field.references);
      if (!target) continue;
      term = "t." + std::string(field.column) + " IN (SELECT id FROM " + std::string(target->table) + " WHERE " +
             std::string(keyColumnOf(*target)) + " LIKE ?1 ESCAPE '\\')";
    } else if (isTextLike(field)) {
      term = "t." + std::string(field.column) + " LIKE ?1 ESCAPE '\\'";
    } else {
      continue;
    }
    where += where.empty() ? " WHERE " : " OR ";
    where += term;
  }
  return where;
}

// The conditions as SQL with numbered parameters from `firstParameter` on; `values` receives what to bind.
std::string conditionClause(const EntitySpec& entity, const std::vector<TableCondition>& conditions, int firstParameter,
                            std::vector<std::string>& values) {
  std::string sql;
  int next = firstParameter;
  const auto list = [&](const std::vector<std::string>& items) {
    std::string out = "(";
    for (const auto& item : items) {
      out += (out.size() > 1 ? ", ?" : "?") + std::to_string(next++);
      values.push_back(item);
    }
    return out + (items.empty() ? "NULL)" : ")");
  };
  for (const auto& condition : conditions) {
    const FieldSpec* field = entity.field(condition.field);
    if (!field)
      throw Error(ErrorKind::Usage, "unknown field \"" + condition.field + "\" of " + std::string(entity.table));
    const std::string column = "t." + std::string(field->column);
    const EntitySpec* target = field->references.empty() ? nullptr : findEntity(field->references);
    std::string term;
    switch (condition.op) {
      case TableCondition::Op::In: {
        if (!target) {
          term = column + " IN " + list(condition.values);
          break;
        }
        std::string compared(keyColumnOf(*target));
        if (!condition.referencedField.empty()) {
          const FieldSpec* other = target->field(condition.referencedField);
          if (!other)
            throw Error(ErrorKind::Usage,
                        "unknown field \"" + condition.referencedField + "\" of " + std::string(target->table));
          compared = other->column;
        }
        term = column + " IN (SELECT id FROM " + std::string(target->table) + " WHERE " + compared + " IN " +
               list(condition.values) + ")";
        break;
      }
      case TableCondition::Op::Between:
        if (condition.values.size() != 2)
          throw Error(ErrorKind::Usage, "a range condition on " + condition.field + " needs two values");
        term = column + " BETWEEN ?" + std::to_string(next) + " AND ?" + std::to_string(next + 1);
        values.push_back(condition.values[0]);
        values.push_back(condition.values[1]);
        next += 2;
        break;
      case TableCondition::Op::StageKindIn:
        if (!target || target->name != "stage")
          throw Error(ErrorKind::Usage, "a stage-kind condition needs a stage field, not " + condition.field);
        term = column + " IN (SELECT id FROM stage WHERE kind IN " + list(condition.values) + ")";
        break;
    }
    sql += (sql.empty() ? "" : " AND ") + term;
  }
  return sql;
}

struct SortTerms {
  std::string join;                  // empty, or the LEFT JOIN of the referenced table as r
  std::vector<std::string> columns;  // ORDER BY expressions, most significant first
};

SortTerms sortTerms(const FieldSpec& field) {
  const std::string own = "t." + std::string(field.column);
  const EntitySpec* target = field.references.empty() ? nullptr : findEntity(field.references);
  if (!target) return {"", {own}};
  std::string join = " LEFT JOIN " + std::string(target->table) + " r ON r.id = " + own;
  // Analysts read stages in pipeline order, not alphabetically.
  if (target->name == "stage") return {join, {"r.sort_order", "r.name"}};
  return {join, {"r." + std::string(keyColumnOf(*target))}};
}

// Money is stored in minor units of each row's currency; scaled to 4 decimals, 12.50 USD (1250) and
// 1250 JPY (1250) compare as the amounts people read. Codes are bound from ?2 on (?1 is the filter).
struct MoneyOrder {
  std::string expression;
  std::vector<std::string> codes;
};

std::int64_t scaleTo4Digits(std::string_view code) {
  std::int64_t factor = 1;
  for (int digits = minorDigits(code); digits < 4; ++digits) factor *= 10;
  return factor;
}

MoneyOrder moneyOrder(Database& db, const EntitySpec& entity, const FieldSpec& field, const std::string& corporate) {
  const std::string own = "t." + std::string(field.column);
  const FieldSpec* currency =
      field.currencyField.empty() || field.currencyField.front() == '@' ? nullptr : entity.field(field.currencyField);
  if (!currency) return {own, {}};
  MoneyOrder order;
  std::string cases;
  Statement distinct =
      db.prepare("SELECT DISTINCT " + std::string(currency->column) + " FROM " + std::string(entity.table) + " WHERE " +
                 std::string(currency->column) + " IS NOT NULL");
  while (distinct.step()) {
    const std::string code(distinct.text(0));
    if (!isCurrencyCode(code)) continue;
    order.codes.push_back(code);
    cases += " WHEN ?" + std::to_string(order.codes.size() + 1) + " THEN " + std::to_string(scaleTo4Digits(code));
  }
  const std::int64_t fallback = isCurrencyCode(corporate) ? scaleTo4Digits(corporate) : 100;
  // Without a single currency code in the table, CASE would have no WHEN, which SQL does not allow.
  order.expression = cases.empty() ? own + " * " + std::to_string(fallback)
                                   : own + " * CASE t." + std::string(currency->column) + cases + " ELSE " +
                                         std::to_string(fallback) + " END";
  return order;
}

int interruptWhenCancelled(void* token) { return static_cast<const CancelToken*>(token)->cancelled() ? 1 : 0; }

class ProgressHandlerGuard {
 public:
  ProgressHandlerGuard(Database& db, const CancelToken* cancel) : db_(db), active_(cancel != nullptr) {
    if (active_)
      sqlite3_progress_handler(db_.handle(), 10000, interruptWhenCancelled, const_cast<CancelToken*>(cancel));
  }
  ~ProgressHandlerGuard() {
    if (active_) sqlite3_progress_handler(db_.handle(), 0, nullptr, nullptr);
  }
  ProgressHandlerGuard(const ProgressHandlerGuard&) = delete;
  ProgressHandlerGuard& operator=(const ProgressHandlerGuard&) = delete;

 private:
  Database& db_;
  bool active_;
};

std::vector<std::int64_t> runQuery(Database& db, const EntitySpec& entity, const TableQuerySpec& query) {
  const std::string table(entity.table);
  std::string join;
  std::string orderBy = "t.id";
  std::vector<std::string> currencyCodes;
  if (!query.sortField.empty()) {
    const FieldSpec* field = entity.field(query.sortField);
    if (!field) throw Error(ErrorKind::Usage, "unknown field \"" + query.sortField + "\" of " + table);
    SortTerms terms = sortTerms(*field);
    join = std::move(terms.join);
    if (field->type == FieldType::Money) {
      MoneyOrder money = moneyOrder(db, entity, *field, query.corporateCurrency);
      terms.columns = {std::move(money.expression)};
      currencyCodes = std::move(money.codes);
    }
    const std::string direction = query.ascending ? " ASC" : " DESC";
    orderBy.clear();
    for (const auto& column : terms.columns) orderBy += column + direction + ", ";
    // The id keeps ties in a stable order.
    orderBy += "t.id" + direction;
  }
  std::string where = query.filter.empty() ? std::string{} : filterClause(entity);
  std::vector<std::string> conditionValues;
  const std::string conditions =
      conditionClause(entity, query.conditions, static_cast<int>(currencyCodes.size()) + 2, conditionValues);
  if (!conditions.empty()) {
    // The filter's terms are OR-ed: keep them together before AND-ing the conditions.
    where = where.empty() ? " WHERE " + conditions : " WHERE (" + where.substr(7) + ") AND " + conditions;
  }
  const std::string sql = "SELECT t.id FROM " + table + " t" + join + where + " ORDER BY " + orderBy;

  std::vector<std::int64_t> ids;
  {
    Statement statement = db.prepare(sql);
    // The currency codes and condition values are numbered after ?1, so ?1 exists whenever they do.
    if (!query.filter.empty() || !currencyCodes.empty() || !conditionValues.empty())
      statement.bind(1, likePattern(query.filter));
    for (std::size_t i = 0; i < currencyCodes.size(); ++i) {
      statement.bind(static_cast<int>(i + 2), std::string_view(currencyCodes[i]));
    }
    for (std::size_t i = 0; i < conditionValues.size(); ++i) {
      statement.bind(static_cast<int>(i + 2 + currencyCodes.size()), std::string_view(conditionValues[i]));
    }
    while (statement.step()) ids.push_back(statement.int64(0));
  }
  return ids;
}

}  // namespace

std::vector<std::int64_t> queryRowIds(Database& db, const EntitySpec& entity, const TableQuerySpec& query,
                                      const CancelToken* cancel) {
  std::vector<std::int64_t> ids;
  ProgressHandlerGuard guard(db, cancel);
  try {
    ids = runQuery(db, entity, query);
  } catch (...) {
    // SQLite reports the interrupt as an ordinary failure; the token says what it really was.
    if (cancel && cancel->cancelled()) throw Error(ErrorKind::Cancelled, "the table query was cancelled");
    throw;
  }
  if (cancel) cancel->throwIfCancelled();
  return ids;
}

std::int64_t countRows(Database& db, const EntitySpec& entity) {
  return db.queryInt("SELECT count(*) FROM " + std::string(entity.table));
}

}  // namespace salesops
