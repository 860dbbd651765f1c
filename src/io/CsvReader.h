#pragma once
// A streaming RFC 4180 reader. Memory stays bounded whatever the file size: records are read one at a
// time through a fixed buffer; a single field longer than the limit is reported, not loaded.
// Handles quoted delimiters, doubled quotes, embedded newlines, CRLF/LF/CR line ends, a UTF-8 BOM,
// and detects ',' ';' or tab from the header line. Problems (ragged rows, unbalanced quotes, NUL bytes,
// invalid UTF-8, over-long fields) are reported with the file's line number, never crash.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace salesops {

struct CsvOptions {
  char delimiter = 0;                     // 0 = detect from the first line among ',' ';' '\t'
  std::size_t maxFieldBytes = 16u << 20;  // longer fields are a problem of their row (the rest is skipped)
};

// One problem of one record.
struct CsvProblem {
  std::int64_t line = 0;  // 1-based physical line where the record starts
  std::string message;    // e.g. "has 5 fields, the header has 7"
};

class CsvReader {
 public:
  // Throws Error(Data, …) naming the path when it cannot be opened.
  CsvReader(const std::filesystem::path& path, CsvOptions options = {});
  // Reads from memory (tests); `name` is used in messages.
  static CsvReader fromString(std::string content, std::string name, CsvOptions options = {});
  ~CsvReader();
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;

  const std::string& name() const noexcept;  // the file name used in messages
  char delimiter() const noexcept;           // after detection
  bool hadBom() const noexcept;

  // Reads the next record into `fields` (views valid until the next call). Returns false at the end.
  // A record with a problem still returns true, with problem() set for that record (fields may be partial).
  bool next(std::vector<std::string_view>& fields);
  // Line number (1-based) where the record last returned by next() starts.
  std::int64_t recordLine() const noexcept;
  // The problem of the record last returned, or nullptr.
  const CsvProblem* problem() const noexcept;
  // Bytes consumed so far and total size (0 if unknown), for progress.
  std::int64_t bytesRead() const noexcept;
  std::int64_t totalBytes() const noexcept;

 private:
  struct Impl;
  explicit CsvReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops
