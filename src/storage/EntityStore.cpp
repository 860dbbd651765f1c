#include "storage/EntityStore.h"

#include <charconv>
#include <map>
#include <optional>
#include <unordered_map>

#include "common/Currency.h"
#include "common/Decimal.h"

namespace salesops {
namespace {

std::string ident(std::string_view name) { return "\"" + std::string(name) + "\""; }

// The text column that names a row of `entity` in CSV: its external id, or a stage's name.
std::string_view keyColumnOf(std::string_view entity) {
  const EntitySpec* spec = findEntity(entity);
  return spec && !spec->fields.empty() ? spec->fields.front().column : std::string_view("external_id");
}

// Referenced tables up to this size are read into memory once for a full scan: a hash lookup per row is
// several times cheaper than SQLite's join (a B-tree seek per reference per row), and it bounds the memory.
constexpr std::int64_t kCachedReferenceRows = 250000;

using KeyNames = std::unordered_map<std::int64_t, std::string>;

// How each CSV field is read from the SELECT built below.
struct Column {
  const FieldSpec* field = nullptr;
  int value = 0;                    // result column of the value (for joined references: the referenced key text)
  int currency = -1;                // Money: result column holding the currency text; -1 = corporate currency
  const KeyNames* names = nullptr;  // a cached reference: the column holds the id, this gives its key
};

struct Query {
  std::string sql;  // without WHERE / ORDER BY
  std::vector<Column> columns;
};

void appendInt(std::string& out, std::int64_t v) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  out.append(buffer, end);
}

}  // namespace

struct EntityReader::Impl {
  Database& db;
  const EntitySpec& spec;
  std::string corporate;
  int corporateDigits = 2;
  std::map<std::string_view, KeyNames> cached;  // by referenced entity
  std::optional<Query> scanQuery, idQuery;
  std::optional<Statement> all;
  std::optional<Statement> byId;
  std::int64_t currentId = 0;

  Impl(Database& d, const EntitySpec& s, std::string currency) : db(d), spec(s), corporate(std::move(currency)) {
    if (isCurrencyCode(corporate)) corporateDigits = minorDigits(corporate);
  }

  const KeyNames* namesOf(std::string_view entity) {
    if (auto it = cached.find(entity); it != cached.end()) return &it->second;
    const EntitySpec* target = findEntity(entity);
    if (!target || db.queryInt("SELECT count(*) FROM " + ident(target->table)) > kCachedReferenceRows) return nullptr;
    KeyNames& names = cached[entity];
    auto st = db.prepare("SELECT id, " + ident(keyColumnOf(entity)) + " FROM " + ident(target->table));
    while (st.step()) names.emplace(st.int64(0), std::string(st.text(1)));
    return &names;
  }

  // One statement returns the canonical row; `cacheReferences` (full scans) reads small referenced tables
  // into memory instead of joining them.
  Query build(bool cacheReferences) {
    Query q;
    std::string list = "t.id", joins;
    int next = 1, alias = 0;
    for (const FieldSpec& f : spec.fields) {
      Column c{&f, next++};
      const KeyNames* names = !f.references.empty() && cacheReferences ? namesOf(f.references) : nullptr;
      if (names) {
        c.names = names;
        list += ", t." + ident(f.column);
      } else if (!f.references.empty()) {
        const std::string a = "r" + std::to_string(alias++);
        const EntitySpec* target = findEntity(f.references);
        list += ", " + a + "." + ident(keyColumnOf(f.references));
        joins += " LEFT JOIN " + ident(target ? target->table : f.references) + " " + a + " ON " + a + ".id = t." +
                 ident(f.column);
      } else {
        list += ", t." + ident(f.column);
      }
      q.columns.push_back(c);
    }
    for (Column& c : q.columns) {
      if (c.field->type != FieldType::Money) continue;
      const std::string_view cf = c.field->currencyField;
      if (cf.empty()) continue;
      if (cf.front() == '@') {
        const FieldSpec* ref = spec.field(cf.substr(1));
        const std::string a = "r" + std::to_string(alias++);
        list += ", " + a + ".currency";
        joins += " LEFT JOIN opportunity " + a + " ON " + a + ".id = t." + ident(ref ? ref->column : cf.substr(1));
        c.currency = next++;
      } else {
        for (const Column& other : q.columns) {
          if (other.field->name == cf) c.currency = other.value;
        }
      }
    }
    q.sql = "SELECT " + list + " FROM " + ident(spec.table) + " t" + joins;
    return q;
  }

  void readRow(const Query& q, const Statement& st, std::vector<std::string>& out) const {
    const std::vector<Column>& columns = q.columns;
    out.resize(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const Column& c = columns[i];
      std::string& text = out[i];
      text.clear();
      if (st.isNull(c.value)) continue;
      if (c.names) {
        if (auto it = c.names->find(st.int64(c.value)); it != c.names->end()) text = it->second;
        continue;
      }
      if (!c.field->references.empty()) {
        text = st.text(c.value);
        continue;
      }
      switch (c.field->type) {
        case FieldType::Money: {
          int digits = corporateDigits;
          if (c.currency >= 0) {
            std::string_view code = st.text(c.currency);
            if (isCurrencyCode(code)) digits = minorDigits(code);
          }
          text = formatMoney(st.int64(c.value), digits);
          break;
        }
        case FieldType::Percent:
          text = Decimal{st.int64(c.value), 2}.toString();
          break;
        case FieldType::Integer:
          appendInt(text, st.int64(c.value));
          break;
        case FieldType::Bool:
          text = st.int64(c.value) != 0 ? "true" : "false";
          break;
        default:
          text = st.text(c.value);
          break;
      }
    }
  }
};

EntityReader::EntityReader(Database& db, const EntitySpec& spec, std::string corporateCurrency)
    : impl_(std::make_unique<Impl>(db, spec, std::move(corporateCurrency))) {}

EntityReader::~EntityReader() = default;

bool EntityReader::next(std::vector<std::string>& fields) {
  if (!impl_->all) {
    impl_->scanQuery = impl_->build(true);
    impl_->all.emplace(impl_->db.prepare(impl_->scanQuery->sql + " ORDER BY t.id"));
  }
  if (!impl_->all->step()) return false;
  impl_->currentId = impl_->all->int64(0);
  impl_->readRow(*impl_->scanQuery, *impl_->all, fields);
  return true;
}

std::int64_t EntityReader::currentId() const noexcept { return impl_->currentId; }

std::vector<std::vector<std::string>> EntityReader::fetch(const std::vector<std::int64_t>& ids) {
  if (!impl_->byId) {
    impl_->idQuery = impl_->build(false);
    impl_->byId.emplace(impl_->db.prepare(impl_->idQuery->sql + " WHERE t.id = ?"));
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(ids.size());
  for (std::int64_t id : ids) {
    impl_->byId->bind(1, id);
    if (impl_->byId->step()) {
      rows.emplace_back();
      impl_->readRow(*impl_->idQuery, *impl_->byId, rows.back());
    }
    impl_->byId->reset();
  }
  return rows;
}

std::int64_t EntityReader::count() { return impl_->db.queryInt("SELECT count(*) FROM " + ident(impl_->spec.table)); }

}  // namespace salesops
