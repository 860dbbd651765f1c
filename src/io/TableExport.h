#pragma once
// One entity table exported as a view shows it: the rows a TableQuerySpec selects (filter text, drill-down
// conditions, sort), the chosen columns in the chosen order under the chosen headers, to CSV (the options
// of CsvWriteOptions) or to XLSX with typed cells (XlsxTableWriter). Values are the canonical text of
// DOMAIN.md, so CSV figures are '.' decimals unless CsvWriteOptions::decimalComma.
//
// Streams: the ordered row ids (8 bytes a row) are computed first, then rows are fetched and written in
// batches, so memory does not grow with the table. Long: reports progress in rows and polls the cancel
// token between batches; a cancelled or failed export throws and leaves no file behind (the output is a
// temporary renamed into place on success). Threading: uses `db` on the calling thread only; the GUI runs
// it on a worker with its own read-only connection.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "domain/EntitySchema.h"
#include "io/CsvWriter.h"
#include "io/XlsxTableWriter.h"
#include "storage/Database.h"
#include "storage/TableQuery.h"

namespace salesops {

enum class TableExportFormat : std::uint8_t { Csv, Xlsx };

struct TableExportColumn {
  std::string field;   // a field name of the entity
  std::string header;  // the header cell; "" = the field name
};

struct TableExportOptions {
  TableExportFormat format = TableExportFormat::Csv;
  CsvWriteOptions csv;                     // CSV only
  std::vector<TableExportColumn> columns;  // empty = every field in CSV order, headed by its name
  std::string sheetName;                   // XLSX only; "" = the CSV file's stem ("opportunities")
  std::int64_t maxRowsPerSheet = XlsxTableWriter::kExcelMaxDataRows;  // XLSX: rows beyond continue on a new sheet
};

struct TableExportResult {
  std::int64_t rows = 0;
  int sheets = 0;  // XLSX only
};

// Error(Usage) for an unknown column or sort field (naming it and the entity); Error(Workbook) naming the
// file when it cannot be written; Error(Cancelled) when cancelled.
TableExportResult exportTable(Database& db, const EntitySpec& entity, const TableQuerySpec& query,
                              const std::filesystem::path& path, const TableExportOptions& options = {},
                              const LongTask& task = {});

// "csv" or "xlsx" (case-insensitive) from a name or suffix; Error(Usage) otherwise.
TableExportFormat parseTableExportFormat(const std::string& text);

}  // namespace salesops
