#pragma once
// A buffered RFC 4180 writer. Quotes a field only when it holds the delimiter, a quote, CR or LF, or
// begins/ends with a space; doubles quotes. Writes to a temporary file renamed over the target on
// commit(), so an interrupted export never leaves a half-written file.
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
  bool neutralizeFormulas = false;  // "for spreadsheets": prefix ' to cells starting with = + - @ tab CR
};

class CsvWriter {
 public:
  // Throws Error(Workbook) naming the path when it cannot be created (missing or read-only folder).
  CsvWriter(const std::filesystem::path& path, CsvWriteOptions options = {});
  ~CsvWriter();  // without commit(): removes the temporary file

  void field(std::string_view value);
  void endRow();
  void row(const std::vector<std::string_view>& values);
  // Flushes, fsyncs and renames into place. Disk full or a read-only folder: Error(Workbook) naming the file.
  void commit();

  // The encoding of one field (exposed for in-memory writers and tests).
  static void appendField(std::string& out, std::string_view value, const CsvWriteOptions& options);
  // One whole record with its line end, for output assembled in memory (stdout).
  static void appendRow(std::string& out, const std::vector<std::string>& row, const CsvWriteOptions& options = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops
