#pragma once
// Which encoding a text file is in, and its conversion to UTF-8, the only encoding the rest of the core
// reads. CRM exports arrive as UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text")
// and Windows-1252 (Excel's "CSV" on a western Windows).
//
// Detection: a BOM decides (EF BB BF, FF FE, FE FF); without one, UTF-16 is recognised by its zero
// bytes in ASCII text, and bytes that are valid UTF-8 are UTF-8; anything else is read as Windows-1252,
// where every byte is a character, so a wrong guess garbles letters but never loses a row. Pure ASCII
// is reported as UTF-8.
//
// Streaming: Utf8Transcoder converts chunk by chunk with bounded memory (it keeps at most 3 bytes of an
// incomplete character between chunks). detectTextEncoding looks at the start of a file (64 KiB is
// plenty for a BOM and for UTF-16); a Windows-1252 byte after the sample then shows up as replacement
// characters, counted by the transcoder, so a caller that needs certainty passes the whole file.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace salesops {

enum class TextEncoding : std::uint8_t { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };

std::string_view toString(TextEncoding encoding) noexcept;  // "UTF-8", "UTF-8 with BOM", "UTF-16LE"...

struct EncodingGuess {
  TextEncoding encoding = TextEncoding::Utf8;
  std::size_t bomBytes = 0;  // bytes of byte-order mark at the start, skipped by the transcoder
  std::string reason;        // for people: "starts with a UTF-16LE byte-order mark", "byte 0x80 at offset 12..."
};

// `sample` is the start of the file (or all of it). `complete` says whether it is the whole file: if not,
// a multi-byte UTF-8 sequence cut at the end of the sample is not held against UTF-8.
EncodingGuess detectTextEncoding(std::string_view sample, bool complete = true);

// Converts bytes in `encoding` to UTF-8. Malformed input (invalid UTF-8, lone UTF-16 surrogates, an odd
// trailing byte) becomes U+FFFD and is counted: never an exception, never a lost row. The BOM, if the
// first chunk starts with one, is dropped. Not thread-safe; one per stream.
class Utf8Transcoder {
 public:
  explicit Utf8Transcoder(TextEncoding encoding) noexcept : encoding_(encoding) {}

  // Appends the UTF-8 of `chunk` to `out`.
  void feed(std::string_view chunk, std::string& out);
  // Flushes an incomplete character left at the end of the input (as U+FFFD).
  void finish(std::string& out);

  TextEncoding encoding() const noexcept { return encoding_; }
  std::int64_t replacements() const noexcept { return replacements_; }  // U+FFFD written for bad input

 private:
  void feedUtf8(std::string_view bytes, std::string& out);
  void feedUtf16(std::string_view bytes, std::string& out);

  TextEncoding encoding_;
  std::string pending_;  // bytes of an incomplete character carried to the next chunk
  bool started_ = false;
  std::uint32_t highSurrogate_ = 0;
  std::int64_t replacements_ = 0;
};

// Whole-buffer conversion: detect (over all of `bytes`) and transcode. Fine for files up to a few hundred
// MB; the import pipeline streams through Utf8Transcoder for larger ones.
struct DecodedText {
  std::string utf8;
  EncodingGuess guess;
  std::int64_t replacements = 0;
};
DecodedText decodeToUtf8(std::string_view bytes);

// Reads a whole file and decodes it. Throws Error(Data) naming the path when it cannot be read.
DecodedText readTextFileAsUtf8(const std::filesystem::path& path);

}  // namespace salesops
