#pragma once
// One entity table streamed into an XLSX workbook with typed cells: dates and timestamps as Excel dates,
// money as numbers formatted with the row's own minor digits (read from its canonical text: "12.50" has
// two, "1200" in JPY none), percentages as fractions with a % format, integers and rates as numbers,
// booleans as booleans, everything else as text (a text cell is never evaluated, so no neutralising is
// needed). libxlsxwriter's constant-memory mode keeps one row in memory whatever the table's size.
//
// A sheet holds at most `maxRowsPerSheet` data rows under its header (Excel's limit is 1,048,576 rows
// including the header); the rows beyond continue on "Name (2)", "Name (3)"… each with the header again.
//
// The file is written beside the target as "NAME.partial" and renamed on commit(); destroying the writer
// without commit() leaves no file. Not thread-safe; one writer per thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "domain/EntitySchema.h"

namespace salesops {

class XlsxTableWriter {
 public:
  static constexpr std::int64_t kExcelMaxDataRows = 1048575;  // 1,048,576 rows minus the header

  // `fields` and `headers` are parallel: the columns in order. Error(Workbook) naming the path when its
  // folder does not exist.
  XlsxTableWriter(const std::filesystem::path& path, std::string sheetName, std::vector<const FieldSpec*> fields,
                  std::vector<std::string> headers, std::int64_t maxRowsPerSheet = kExcelMaxDataRows);
  ~XlsxTableWriter();
  XlsxTableWriter(const XlsxTableWriter&) = delete;
  XlsxTableWriter& operator=(const XlsxTableWriter&) = delete;

  // One row: cells[i] is the canonical text of fields[i] ("" = empty). Error(Data) naming the row and
  // column when a value does not fit a cell (text over Excel's 32,767 characters).
  void row(const std::vector<std::string>& cells);
  // Writes the zip and renames it into place; Error(Workbook) naming the file on failure.
  void commit();

  int sheets() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops
