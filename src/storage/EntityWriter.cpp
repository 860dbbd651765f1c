#include "storage/EntityWriter.h"

#include <sqlite3.h>

#include <algorithm>
#include <string>

#include "common/Error.h"

namespace salesops {
namespace {

// The hot statements use the C API directly: Statement::bind copies text (SQLITE_TRANSIENT), while the
// writer's values live in the import batch until the row has run, so SQLITE_STATIC saves a copy per field.
class RawStatement {
 public:
  RawStatement(Database& db, const std::string& sql) : db_(db) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "preparing " + sql);
  }
  ~RawStatement() { sqlite3_finalize(stmt_); }
  RawStatement(const RawStatement&) = delete;
  RawStatement& operator=(const RawStatement&) = delete;

  void bind(int index, const StoredValue& v) {
    int rc = SQLITE_OK;
    switch (v.kind) {
      case StoredValue::Kind::Null:
        rc = sqlite3_bind_null(stmt_, index);
        break;
      case StoredValue::Kind::Int:
        rc = sqlite3_bind_int64(stmt_, index, v.number);
        break;
      case StoredValue::Kind::Text:
        rc = sqlite3_bind_text64(stmt_, index, v.text.data(), v.text.size(), SQLITE_STATIC, SQLITE_UTF8);
        break;
    }
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
  }
  void bindId(int index, std::int64_t id) {
    int rc = sqlite3_bind_int64(stmt_, index, id);
    if (rc != SQLITE_OK) db_.fail(rc, "binding a value");
  }
  void run(std::string_view what) {
    int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) db_.fail(rc, what);
  }

 private:
  Database& db_;
  sqlite3_stmt* stmt_ = nullptr;
};

std::string ident(std::string_view name) { return "\"" + std::string(name) + "\""; }

// An eponymous virtual table over the rows of one import batch, so a whole batch is inserted by one
// INSERT … SELECT. Binding each value costs an API call with a mutex round trip; reading it through
// xColumn does not, which makes bulk inserts ~3x cheaper in CPU. Columns: id, then the spec's fields.
struct BatchRows {
  const std::int64_t* ids = nullptr;
  const StoredValue* values = nullptr;
  std::size_t rows = 0;
  std::size_t fields = 0;
};

struct BatchVtab : sqlite3_vtab {
  BatchRows* source = nullptr;
};

struct BatchCursor : sqlite3_vtab_cursor {
  std::size_t row = 0;
};

int batchConnect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
  auto* source = static_cast<BatchRows*>(aux);
  std::string declare = "CREATE TABLE x(id";
  for (std::size_t i = 0; i < source->fields; ++i) declare += ", c" + std::to_string(i);
  declare += ")";
  int rc = sqlite3_declare_vtab(db, declare.c_str());
  if (rc != SQLITE_OK) return rc;
  auto* vtab = new BatchVtab{};
  vtab->source = source;
  *out = vtab;
  return SQLITE_OK;
}

int batchDisconnect(sqlite3_vtab* vtab) {
  delete static_cast<BatchVtab*>(vtab);
  return SQLITE_OK;
}

int batchBestIndex(sqlite3_vtab*, sqlite3_index_info* info) {
  info->estimatedCost = 1;
  info->estimatedRows = 2048;
  return SQLITE_OK;
}

int batchOpen(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  *out = new BatchCursor{};
  return SQLITE_OK;
}

int batchClose(sqlite3_vtab_cursor* cursor) {
  delete static_cast<BatchCursor*>(cursor);
  return SQLITE_OK;
}

int batchFilter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
  static_cast<BatchCursor*>(cursor)->row = 0;
  return SQLITE_OK;
}

int batchNext(sqlite3_vtab_cursor* cursor) {
  ++static_cast<BatchCursor*>(cursor)->row;
  return SQLITE_OK;
}

int batchEof(sqlite3_vtab_cursor* cursor) {
  auto* c = static_cast<BatchCursor*>(cursor);
  return c->row >= static_cast<BatchVtab*>(c->pVtab)->source->rows;
}

int batchColumn(sqlite3_vtab_cursor* cursor, sqlite3_context* ctx, int column) {
  auto* c = static_cast<BatchCursor*>(cursor);
  const BatchRows& source = *static_cast<BatchVtab*>(c->pVtab)->source;
  if (column == 0) {
    sqlite3_result_int64(ctx, source.ids[c->row]);
    return SQLITE_OK;
  }
  const StoredValue& v = source.values[c->row * source.fields + static_cast<std::size_t>(column - 1)];
  switch (v.kind) {
    case StoredValue::Kind::Null:
      sqlite3_result_null(ctx);
      break;
    case StoredValue::Kind::Int:
      sqlite3_result_int64(ctx, v.number);
      break;
    case StoredValue::Kind::Text:
      sqlite3_result_text64(ctx, v.text.data(), v.text.size(), SQLITE_STATIC, SQLITE_UTF8);
      break;
  }
  return SQLITE_OK;
}

int batchRowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid) {
  *rowid = static_cast<sqlite3_int64>(static_cast<BatchCursor*>(cursor)->row);
  return SQLITE_OK;
}

