#include "io/TableExport.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

#include "common/Error.h"
#include "storage/EntityStore.h"

namespace salesops {
namespace {

constexpr std::size_t kRowsPerBatch = 2000;

bool isNumber(FieldType type) {
  return type == FieldType::Money || type == FieldType::Integer || type == FieldType::Percent ||
         type == FieldType::Decimal;
}

struct Column {
  std::size_t index;  // in the entity's CSV order, i.e. in EntityReader's row
  const FieldSpec* field;
  std::string header;
};

std::vector<Column> resolveColumns(const EntitySpec& entity, const std::vector<TableExportColumn>& wanted) {
  std::vector<Column> columns;
  if (wanted.empty()) {
    for (std::size_t i = 0; i < entity.fields.size(); ++i)
      columns.push_back({i, &entity.fields[i], std::string(entity.fields[i].name)});
    return columns;
  }
  for (const TableExportColumn& c : wanted) {
    const auto it =
        std::find_if(entity.fields.begin(), entity.fields.end(), [&](const FieldSpec& f) { return f.name == c.field; });
    if (it == entity.fields.end()) {
      std::string names;
      for (const FieldSpec& f : entity.fields) names += (names.empty() ? "" : ", ") + std::string(f.name);
      throw Error(ErrorKind::Usage,
                  "unknown column \"" + c.field + "\" of " + std::string(entity.name) + "; the columns are: " + names);
    }
    columns.push_back(
        {static_cast<std::size_t>(it - entity.fields.begin()), &*it, c.header.empty() ? c.field : c.header});
  }
  return columns;
}

std::string defaultSheetName(const EntitySpec& entity) {
  std::string name(entity.csvFile);
  const auto dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

TableExportFormat parseTableExportFormat(const std::string& text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "csv" || lower == ".csv") return TableExportFormat::Csv;
  if (lower == "xlsx" || lower == ".xlsx") return TableExportFormat::Xlsx;
  throw Error(ErrorKind::Usage, "the export format must be csv or xlsx, not \"" + text + "\"");
}

TableExportResult exportTable(Database& db, const EntitySpec& entity, const TableQuerySpec& query,
                              const std::filesystem::path& path, const TableExportOptions& options,
                              const LongTask& task) {
  const std::vector<Column> columns = resolveColumns(entity, options.columns);
  const std::string stage = "export " + std::string(entity.csvFile);
  task.report(stage, 0, 0);
  // Every row in insertion order streams straight from the table; any other view needs its ordered ids
  // first (8 bytes a row) and fetches the rows by id, which costs several times more per row.
  const bool wholeTable = query.filter.empty() && query.conditions.empty() && query.sortField.empty();
  std::vector<std::int64_t> ids;
  EntityReader reader(db, entity, query.corporateCurrency);
  if (!wholeTable) ids = queryRowIds(db, entity, query, task.cancel);
  const std::int64_t total = wholeTable ? reader.count() : static_cast<std::int64_t>(ids.size());
  task.checkCancelled();

  // The writer is created before any row is read, so an unwritable target fails before the work.
  std::unique_ptr<CsvWriter> csv;
  std::unique_ptr<XlsxTableWriter> xlsx;
  if (options.format == TableExportFormat::Csv) {
    csv = std::make_unique<CsvWriter>(path, options.csv);
    for (const Column& c : columns) csv->field(c.header);
    csv->endRow();
  } else {
    std::vector<const FieldSpec*> fields;
    std::vector<std::string> headers;
    for (const Column& c : columns) {
      fields.push_back(c.field);
      headers.push_back(c.header);
    }
    xlsx = std::make_unique<XlsxTableWriter>(path,
                                             options.sheetName.empty() ? defaultSheetName(entity) : options.sheetName,
                                             std::move(fields), std::move(headers), options.maxRowsPerSheet);
  }

  TableExportResult result;
  std::vector<std::string> cells(columns.size());
  const auto write = [&](std::vector<std::string>& row) {
    if (csv) {
      for (const Column& c : columns) {
        if (isNumber(c.field->type)) {
          csv->numberField(row[c.index]);
        } else {
          csv->field(row[c.index]);
        }
      }
      csv->endRow();
    } else {
      for (std::size_t c = 0; c < columns.size(); ++c) cells[c] = std::move(row[columns[c].index]);
      xlsx->row(cells);
    }
    if (++result.rows % static_cast<std::int64_t>(kRowsPerBatch) == 0) {
      task.checkCancelled();
      task.report(stage, result.rows, total);
    }
  };
  if (wholeTable) {
    for (std::vector<std::string> row; reader.next(row);) write(row);
  } else {
    std::vector<std::int64_t> batch;
    for (std::size_t from = 0; from < ids.size(); from += kRowsPerBatch) {
      const std::size_t to = std::min(ids.size(), from + kRowsPerBatch);
      batch.assign(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.begin() + static_cast<std::ptrdiff_t>(to));
      for (std::vector<std::string>& row : reader.fetch(batch)) write(row);
    }
  }
  task.report(stage, result.rows, total);
  task.checkCancelled();
  if (csv) {
    csv->commit();
  } else {
    xlsx->commit();
    result.sheets = xlsx->sheets();
  }
  return result;
}

}  // namespace salesops
