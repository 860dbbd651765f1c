#include "io/CsvReportWriter.h"

#include <vector>

#include "io/CsvWriter.h"
#include "kpi/KpiFormat.h"

namespace salesops {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows tableRows(const ReportDocument& report, bool withSeparators) {
  Rows rows;
  for (std::size_t t = 0; t < report.tables.size(); ++t) {
    const ReportTable& table = report.tables[t];
    if (t > 0 && withSeparators) rows.emplace_back();
    std::vector<std::string> header;
    for (const auto& column : table.columns) header.push_back(column.id);
    rows.push_back(std::move(header));
    for (const auto& row : table.rows) {
      std::vector<std::string> cells;
      for (const auto& cell : row.cells) cells.push_back(CsvReportWriter::cellText(cell, report.minorDigits));
      rows.push_back(std::move(cells));
    }
  }
  return rows;
}

Rows definitionRows(const ReportDocument& report) {
  Rows rows{{"name", "value", "description"}};
  for (const auto& d : report.definitions) rows.push_back({d.name, d.value, d.description});
  return rows;
}

std::string toText(const Rows& rows) {
  std::string out;
  for (const auto& row : rows) CsvWriter::appendRow(out, row);
  return out;
}

void toFile(const Rows& rows, const std::filesystem::path& path) {
  CsvWriter writer(path);
  for (const auto& row : rows) {
    for (const auto& field : row) writer.field(field);
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

std::string CsvReportWriter::tablesCsv(const ReportDocument& report) { return toText(tableRows(report, true)); }

std::string CsvReportWriter::definitionsCsv(const ReportDocument& report) { return toText(definitionRows(report)); }

void CsvReportWriter::writeTables(const ReportDocument& report, const std::filesystem::path& path) {
  toFile(tableRows(report, true), path);
}

void CsvReportWriter::writeDefinitions(const ReportDocument& report, const std::filesystem::path& path) {
  toFile(definitionRows(report), path);
}

}  // namespace salesops
