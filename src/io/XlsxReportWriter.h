#pragma once
// A report as an XLSX workbook (libxlsxwriter): one sheet per table with real numbers and number formats
// (money `#,##0.00` with the currency's minor digits, ratios `0.0%`, dates `yyyy-mm-dd` as Excel dates), a
// frozen header row and column widths fitted to the content, then a "Definitions" sheet listing the KPI
// definitions and the choices used. Undefined figures are blank cells, never 0.
#include <filesystem>

#include "io/ReportDocument.h"

namespace salesops {

class XlsxReportWriter {
 public:
  // Writes `path` (replacing it). Error(Workbook) naming the file when it cannot be written.
  static void write(const ReportDocument& report, const std::filesystem::path& path);
};

}  // namespace salesops
