-- Import batches (docs/crm-import.md "Undo", docs/storage.md): every committed import is one batch that can
-- be undone as a whole, and the user's mapping profiles are kept in the workbook.

-- One row per committed import. audit_before is the newest audit_log id when the batch started: undo
-- refuses when the log shows a write after it other than imports since undone and undos. The batch's journal
-- entries are the import_journal ids journal_from < id <= journal_to.
CREATE TABLE import_batch (
  id            INTEGER PRIMARY KEY,
  started_at    TEXT NOT NULL,
  source        TEXT NOT NULL,
  summary       TEXT NOT NULL,
  rows_inserted INTEGER NOT NULL CHECK (rows_inserted >= 0),
  rows_updated  INTEGER NOT NULL CHECK (rows_updated >= 0),
  rows_deleted  INTEGER NOT NULL CHECK (rows_deleted >= 0),
  audit_before  INTEGER NOT NULL,
  journal_from  INTEGER NOT NULL,
  journal_to    INTEGER NOT NULL,
  undone_at     TEXT
);

-- Per batch and table: the rows the batch inserted are those with max_id_before < id <= max_id_after (the
-- import hands out ids above the table's largest); `columns` names the values of the journal's old rows.
CREATE TABLE import_batch_table (
  batch_id      INTEGER NOT NULL REFERENCES import_batch(id),
  table_name    TEXT NOT NULL,
  columns       TEXT NOT NULL,
  max_id_before INTEGER NOT NULL,
  max_id_after  INTEGER NOT NULL,
  PRIMARY KEY (batch_id, table_name)
) WITHOUT ROWID;

-- The prior state of rows that existed before a batch and that it updated or deleted, appended in the order
-- of the changes (no index to maintain: a bulk update stays fast), every column's value packed in one blob
-- (ImportJournalRow.h). A row changed twice has two entries; undo replays them newest first, so the row ends
-- as its oldest image, the one from before the batch.
CREATE TABLE import_journal (
  id         INTEGER PRIMARY KEY,
  batch_id   INTEGER NOT NULL REFERENCES import_batch(id),
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  old_row    BLOB NOT NULL
);

-- Mapping profiles the user saved (MappingProfile JSON, as MappingProfile::fromJson reads it).
CREATE TABLE mapping_profile (
  profile_id TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  json       TEXT NOT NULL,
  saved_at   TEXT NOT NULL
);
