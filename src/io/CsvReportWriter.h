#pragma once
// A report as CSV in KPIS.md's file shape: the column ids as header, money as exact decimals with the currency's
// minor digits, ratios and numbers as '.' decimals (never percentages), undefined as an empty cell. Several
// tables are separated by an empty line. The definitions go to a separate sidecar file, so the data stays one
// clean table for scripts.
#include <filesystem>
#include <string>

#include "io/CsvWriter.h"
#include "io/ReportDocument.h"

namespace salesops {

class CsvReportWriter {
 public:
  static std::string cellText(const ReportCell& cell, int minorDigits);
  // `options` (delimiter, BOM, line ends, for spreadsheets, decimal comma) as for any CSV export; money,
  // ratio, number and count cells are number cells (CsvWriter::numberField), so a negative figure stays a
  // number when formulas are neutralised.
  static std::string tablesCsv(const ReportDocument& report, const CsvWriteOptions& options = {});
  // name,value,description: one row per definition or choice.
  static std::string definitionsCsv(const ReportDocument& report, const CsvWriteOptions& options = {});

  // Atomic writes through CsvWriter; Error(Workbook) naming the file when it cannot be written.
  static void writeTables(const ReportDocument& report, const std::filesystem::path& path,
                          const CsvWriteOptions& options = {});
  static void writeDefinitions(const ReportDocument& report, const std::filesystem::path& path,
                               const CsvWriteOptions& options = {});
};

}  // namespace salesops
