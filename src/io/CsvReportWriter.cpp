#include "io/CsvReportWriter.h"

#include <vector>

#include "io/CsvWriter.h"
#include "kpi/KpiFormat.h"

namespace salesops {
namespace {

struct Rows {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::vector<bool>> numeric;  // per row, per cell: a figure rather than text

  void add(std::vector<std::string> row, std::vector<bool> figures = {}) {
    cells.push_back(std::move(row));
    numeric.push_back(std::move(figures));
  }
};

bool isFigure(ReportCellKind kind) {
  return kind == ReportCellKind::Money || kind == ReportCellKind::Ratio || kind == ReportCellKind::Number ||
         kind == ReportCellKind::Count;
}

Rows tableRows(const ReportDocument& report, bool withSeparators) {
  Rows rows;
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    const ReportTable& table = report.tables[t];
    if (t > 0 && withSeparators) rows.add({});
    std::vector<std::string> header;
    for (const auto& column : table.columns) header.push_back(column.id);
    rows.add(std::move(header));
    for (const auto& row : table.rows) {
      std::vector<std::string> cells;
      std::vector<bool> figures;
      for (const auto& cell : row.cells) {
        cells.push_back(CsvReportWriter::cellText(cell, report.minorDigits));
        figures.push_back(isFigure(cell.kind));
      }
      rows.add(std::move(cells), std::move(figures));
    }
  }
  return rows;
}

Rows definitionRows(const ReportDocument& report) {
  Rows rows;
  rows.add({"name", "value", "description"});
  for (const auto& d : report.definitions) rows.add({d.name, d.value, d.description});
  return rows;
}

std::string toText(const Rows& rows, const CsvWriteOptions& options) {
  std::string out = CsvWriter::bom(options);
  for (std::size_t r = 0; r < rows.cells.size(); ++r)
    CsvWriter::appendRow(out, rows.cells[r], options, rows.numeric[r]);
  return out;
}

void toFile(const Rows& rows, const std::filesystem::path& path, const CsvWriteOptions& options) {
  CsvWriter writer(path, options);
  for (std::size_t r = 0; r < rows.cells.size(); ++r) {
    const auto& figures = rows.numeric[r];
    for (std::size_t c = 0; c < rows.cells[r].size(); ++c) {
      if (c < figures.size() && figures[c]) {
        writer.numberField(rows.cells[r][c]);
      } else {
        writer.field(rows.cells[r][c]);
      }
    }
    writer.endRow();
  }
  writer.commit();
}

}  // namespace

std::string CsvReportWriter::cellText(const ReportCell& cell, int minorDigits) {
  // The KPI formatter, so a report's figure is byte-identical to `salesops-cli kpi`'s.
  switch (cell.kind) {
    case ReportCellKind::Empty:
      return {};
    case ReportCellKind::Text:
      return cell.text;
    case ReportCellKind::Money:
      return formatKpiValue(KpiValue::money(cell.minor, static_cast<double>(cell.minor)), KpiValueKind::Money,
                            minorDigits);
    case ReportCellKind::Ratio:
    case ReportCellKind::Number:
      return formatRatio(cell.number);
    case ReportCellKind::Count:
      return formatKpiValue(KpiValue::of(cell.number), KpiValueKind::Count, minorDigits);
    case ReportCellKind::Date:
      return cell.date.toString();
  }
  return {};
}

std::string CsvReportWriter::tablesCsv(const ReportDocument& report, const CsvWriteOptions& options) {
  return toText(tableRows(report, true), options);
}

std::string CsvReportWriter::definitionsCsv(const ReportDocument& report, const CsvWriteOptions& options) {
  return toText(definitionRows(report), options);
}

void CsvReportWriter::writeTables(const ReportDocument& report, const std::filesystem::path& path,
                                  const CsvWriteOptions& options) {
  toFile(tableRows(report, true), path, options);
}

void CsvReportWriter::writeDefinitions(const ReportDocument& report, const std::filesystem::path& path,
                                       const CsvWriteOptions& options) {
  toFile(definitionRows(report), path, options);
}

}  // namespace salesops
