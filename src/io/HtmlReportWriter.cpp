#include "io/HtmlReportWriter.h"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "common/Error.h"
#include "io/CsvReportWriter.h"

namespace salesops {
namespace {

constexpr std::string_view kStyle = R"(
body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; font-size: 10pt; color: #222; margin: 2em; }
h1 { font-size: 16pt; margin: 0 0 0.2em 0; }
.subtitle { color: #555; margin-bottom: 1.5em; }
table { border-collapse: collapse; margin-bottom: 2em; }
caption { text-align: left; font-weight: bold; font-size: 11pt; padding-bottom: 0.4em; }
th, td { padding: 0.25em 0.6em; border-bottom: 1px solid #ddd; }
td { white-space: nowrap; }
th { text-align: left; border-bottom: 2px solid #444; vertical-align: bottom; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 1px solid #444; }
footer { border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; font-size: 8.5pt; color: #444; }
footer dt { font-weight: bold; float: left; clear: left; width: 14em; }
footer dd { margin-left: 15em; margin-bottom: 0.2em; }
@media print { body { margin: 0; } table { page-break-inside: auto; } tr { page-break-inside: avoid; }
  thead { display: table-header-group; } }
)";

// "1234567.89" -> "1,234,567.89"; the sign stays in front.
std::string groupThousands(const std::string& plain) {
  const std::size_t start = !plain.empty() && plain[0] == '-' ? 1 : 0;
  std::size_t end = plain.find('.');
  if (end == std::string::npos) end = plain.size();
  std::string out = plain.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(end);
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

bool numeric(ReportCellKind kind) {
  return kind == ReportCellKind::Money || kind == ReportCellKind::Ratio || kind == ReportCellKind::Number ||
         kind == ReportCellKind::Count;
}

std::string shown(const ReportCell& cell, int minorDigits) {
  switch (cell.kind) {
    case ReportCellKind::Empty:
      return "—";
    case ReportCellKind::Money:
    case ReportCellKind::Count:
      return groupThousands(CsvReportWriter::cellText(cell, minorDigits));
    case ReportCellKind::Ratio:
      return fixed(cell.number * 100, 1) + "%";
    case ReportCellKind::Number:
      return groupThousands(fixed(cell.number, 2));
    case ReportCellKind::Text:
    case ReportCellKind::Date:
      return CsvReportWriter::cellText(cell, minorDigits);
  }
  return {};
}

void table(std::string& out, const ReportTable& t, int minorDigits) {
  out += "<table>\n<caption>" + HtmlReportWriter::escape(t.name) + "</caption>\n<thead><tr>";
  for (const auto& column : t.columns)
    out += std::string("<th") + (numeric(column.kind) ? " class=\"num\"" : "") + ">" +
           HtmlReportWriter::escape(column.header) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += row.total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      const ReportCell& cell = row.cells[c];
      const bool isNumber = c < t.columns.size() && numeric(t.columns[c].kind);
      out += "<td";
      if (isNumber) out += " class=\"num\"";
      if (c == 0 && row.indent > 0) out += " style=\"padding-left:" + std::to_string(0.6 + 1.2 * row.indent) + "em\"";
      out += ">" + HtmlReportWriter::escape(shown(cell, minorDigits)) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

}  // namespace

std::string HtmlReportWriter::escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string HtmlReportWriter::html(const ReportDocument& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escape(report.title) + "</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
  out += "<h1>" + escape(report.title) + "</h1>\n<div class=\"subtitle\">" + escape(report.subtitle) + "</div>\n";
  for (const auto& t : report.tables) table(out, t, report.minorDigits);
  out += "<footer>\n<p>Definitions and choices used for these figures:</p>\n<dl>\n";
  for (const auto& d : report.definitions)
    out += "<dt>" + escape(d.name) + "</dt><dd>" + escape(d.value) + (d.description.empty() ? "" : ": ") +
           escape(d.description) + "</dd>\n";
  out += "</dl>\n</footer>\n</body>\n</html>\n";
  return out;
}

void HtmlReportWriter::write(const ReportDocument& report, const std::filesystem::path& path) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << html(report);
  file.close();
  if (!file) throw Error(ErrorKind::Workbook, "cannot write " + path.string());
}

}  // namespace salesops