sqlite3_module makeBatchModule() {
  sqlite3_module m{};
  m.iVersion = 1;
  m.xCreate = nullptr;  // eponymous only: no CREATE VIRTUAL TABLE, nothing in the schema
  m.xConnect = batchConnect;
  m.xBestIndex = batchBestIndex;
  m.xDisconnect = batchDisconnect;
  m.xDestroy = batchDisconnect;
  m.xOpen = batchOpen;
  m.xClose = batchClose;
  m.xFilter = batchFilter;
  m.xNext = batchNext;
  m.xEof = batchEof;
  m.xColumn = batchColumn;
  m.xRowid = batchRowid;
  return m;
}

const sqlite3_module kBatchModule = makeBatchModule();

}  // namespace

struct EntityWriter::Impl {
  Database& db;
  const EntitySpec& spec;
  std::vector<bool> present;
  BatchRows batch;
  std::string moduleName;
  std::unique_ptr<RawStatement> insert;
  std::unique_ptr<RawStatement> insertBatch;
  std::unique_ptr<RawStatement> update;                             // null when no column would change
  std::vector<std::pair<std::string, std::string>> droppedIndexes;  // name, CREATE statement
  std::int64_t highestId = -1;  // largest id in the table, tracked while inserting; -1 = not read yet

  Impl(Database& d, const EntitySpec& s, std::vector<bool> p) : db(d), spec(s), present(std::move(p)) {
    if (present.empty()) present.assign(spec.fields.size(), true);
    const auto n = spec.fields.size();
    std::string columns = "id", params = "?1";
    for (std::size_t i = 0; i < n; ++i) {
      columns += ", " + ident(spec.fields[i].column);
      params += ", ?" + std::to_string(i + 2);
    }
    insert = std::make_unique<RawStatement>(
        db, "INSERT INTO " + ident(spec.table) + " (" + columns + ") VALUES (" + params + ")");
    batch.fields = n;
    moduleName = "salesops_batch_" + std::string(spec.table);
    int rc = sqlite3_create_module_v2(db.handle(), moduleName.c_str(), &kBatchModule, &batch, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, "registering " + moduleName);
    insertBatch = std::make_unique<RawStatement>(
        db, "INSERT INTO " + ident(spec.table) + " (" + columns + ") SELECT * FROM " + ident(moduleName));
    // One statement both compares and writes: the WHERE clause skips identical rows, so changes() tells
    // "updated" from "unchanged" without reading the row first. IS compares NULLs as values.
    std::string set, same;
    for (std::size_t i = 0; i < n; ++i) {
      if (!present[i] || spec.fields[i].key) continue;
      const std::string col = ident(spec.fields[i].column), param = "?" + std::to_string(i + 2);
      set += (set.empty() ? "" : ", ") + col + " = " + param;
      same += (same.empty() ? "" : " AND ") + col + " IS " + param;
    }
    if (!set.empty()) {
      update = std::make_unique<RawStatement>(
          db, "UPDATE " + ident(spec.table) + " SET " + set + " WHERE id = ?1 AND NOT (" + same + ")");
    }
  }

  ~Impl() {
    insertBatch.reset();  // the statement must go before its module
    sqlite3_create_module_v2(db.handle(), moduleName.c_str(), nullptr, nullptr, nullptr);
  }
};

EntityWriter::EntityWriter(Database& db, const EntitySpec& spec, std::vector<bool> present)
    : impl_(std::make_unique<Impl>(db, spec, std::move(present))) {}

EntityWriter::~EntityWriter() = default;

void EntityWriter::insert(std::int64_t id, const StoredValue* values) {
  auto& st = *impl_->insert;
  if (impl_->highestId < 0) impl_->highestId = maxId();
  // The id SQLite would choose itself is bound as NULL: it then appends without seeking (a bulk load of
  // consecutive ids runs ~10% faster); any other id is bound explicitly.
  if (id == impl_->highestId + 1) {
    st.bind(1, StoredValue::null());
  } else {
    st.bindId(1, id);
  }
  impl_->highestId = std::max(impl_->highestId, id);
  for (std::size_t i = 0; i < impl_->spec.fields.size(); ++i) st.bind(static_cast<int>(i + 2), values[i]);
  st.run("inserting into " + std::string(impl_->spec.table));
}

void EntityWriter::insertMany(const std::int64_t* ids, const StoredValue* values, std::size_t rows) {
  if (rows == 0) return;
  if (impl_->highestId < 0) impl_->highestId = maxId();
  impl_->batch.ids = ids;
  impl_->batch.values = values;
  impl_->batch.rows = rows;
  impl_->insertBatch->run("inserting into " + std::string(impl_->spec.table));
  impl_->batch.rows = 0;
  for (std::size_t i = 0; i < rows; ++i) impl_->highestId = std::max(impl_->highestId, ids[i]);
}

