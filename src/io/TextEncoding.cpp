#include "io/TextEncoding.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>

#include "common/Error.h"

namespace salesops {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";
constexpr std::uint32_t kReplacement = 0xFFFD;

// 0x80..0x9F of Windows-1252. The five bytes Microsoft leaves undefined map to the C1 controls of the
// same value, as the WHATWG encoding standard does, so that no byte is ever rejected.
constexpr std::array<std::uint16_t, 32> kCp1252High{0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                                    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void appendUtf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Length of the UTF-8 sequence at s[i]: > 0 valid, 0 incomplete at the end of s (valid so far), -1 invalid.
// Strict: overlong forms, surrogates and code points above U+10FFFF are invalid.
int sequenceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  int length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  for (int k = 1; k < length; ++k) {
    if (i + k >= s.size()) return 0;
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return -1;
  }
  return length;
}

std::string hexByte(unsigned char b) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

}  // namespace

std::string_view toString(TextEncoding encoding) noexcept {
  switch (encoding) {
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Utf8Bom:
      return "UTF-8 with BOM";
    case TextEncoding::Utf16LE:
      return "UTF-16LE";
    case TextEncoding::Utf16BE:
      return "UTF-16BE";
    case TextEncoding::Windows1252:
      return "Windows-1252";
  }
  return "?";
}

EncodingGuess detectTextEncoding(std::string_view sample, bool complete) {
  if (sample.starts_with(kUtf8Bom)) return {TextEncoding::Utf8Bom, 3, "starts with a UTF-8 byte-order mark"};
  // UTF-32LE starts with FF FE 00 00 too; no CRM writes it, and as UTF-16 it still decodes to readable text.
  if (sample.starts_with(kUtf16LeBom)) return {TextEncoding::Utf16LE, 2, "starts with a UTF-16LE byte-order mark"};
  if (sample.starts_with(kUtf16BeBom)) return {TextEncoding::Utf16BE, 2, "starts with a UTF-16BE byte-order mark"};

  // ASCII text in UTF-16 has a zero byte in every other position; nothing else does.
  const std::size_t pairs = std::min<std::size_t>(sample.size(), 4096) / 2;
  std::size_t zeroEven = 0, zeroOdd = 0;
  for (std::size_t p = 0; p < pairs; ++p) {
    zeroEven += sample[2 * p] == '\0';
    zeroOdd += sample[2 * p + 1] == '\0';
  }
  if (pairs >= 2 && zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs) {
    return {TextEncoding::Utf16LE, 0, "has no byte-order mark but the zero bytes of UTF-16LE text"};
  }
  if (pairs >= 2 && zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs) {
    return {TextEncoding::Utf16BE, 0, "has no byte-order mark but the zero bytes of UTF-16BE text"};
  }

  bool nonAscii = false;
  for (std::size_t i = 0; i < sample.size();) {
    const int n = sequenceLength(sample, i);
    if (n == 0 && !complete) break;  // cut by the end of the sample
    if (n <= 0) {
      return {TextEncoding::Windows1252, 0,
              "is not valid UTF-8 (byte " + hexByte(static_cast<unsigned char>(sample[i])) + " at offset " +
                  std::to_string(i) + "); read as Windows-1252"};
    }
    nonAscii = nonAscii || n > 1;
    i += static_cast<std::size_t>(n);
  }
  return {TextEncoding::Utf8, 0,
          nonAscii ? "is valid UTF-8 without a byte-order mark" : "is plain ASCII (read as UTF-8)"};
}

void Utf8Transcoder::feed(std::string_view chunk, std::string& out) {
  std::string joined;
  std::string_view bytes = chunk;
  if (!pending_.empty()) {
    // A character was cut by the previous chunk boundary: at most 3 bytes, so the copy is the rare path.
    joined = pending_;
    joined.append(chunk);
    pending_.clear();
    bytes = joined;
  }
  if (!started_) {
    const std::string_view bom = encoding_ == TextEncoding::Utf16LE       ? kUtf16LeBom
                                 : encoding_ == TextEncoding::Utf16BE     ? kUtf16BeBom
                                 : encoding_ == TextEncoding::Windows1252 ? std::string_view{}
                                                                          : kUtf8Bom;
    if (!bom.empty() && bytes.size() < bom.size() && bom.starts_with(bytes)) {
      pending_.assign(bytes);
      return;
    }
    if (!bom.empty() && bytes.starts_with(bom)) bytes.remove_prefix(bom.size());
    started_ = true;
  }
  switch (encoding_) {
    case TextEncoding::Utf8:
    case TextEncoding::Utf8Bom:
      feedUtf8(bytes, out);
      break;
    case TextEncoding::Utf16LE:
    case TextEncoding::Utf16BE:
      feedUtf16(bytes, out);
      break;
    case TextEncoding::Windows1252:
      out.reserve(out.size() + bytes.size());
      for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        appendUtf8(b < 0x80 ? b : b < 0xA0 ? kCp1252High[b - 0x80] : b, out);
      }
      break;
  }
}

void Utf8Transcoder::feedUtf8(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    std::size_t run = i;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.append(bytes.substr(i, run - i));
    i = run;
    if (i == bytes.size()) break;
    const int n = sequenceLength(bytes, i);
    if (n == 0) {
      pending_.assign(bytes.substr(i));
      return;
    }
    if (n < 0) {
      appendUtf8(kReplacement, out);
      ++replacements_;
      ++i;
    } else {
      out.append(bytes.substr(i, static_cast<std::size_t>(n)));
      i += static_cast<std::size_t>(n);
    }
  }
}

void Utf8Transcoder::feedUtf16(std::string_view bytes, std::string& out) {
  const bool little = encoding_ == TextEncoding::Utf16LE;
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    const std::uint32_t unit = little ? (b1 << 8 | b0) : (b0 << 8 | b1);
    if (highSurrogate_ != 0) {
      const std::uint32_t high = highSurrogate_;
      highSurrogate_ = 0;
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        appendUtf8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), out);
        continue;
      }
      appendUtf8(kReplacement, out);
      ++replacements_;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      highSurrogate_ = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      appendUtf8(kReplacement, out);
      ++replacements_;
    } else {
      appendUtf8(unit, out);
    }
  }
  if (i < bytes.size()) pending_.assign(bytes.substr(i));
}

void Utf8Transcoder::finish(std::string& out) {
  if (!started_ && !pending_.empty()) {
    // Shorter than a BOM: whatever it is, it is text.
    std::string rest;
    rest.swap(pending_);
    started_ = true;
    feed(rest, out);
  }
  if (!pending_.empty() || highSurrogate_ != 0) {
    appendUtf8(kReplacement, out);
    ++replacements_;
    pending_.clear();
    highSurrogate_ = 0;
  }
}

DecodedText decodeToUtf8(std::string_view bytes) {
  DecodedText result;
  result.guess = detectTextEncoding(bytes, true);
  Utf8Transcoder transcoder(result.guess.encoding);
  transcoder.feed(bytes, result.utf8);
  transcoder.finish(result.utf8);
  result.replacements = transcoder.replacements();
  return result;
}

DecodedText readTextFileAsUtf8(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::Data, "cannot read the file", Location{path.string()});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorKind::Data, "cannot read the file", Location{path.string()});
  return decodeToUtf8(buffer.view());
}

}  // namespace salesops
