#pragma once
// A report as one self-contained, printable HTML page: inline CSS only (no scripts, fonts or images to fetch),
// every text escaped, figures formatted for reading (thousands separators, percentages, `—` for undefined),
// and a footer stating the KPI definitions and choices the numbers rest on.
#include <filesystem>
#include <string>
#include <string_view>

#include "io/ReportDocument.h"

namespace salesops {

class HtmlReportWriter {
 public:
  static std::string html(const ReportDocument& report);
  // Error(Workbook) naming the file when it cannot be written.
  static void write(const ReportDocument& report, const std::filesystem::path& path);

  // & < > " ' as entities; safe in element content and in quoted attributes.
  static std::string escape(std::string_view text);
};

}  // namespace salesops
