#pragma once
// A finished report as plain data, independent of its output format: a title, the definitions and choices
// its numbers rest on, and tables of typed cells. Services build it; the CSV, XLSX and HTML writers of src/io
// only present it, so the three formats cannot disagree on a figure. Lives in src/io (not src/services)
// because the writers need it and src/io must not depend on src/services.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Date.h"

namespace salesops {

enum class ReportCellKind : std::uint8_t {
  Empty,  // an undefined figure (KPIS.md's "undefined when"), or nothing to show
  Text,
  Money,   // corporate-currency minor units, already rounded once
  Ratio,   // a fraction (0.25 = 25 %)
  Number,  // days, hours, money per day: a decimal
  Count,   // an integer
  Date,
};

struct ReportCell {
  ReportCellKind kind = ReportCellKind::Empty;
  std::string text;
  std::int64_t minor = 0;  // Money
  double number = 0;       // Ratio, Number, Count
  Date date;               // Date

  static ReportCell empty() { return {}; }
  static ReportCell ofText(std::string value) { return {ReportCellKind::Text, std::move(value), 0, 0, {}}; }
  static ReportCell ofMoney(std::int64_t minorUnits) { return {ReportCellKind::Money, {}, minorUnits, 0, {}}; }
  static ReportCell ofRatio(double value) { return {ReportCellKind::Ratio, {}, 0, value, {}}; }
  static ReportCell ofNumber(double value) { return {ReportCellKind::Number, {}, 0, value, {}}; }
  static ReportCell ofCount(std::int64_t value) {
    return {ReportCellKind::Count, {}, 0, static_cast<double>(value), {}};
  }
  static ReportCell ofDate(Date value) { return {ReportCellKind::Date, {}, 0, 0, value}; }
};

struct ReportColumn {
  std::string id;      // snake_case, the CSV header
  std::string header;  // for people: XLSX and HTML headers
  ReportCellKind kind = ReportCellKind::Text;
};

struct ReportRow {
  std::vector<ReportCell> cells;  // one per column
  int indent = 0;                 // hierarchy depth of the first cell (team-rollup)
  bool total = false;             // a subtotal or total row, emphasised in XLSX and HTML
};

struct ReportTable {
  std::string name;  // sheet name (at most 31 characters) and HTML caption
  std::vector<ReportColumn> columns;
  std::vector<ReportRow> rows;
};

// One line of the "Definitions" sheet/footer/sidecar: a named KPI definition or a named choice.
struct ReportDefinition {
  std::string name;   // "win_rate_basis", "bookings"
  std::string value;  // the choice taken ("count"), or the KPI's display name
  std::string description;
};

struct ReportDocument {
  std::string id;     // "rep-scorecard"
  std::string title;  // "Rep scorecard"
  std::string subtitle;
  std::string currency;
  int minorDigits = 2;
  std::vector<ReportDefinition> definitions;
  std::vector<ReportTable> tables;
};

}  // namespace salesops