bool EntityWriter::update(std::int64_t id, const StoredValue* values) {
  if (!impl_->update) return false;
  auto& st = *impl_->update;
  st.bindId(1, id);
  for (std::size_t i = 0; i < impl_->spec.fields.size(); ++i) {
    if (impl_->present[i] && !impl_->spec.fields[i].key) st.bind(static_cast<int>(i + 2), values[i]);
  }
  st.run("updating " + std::string(impl_->spec.table));
  return impl_->db.changes() > 0;
}

void EntityWriter::remove(std::int64_t id) {
  impl_->db.prepare("DELETE FROM " + ident(impl_->spec.table) + " WHERE id = ?").bind(1, id).run();
}

void EntityWriter::setField(std::int64_t id, const FieldSpec& field, std::optional<std::int64_t> value) {
  auto st =
      impl_->db.prepare("UPDATE " + ident(impl_->spec.table) + " SET " + ident(field.column) + " = ? WHERE id = ?");
  st.bind(1, value).bind(2, id).run();
}

std::int64_t EntityWriter::maxId() {
  return impl_->db.queryInt("SELECT coalesce(max(id), 0) FROM " + ident(impl_->spec.table));
}

std::int64_t EntityWriter::rowCount() { return impl_->db.queryInt("SELECT count(*) FROM " + ident(impl_->spec.table)); }

void EntityWriter::dropIndexes() {
  auto st = impl_->db.prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql "
      "IS NOT NULL ORDER BY name");
  st.bind(1, impl_->spec.table);
  std::vector<std::pair<std::string, std::string>> found;
  while (st.step()) found.emplace_back(std::string(st.text(0)), std::string(st.text(1)));
  st.reset();
  for (auto& [name, sql] : found) {
    impl_->db.exec("DROP INDEX " + ident(name));
    impl_->droppedIndexes.emplace_back(std::move(name), std::move(sql));
  }
}

void EntityWriter::restoreIndexes() {
  for (const auto& [name, sql] : impl_->droppedIndexes) impl_->db.exec(sql);
  impl_->droppedIndexes.clear();
}

void forEachStoredKey(Database& db, const EntitySpec& spec, std::string_view extraColumn,
                      const std::function<void(std::string_view, std::int64_t, std::string_view)>& fn) {
  std::string sql = "SELECT id, ";
  sql += extraColumn.empty() ? std::string("NULL") : ident(extraColumn);
  const auto keys = spec.keyFields();
  for (const FieldSpec* f : keys) sql += ", " + ident(f->column);
  sql += " FROM " + ident(spec.table);
  auto st = db.prepare(sql);
  std::string key;
  while (st.step()) {
    key.clear();
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (i) key += '\x1f';
      const int col = static_cast<int>(i + 2);
      // Integers go through int64() so that the text matches what import builds with to_chars.
      if (!keys[i]->references.empty() || keys[i]->type == FieldType::Integer) {
        key += std::to_string(st.int64(col));
      } else {
        key += st.text(col);
      }
    }
    fn(key, st.int64(0), st.text(1));
  }
}

std::vector<std::string> currenciesWithRates(Database& db) {
  auto st = db.prepare("SELECT DISTINCT currency FROM fx_rate");
  std::vector<std::string> out;
  while (st.step()) out.emplace_back(st.text(0));
  return out;
}

std::vector<SplitSum> badSplitSums(Database& db, const std::vector<std::int64_t>& opportunityIds) {
  auto st = db.prepare(
      "SELECT o.external_id, coalesce(sum(s.percent), 0) FROM opportunity o LEFT JOIN opportunity_split s "
      "ON s.opportunity_id = o.id WHERE o.id = ? GROUP BY o.id HAVING count(s.id) > 0 AND sum(s.percent) <> 10000");
  std::vector<SplitSum> bad;
  for (std::int64_t id : opportunityIds) {
    st.bind(1, id);
    if (st.step()) bad.push_back({id, std::string(st.text(0)), st.int64(1)});
    st.reset();
  }
  return bad;
}

void removeSplits(Database& db, std::int64_t opportunityId) {
  db.prepare("DELETE FROM opportunity_split WHERE opportunity_id = ?").bind(1, opportunityId).run();
}

void deferForeignKeys(Database& db) { db.exec("PRAGMA defer_foreign_keys = ON"); }

BulkTuning::BulkTuning(Database& db) : db_(db) {
  previousCacheSize_ = db_.queryInt("PRAGMA cache_size");
  previousForeignKeys_ = db_.queryInt("PRAGMA foreign_keys");
  // 32 MB of cache: larger caches barely speed up a million-row load but push peak memory towards 200 MB
  // (the index sorter takes as much again).
  db_.exec("PRAGMA cache_size = -32768");
  db_.exec("PRAGMA foreign_keys = OFF");
  // The index rebuilds at the end of a bulk load are sorts; SQLite can merge with a helper thread.
  db_.exec("PRAGMA threads = 2");
}

BulkTuning::~BulkTuning() {
  try {
    db_.exec("PRAGMA cache_size = " + std::to_string(previousCacheSize_));
    db_.exec("PRAGMA threads = 0");
    db_.exec(previousForeignKeys_ ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
  } catch (...) {  // a destructor must not throw; a wrong cache size only costs speed
  }
}

}  // namespace salesops
