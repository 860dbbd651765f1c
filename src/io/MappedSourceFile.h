#pragma once
// A source file of a mapped import as UTF-8 CSV. The encoding is detected on the first 64 KiB; a file in
// another encoding (UTF-16, Windows-1252) is streamed through Utf8Transcoder into a temporary UTF-8 copy,
// removed again when the object goes, so the CSV reader and its line numbers work the same for every
// encoding and memory stays bounded whatever the file size.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/TextEncoding.h"

namespace salesops {

inline constexpr std::size_t kEncodingSampleBytes = 64 * 1024;

// "UTF-8", "UTF-16LE", "Windows-1252 (byte 0xE9 at offset 1234 is not UTF-8)".
std::string describeEncoding(const EncodingGuess& guess);

// The header row of a file, decoded from the first 64 KiB. Throws Error(Data) naming the file when it
// cannot be read or has no header row.
struct SourceHeader {
  std::vector<std::string> headers;
  EncodingGuess encoding;
};
SourceHeader readSourceHeader(const std::filesystem::path& path);

class SourceFile {
 public:
  // Throws Error(Data) naming the file when it cannot be read, or the temporary copy cannot be written.
  explicit SourceFile(const std::filesystem::path& path);
  ~SourceFile();
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::filesystem::path& csvPath() const noexcept { return csvPath_; }  // UTF-8, to read
  const EncodingGuess& encoding() const noexcept { return encoding_; }
  std::int64_t replacements() const noexcept { return replacements_; }  // U+FFFD written for bad bytes
  std::int64_t sourceBytes() const noexcept { return sourceBytes_; }

 private:
  std::filesystem::path csvPath_;
  std::filesystem::path tempCopy_;
  EncodingGuess encoding_;
  std::int64_t replacements_ = 0;
  std::int64_t sourceBytes_ = 0;
};

}  // namespace salesops
