#include "storage/ImportBatches.h"

#include <sqlite3.h>

#include <cstring>
#include <map>

#include "common/Error.h"
#include "common/Logging.h"
#include "storage/EntityWriter.h"
#include "storage/ImportJournalRow.h"
#include "storage/Workbook.h"

namespace salesops {

namespace {

constexpr const char* kPackFunction = "salesops_journal_row";

// Tables an import never writes, or that belong to the journal itself. Everything else with an integer id
// is journaled, so tables added by later migrations are covered without touching this file.
bool isJournaled(std::string_view table) {
  for (const char* skipped :
       {"settings", "audit_log", "import_batch", "import_batch_table", "import_journal", "mapping_profile"}) {
    if (table == skipped) return false;
  }
  return table.substr(0, 7) != "sqlite_";
}

std::string ident(std::string_view name) { return "\"" + std::string(name) + "\""; }

std::vector<std::string> columnsOf(Database& db, const std::string& table) {
  std::vector<std::string> columns;
  auto info = db.prepare("SELECT name, pk, type FROM pragma_table_info(?1) ORDER BY cid");
  info.bind(1, table);
  bool integerId = false;
  while (info.step()) {
    columns.emplace_back(info.text(0));
    if (info.text(0) == "id" && info.int64(1) == 1 && info.text(2) == "INTEGER") integerId = true;
  }
  if (!integerId) columns.clear();
  return columns;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator,
                   const std::string& prefix = "") {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + prefix + ident(p);
  return out;
}

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
    parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::int64_t maxId(Database& db, const std::string& table) {
  return db.queryInt("SELECT coalesce(max(id), 0) FROM " + ident(table));
}

ImportBatchInfo readBatch(Statement& row) {
  ImportBatchInfo info;
  info.id = row.int64(0);
  info.startedAt = std::string(row.text(1));
  info.source = std::string(row.text(2));
  info.summary = std::string(row.text(3));
  info.rowsInserted = row.int64(4);
  info.rowsUpdated = row.int64(5);
  info.rowsDeleted = row.int64(6);
  info.undone = !row.isNull(7);
  info.undoneAt = std::string(row.text(7));
  return info;
}

constexpr const char* kBatchColumns =
    "SELECT id, started_at, source, summary, rows_inserted, rows_updated, rows_deleted, undone_at FROM import_batch ";

std::string describe(const ImportBatchInfo& b) {
  return "import batch " + std::to_string(b.id) + " (" + b.source + ", " + b.startedAt + ")";
}

// The audit log is the witness of every write the application makes (each service audits inside its
// transaction). After the batch started, only the imports of batches since undone, the undos themselves and
// writes that touch no journaled row (settings, mapping profiles) may appear: anything else may have built on
// the batch's rows, and undoing would silently lose it.
void refuseIfChangedSince(Database& db, const ImportBatchInfo& batch) {
  auto state = db.prepare("SELECT audit_before FROM import_batch WHERE id = ?1");
  state.bind(1, batch.id);
  state.step();
  const std::int64_t auditBefore = state.int64(0);
  auto other = db.prepare(
      "SELECT at, action, coalesce(entity, '') FROM audit_log WHERE id > ?1 AND action NOT IN ('import', "
      "'undo import', 'settings', 'mapping profile save', 'mapping profile remove') ORDER BY id LIMIT 1");
  other.bind(1, auditBefore);
  if (other.step()) {
    throw Error(ErrorKind::Data, "cannot undo " + describe(batch) + ": the workbook was changed since (\"" +
                                     std::string(other.text(1)) + "\" " + std::string(other.text(2)) + " at " +
                                     std::string(other.text(0)) + "); undoing would lose that change");
  }
  auto imports = db.prepare("SELECT count(*) FROM audit_log WHERE id > ?1 AND action = 'import'");
  imports.bind(1, auditBefore);
  imports.step();
  auto batches = db.prepare("SELECT count(*) FROM import_batch WHERE id >= ?1");
  batches.bind(1, batch.id);
  batches.step();
  if (imports.int64(0) != batches.int64(0)) {
    throw Error(ErrorKind::Data, "cannot undo " + describe(batch) +
                                     ": the workbook was changed since by an import that kept no undo journal");
  }
}

struct TableRestore {
  std::string table;
  std::vector<std::string> columns;
  std::int64_t maxIdBefore = 0, maxIdAfter = 0;
};

// Puts one journaled image back: an UPDATE of the row still there, else an INSERT with its old id.
class RowRestorer {
 public:
  RowRestorer(Database& db, const TableRestore& t)
      : table_(t.table),
        columns_(t.columns.size()),
        exists_(db.prepare("SELECT 1 FROM " + ident(t.table) + " WHERE id = ?1")),
        update_(db.prepare("UPDATE " + ident(t.table) + " SET " + assignments(t.columns) + " WHERE id = ?" +
                           std::to_string(t.columns.size() + 1))),
        insert_(db.prepare("INSERT INTO " + ident(t.table) + " (" + joined(t.columns, ", ") + ") VALUES (" +
                           placeholders(t.columns.size()) + ")")) {}

