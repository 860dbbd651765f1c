#pragma once
// Import batches: every import that commits is one batch, and the workbook keeps, for every row the
// batch touched, what is needed to put it back (a journal: rows inserted, and the prior values of rows
// updated or deleted). "Undo last import" replays the journal of the newest batch backwards in one
// transaction, so the workbook is exactly as before that import (docs/crm-import.md, "Undo").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "storage/Database.h"

namespace salesops {

class Workbook;

struct ImportBatchInfo {
  std::int64_t id = 0;
  std::string startedAt;  // UTC timestamp
  std::string source;     // what was imported: "native: /data/export", "salesforce: Opportunity.csv, Account.csv"
  std::string summary;    // counts per file, as the import report says them
  std::int64_t rowsInserted = 0;
  std::int64_t rowsUpdated = 0;
  std::int64_t rowsDeleted = 0;  // rows that existed before and that the batch removed (split replacements)
  bool undone = false;
  std::string undoneAt;
};

// Records one batch. Construct inside the import's transaction before the first write and call finish()
// before the commit; a batch that is not finished leaves nothing behind (the transaction rolls back).
class ImportJournal {
 public:
  ImportJournal(Database& db, std::string source);
  ~ImportJournal();  // removes the capture machinery (temporary triggers)
  ImportJournal(const ImportJournal&) = delete;
  ImportJournal& operator=(const ImportJournal&) = delete;

  std::int64_t batchId() const noexcept { return batchId_; }
  // Records what the batch inserted, updated and deleted and stops capturing; call once, before the commit.
  void finish(const std::string& summary);

 private:
  struct Capture {
    std::string table;
    std::vector<std::string> columns;  // in journal order
    std::int64_t maxIdBefore = 0;      // rows above it are the batch's own inserts
  };
  static std::string triggerName(const std::string& table, const char* event);
  void dropTriggers();

  Database& db_;
  std::int64_t batchId_ = 0;
  std::int64_t journalFrom_ = 0;  // the batch's journal entries have ids above it
  std::vector<Capture> captures_;
  std::vector<std::string> triggers_;
};

// Newest first.
std::vector<ImportBatchInfo> listImportBatches(Database& db);

// The batch undoLastImport would undo: the newest not yet undone; nullopt when there is none.
std::optional<ImportBatchInfo> lastUndoableImport(Database& db);

struct UndoOutcome {
  ImportBatchInfo batch;
  std::int64_t rowsDeleted = 0;   // rows the batch had inserted
  std::int64_t rowsRestored = 0;  // rows the batch had updated or deleted, put back as they were
};

// Undoes the newest batch not yet undone, in one transaction. Throws Error(Data) when there is none, and
// when a row the batch touched was changed since by something other than a later undone batch (naming
// the entity and key), leaving the workbook unchanged.
// Progress is reported in rows restored; cancellation before the commit leaves the workbook unchanged.
UndoOutcome undoLastImport(Workbook& workbook, const LongTask& task = {});

}  // namespace salesops
