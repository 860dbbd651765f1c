#include "io/MappedSourceFile.h"

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <system_error>

#include "common/Error.h"
#include "io/CsvReader.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;

std::string readSample(const fs::path& path, std::int64_t& size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Data, "cannot open " + path.filename().string());
  std::string sample(kEncodingSampleBytes, '\0');
  in.read(sample.data(), static_cast<std::streamsize>(sample.size()));
  sample.resize(static_cast<std::size_t>(in.gcount()));
  std::error_code ec;
  const auto bytes = fs::file_size(path, ec);
  size = ec ? static_cast<std::int64_t>(sample.size()) : static_cast<std::int64_t>(bytes);
  return sample;
}

bool needsTranscoding(TextEncoding encoding) {
  return encoding != TextEncoding::Utf8 && encoding != TextEncoding::Utf8Bom;
}

fs::path temporaryCopyPath(const fs::path& source) {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) dir = source.parent_path();
  return dir / ("salesops-import-" + std::to_string(static_cast<long long>(::getpid())) + "-" +
                std::to_string(counter.fetch_add(1)) + ".csv");
}

}  // namespace

std::string describeEncoding(const EncodingGuess& guess) {
  std::string text(toString(guess.encoding));
  if (guess.encoding == TextEncoding::Windows1252 && !guess.reason.empty()) text += " (" + guess.reason + ")";
  return text;
}

SourceHeader readSourceHeader(const fs::path& path) {
  std::int64_t size = 0;
  const std::string sample = readSample(path, size);
  SourceHeader result;
  const bool complete = static_cast<std::int64_t>(sample.size()) >= size;
  result.encoding = detectTextEncoding(sample, complete);
  Utf8Transcoder transcoder(result.encoding.encoding);
  std::string text;
  transcoder.feed(sample, text);
  if (complete) transcoder.finish(text);
  CsvReader reader = CsvReader::fromString(std::move(text), path.filename().string());
  std::vector<std::string_view> record;
  if (!reader.next(record) || (record.size() == 1 && record[0].empty())) {
    throw Error(ErrorKind::Data, "the file is empty (no header row)", Location{path.filename().string(), 1, ""});
  }
  result.headers.assign(record.begin(), record.end());
  return result;
}

SourceFile::SourceFile(const fs::path& path) : csvPath_(path) {
  const std::string sample = readSample(path, sourceBytes_);
  encoding_ = detectTextEncoding(sample, static_cast<std::int64_t>(sample.size()) >= sourceBytes_);
  if (!needsTranscoding(encoding_.encoding)) return;
  tempCopy_ = temporaryCopyPath(path);
  std::ifstream in(path, std::ios::binary);
  std::ofstream out(tempCopy_, std::ios::binary | std::ios::trunc);
  if (!in || !out) throw Error(ErrorKind::Data, "cannot convert " + path.filename().string() + " to UTF-8");
  Utf8Transcoder transcoder(encoding_.encoding);
  std::string chunk(256 * 1024, '\0'), utf8;
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    utf8.clear();
    transcoder.feed(std::string_view(chunk.data(), got), utf8);
    out.write(utf8.data(), static_cast<std::streamsize>(utf8.size()));
  }
  utf8.clear();
  transcoder.finish(utf8);
  out.write(utf8.data(), static_cast<std::streamsize>(utf8.size()));
  out.flush();
  if (!out) throw Error(ErrorKind::Data, "cannot write a UTF-8 copy of " + path.filename().string());
  replacements_ = transcoder.replacements();
  csvPath_ = tempCopy_;
}

SourceFile::~SourceFile() {
  if (tempCopy_.empty()) return;
  std::error_code ec;
  fs::remove(tempCopy_, ec);
}

}  // namespace salesops