  void restore(std::int64_t id, std::string_view packed) {
    const std::vector<JournalValue> values = unpackJournalRow(packed);
    if (values.size() != columns_) {
      throw Error(ErrorKind::Internal,
                  "the undo journal of " + table_ + " row " + std::to_string(id) + " does not match its columns");
    }
    exists_.bind(1, id);
    const bool present = exists_.step();
    exists_.reset();
    Statement& write = present ? update_ : insert_;
    for (std::size_t i = 0; i < values.size(); ++i) bindJournalValue(write, static_cast<int>(i + 1), values[i]);
    if (present) write.bind(static_cast<int>(values.size() + 1), id);
    write.run();
  }

 private:
  static std::string assignments(const std::vector<std::string>& columns) {
    std::string set;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      set += (i ? ", " : "") + ident(columns[i]) + " = ?" + std::to_string(i + 1);
    }
    return set;
  }
  static std::string placeholders(std::size_t n) {
    std::string params;
    for (std::size_t i = 0; i < n; ++i) params += (i ? ", ?" : "?") + std::to_string(i + 1);
    return params;
  }

  std::string table_;
  std::size_t columns_;
  Statement exists_, update_, insert_;
};

// Replays the batch's journal newest entry first, so a row changed twice ends as its oldest image.
void restoreJournal(Database& db, const ImportBatchInfo& batch, const std::vector<TableRestore>& tables,
                    const LongTask& task) {
  auto range = db.prepare("SELECT journal_from, journal_to FROM import_batch WHERE id = ?1");
  range.bind(1, batch.id);
  range.step();
  std::map<std::string, RowRestorer, std::less<>> restorers;
  for (const TableRestore& t : tables) restorers.try_emplace(t.table, db, t);
  auto journal =
      db.prepare("SELECT table_name, row_id, old_row FROM import_journal WHERE id > ?1 AND id <= ?2 ORDER BY id DESC");
  journal.bind(1, range.int64(0)).bind(2, range.int64(1));
  const std::int64_t total = range.int64(1) - range.int64(0);
  std::int64_t done = 0;
  while (journal.step()) {
    const auto restorer = restorers.find(journal.text(0));
    if (restorer == restorers.end()) {
      throw Error(ErrorKind::Internal,
                  "the undo journal names a table the batch did not record: " + std::string(journal.text(0)));
    }
    restorer->second.restore(journal.int64(1), journal.text(2));
    if ((++done & 1023) == 0) {
      task.checkCancelled();
      task.report("undo import", done, total);
    }
  }
  // Nothing redoes an undone batch, so its journal is dead weight.
  db.prepare("DELETE FROM import_journal WHERE id > ?1 AND id <= ?2")
      .bind(1, range.int64(0))
      .bind(2, range.int64(1))
      .run();
}

}  // namespace

ImportJournal::ImportJournal(Database& db, std::string source) : db_(db) {
  registerJournalRowFunction(db, kPackFunction);
  auto insert = db.prepare(
      "INSERT INTO import_batch (started_at, source, summary, rows_inserted, rows_updated, rows_deleted, "
      "audit_before, journal_from, journal_to) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, '', 0, 0, 0, "
      "(SELECT coalesce(max(id), 0) FROM audit_log), ?2, ?2)");
  journalFrom_ = db.queryInt("SELECT coalesce(max(id), 0) FROM import_journal");
  insert.bind(1, source).bind(2, journalFrom_).run();
  batchId_ = db.lastInsertRowId();

  std::vector<std::string> tables;
  auto names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (names.step()) {
    if (isJournaled(names.text(0))) tables.emplace_back(names.text(0));
  }
  for (const std::string& table : tables) {
    Capture capture{table, columnsOf(db, table), maxId(db, table)};
    if (capture.columns.empty()) continue;
    // Trigger bodies take no bound parameters: the batch id and the id bound are our own integers and the
    // names come from the schema, never from user text. Rows above maxIdBefore are the batch's own inserts,
    // which the id range already covers.
    const std::string body = "INSERT INTO import_journal (batch_id, table_name, row_id, old_row) VALUES (" +
                             std::to_string(batchId_) + ", '" + table + "', OLD.id, " + kPackFunction + "(" +
                             joined(capture.columns, ", ", "OLD.") + "))";
    for (const char* event : {"UPDATE", "DELETE"}) {
      const std::string trigger = triggerName(table, event);
      db.exec("CREATE TEMP TRIGGER " + trigger + " BEFORE " + event + " ON main." + ident(table) +
              " WHEN OLD.id <= " + std::to_string(capture.maxIdBefore) + " BEGIN " + body + "; END");
      triggers_.push_back(trigger);
    }
    captures_.push_back(std::move(capture));
  }
}

ImportJournal::~ImportJournal() {
  try {
    dropTriggers();
  } catch (...) {
    // The connection is failing (the import is throwing for that reason); temporary triggers end with it.
  }
}

std::string ImportJournal::triggerName(const std::string& table, const char* event) {
  return ident("salesops_journal_" + table + "_" + (std::strcmp(event, "UPDATE") == 0 ? "update" : "delete"));
}

void ImportJournal::dropTriggers() {
  while (!triggers_.empty()) {
    db_.exec("DROP TRIGGER IF EXISTS temp." + triggers_.back());
    triggers_.pop_back();
  }
}

void ImportJournal::finish(const std::string& summary) {
  dropTriggers();
  const std::int64_t journalTo = db_.queryInt("SELECT coalesce(max(id), 0) FROM import_journal");
  // One pass over the batch's journal: how many distinct rows of each table it holds.
  std::map<std::string, std::int64_t, std::less<>> changedRows;
  auto changed = db_.prepare(
      "SELECT table_name, count(DISTINCT row_id) FROM import_journal WHERE id > ?1 AND id <= ?2 GROUP BY 1");
  changed.bind(1, journalFrom_).bind(2, journalTo);
  while (changed.step()) changedRows[std::string(changed.text(0))] = changed.int64(1);

  std::int64_t inserted = 0, updated = 0, deleted = 0;
  auto record = db_.prepare(
      "INSERT INTO import_batch_table (batch_id, table_name, columns, max_id_before, max_id_after) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const Capture& c : captures_) {
    const std::int64_t after = maxId(db_, c.table);
    const auto journaled = changedRows.find(c.table);
    if (after <= c.maxIdBefore && journaled == changedRows.end()) continue;
    auto added = db_.prepare("SELECT count(*) FROM " + ident(c.table) + " WHERE id > ?1");
    added.bind(1, c.maxIdBefore);
    added.step();
    inserted += added.int64(0);
    if (journaled != changedRows.end()) {
      auto kept = db_.prepare(
          "SELECT count(DISTINCT row_id) FROM import_journal j WHERE j.id > ?1 AND j.id <= ?2 "
          "AND j.table_name = ?3 AND EXISTS (SELECT 1 FROM " +
          ident(c.table) + " t WHERE t.id = j.row_id)");
      kept.bind(1, journalFrom_).bind(2, journalTo).bind(3, c.table);
      kept.step();
      updated += kept.int64(0);
      deleted += journaled->second - kept.int64(0);
    }
    std::string columns;
    for (const std::string& name : c.columns) columns += (columns.empty() ? "" : ",") + name;
    record.bind(1, batchId_).bind(2, c.table).bind(3, columns).bind(4, c.maxIdBefore).bind(5, after).run();
  }
  db_.prepare(
         "UPDATE import_batch SET summary = ?1, rows_inserted = ?2, rows_updated = ?3, rows_deleted = ?4, "
         "journal_to = ?5 WHERE id = ?6")
      .bind(1, summary)
      .bind(2, inserted)
      .bind(3, updated)
      .bind(4, deleted)
      .bind(5, journalTo)
      .bind(6, batchId_)
      .run();
}

std::vector<ImportBatchInfo> listImportBatches(Database& db) {
  std::vector<ImportBatchInfo> batches;
  auto rows = db.prepare(std::string(kBatchColumns) + "ORDER BY id DESC");
  while (rows.step()) batches.push_back(readBatch(rows));
  return batches;
}

std::optional<ImportBatchInfo> lastUndoableImport(Database& db) {
  auto rows = db.prepare(std::string(kBatchColumns) + "WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1");
  if (!rows.step()) return std::nullopt;
  return readBatch(rows);
}

UndoOutcome undoLastImport(Workbook& workbook, const LongTask& task) {
  Database& db = workbook.db();
  Transaction transaction(db);
  // Rows come back in any order (an opportunity after its splits): references are checked at the commit.
  deferForeignKeys(db);
  const std::optional<ImportBatchInfo> batch = lastUndoableImport(db);
  if (!batch) throw Error(ErrorKind::Data, "there is no import to undo in " + workbook.path().string());
  refuseIfChangedSince(db, *batch);

  std::vector<TableRestore> tables;
  auto ranges =
      db.prepare("SELECT table_name, columns, max_id_before, max_id_after FROM import_batch_table WHERE batch_id = ?1");
  ranges.bind(1, batch->id);
  while (ranges.step()) {
    tables.push_back({std::string(ranges.text(0)), split(ranges.text(1)), ranges.int64(2), ranges.int64(3)});
  }
  UndoOutcome outcome;
  outcome.batch = *batch;
  for (const TableRestore& t : tables) {
    auto remove = db.prepare("DELETE FROM " + ident(t.table) + " WHERE id > ?1 AND id <= ?2");
    remove.bind(1, t.maxIdBefore).bind(2, t.maxIdAfter).run();
    outcome.rowsDeleted += db.changes();
  }
  restoreJournal(db, *batch, tables, task);
  outcome.rowsRestored = batch->rowsUpdated + batch->rowsDeleted;
  task.checkCancelled();

  db.prepare("UPDATE import_batch SET undone_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1")
      .bind(1, batch->id)
      .run();
  workbook.audit("undo import", "import_batch",
                 "batch " + std::to_string(batch->id) + " (" + batch->source +
                     "): " + std::to_string(outcome.rowsDeleted) + " inserted rows removed, " +
                     std::to_string(outcome.rowsRestored) + " rows restored");
  try {
    transaction.commit();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Data) throw;
    throw Error(ErrorKind::Data, "cannot undo " + describe(*batch) +
                                     ": rows written since refer to rows the import created (" + e.message() + ")");
  }
  auto undone = db.prepare(std::string(kBatchColumns) + "WHERE id = ?1");
  undone.bind(1, batch->id);
  if (undone.step()) outcome.batch = readBatch(undone);
  logger("salesops.storage")->info("undid {}", describe(outcome.batch));
  return outcome;
}

}  // namespace salesops
