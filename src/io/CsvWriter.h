#pragma once
// A buffered RFC 4180 writer. Quotes a field only when it holds the delimiter, a quote, CR or LF, or
// begins/ends with a space; doubles quotes. Writes to a temporary file renamed over the target on
// commit(), so an interrupted export never leaves a half-written file.
//
// "For spreadsheets" (neutralizeFormulas) prefixes ' to a text cell starting with = + - @ tab or CR, the
// characters a spreadsheet reads as the start of a formula. A cell written as a number (numberField) is
// left a number: "-12.50" in an amount column stays -12.50, since a well-formed number cannot be a formula;
// anything in a number cell that is not a plain decimal is treated as text.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace salesops {

struct CsvWriteOptions {
  char delimiter = ',';
  bool bom = false;                 // UTF-8 BOM first
  bool crlf = false;                // CRLF line ends (default LF)
  bool neutralizeFormulas = false;  // "for spreadsheets": prefix ' to text cells starting with = + - @ tab CR
  bool decimalComma = false;        // number cells use ',' as the decimal mark (locales that pick ';')
};

class CsvWriter {
 public:
  // Throws Error(Workbook) naming the path when it cannot be created (missing or read-only folder).
  CsvWriter(const std::filesystem::path& path, CsvWriteOptions options = {});
  ~CsvWriter();  // without commit(): removes the temporary file

  void field(std::string_view value);
  // A figure in canonical form ("-1234.50"): never neutralised, its '.' becomes ',' with decimalComma.
  void numberField(std::string_view value);
  void endRow();
  void row(const std::vector<std::string_view>& values);
  // Flushes, fsyncs and renames into place. Disk full or a read-only folder: Error(Workbook) naming the file.
  void commit();

  // The encoding of one field (exposed for in-memory writers and tests).
  static void appendField(std::string& out, std::string_view value, const CsvWriteOptions& options);
  static void appendNumberField(std::string& out, std::string_view value, const CsvWriteOptions& options);
  // One whole record with its line end, for output assembled in memory (stdout). Columns whose
  // `numericColumns` entry is true are number cells; missing entries are text.
  static void appendRow(std::string& out, const std::vector<std::string>& row, const CsvWriteOptions& options = {},
                        const std::vector<bool>& numericColumns = {});
  // The BOM of the options, for callers assembling output themselves.
  static const char* bom(const CsvWriteOptions& options) { return options.bom ? "\xEF\xBB\xBF" : ""; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops
