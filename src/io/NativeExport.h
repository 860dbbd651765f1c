#pragma once
// Export of the whole workbook as a native CSV workbook: one file per entity (every entity, header only
// when empty), rows in insertion order, values in the canonical text of DOMAIN.md. Lossless: importing
// the folder into an empty workbook and exporting again gives byte-identical files.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "io/CsvWriter.h"
#include "storage/Workbook.h"

namespace salesops {

struct ExportOptions {
  // --excel: bom + crlf; --delimiter. neutralizeFormulas or decimalComma make files for reading, which no
  // longer import back losslessly.
  CsvWriteOptions csv;
};

struct ExportedFile {
  std::filesystem::path path;
  std::string entity;
  std::int64_t rows = 0;
};

// Creates `dir` if needed. Each file is written to a temporary name and renamed when complete. Errors:
// Error(Workbook) naming the file (read-only folder, disk full); cancellation: Error(Cancelled) with no
// file of this run left behind.
std::vector<ExportedFile> exportNativeCsv(Workbook& workbook, const std::filesystem::path& dir,
                                          const ExportOptions& options = {}, const LongTask& task = {});

}  // namespace salesops
