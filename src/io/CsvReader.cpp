#include "io/CsvReader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <utility>

#include "common/Error.h"

namespace salesops {

namespace {

constexpr std::size_t kBufferBytes = 1u << 20;
// Bounds beside the per-field limit: a 2 GB line of short fields must not turn into 2 GB of fields.
constexpr std::size_t kMaxFields = 100000;
constexpr std::size_t kRecordFieldFactor = 4;

enum class Utf8 { Ok, Nul, Invalid };

constexpr std::uint64_t kHigh = 0x8080808080808080ull;
constexpr std::uint64_t kOnes = 0x0101010101010101ull;

// ASCII fast path eight bytes at a time; the multi-byte rules follow RFC 3629 (no overlongs, no surrogates,
// nothing above U+10FFFF).
Utf8 checkText(const unsigned char* p, std::size_t n) {
  std::size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & kHigh) == 0) {
        if (((w - kOnes) & ~w & kHigh) != 0) return Utf8::Nul;
        i += 8;
        continue;
      }
    }
    const unsigned c = p[i];
    if (c < 0x80) {
      if (c == 0) return Utf8::Nul;
      ++i;
      continue;
    }
    std::size_t len;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return Utf8::Invalid;
    }
    if (i + len > n) return Utf8::Invalid;
    if (p[i + 1] < lo || p[i + 1] > hi) return Utf8::Invalid;
    for (std::size_t k = 2; k < len; ++k)
      if ((p[i + k] & 0xC0) != 0x80) return Utf8::Invalid;
    i += len;
  }
  return Utf8::Ok;
}

enum class State { FieldStart, Unquoted, Quoted, AfterQuote };

}  // namespace

struct CsvReader::Impl {
  // Scan table entries: a byte that ends the current run, or one that needs the full UTF-8/NUL check later.
  static constexpr unsigned char kStop = 1;
  static constexpr unsigned char kNotAscii = 2;

  std::string name;
  CsvOptions options;
  int fd = -1;
  std::string content;  // fromString(): the whole input, parsed in place
  std::unique_ptr<char[]> storage;
  const char* buf = nullptr;
  std::size_t pos = 0, end = 0;
  std::int64_t consumedBefore = 0;  // bytes of earlier buffer fills
  std::int64_t total = 0;
  bool eof = false;
  bool bom = false;
  bool skipLf = false;  // the previous record ended with CR: a following LF belongs to it
  std::int64_t line = 1;
  std::int64_t recLine = 0;
  std::size_t headerFields = 0;
  std::size_t recordLimit = 0;
  bool sawHeader = false;
  // One buffer per reader holds the record's field bytes back to back; ends[i] is where field i stops.
  // Offsets rather than views because growing the buffer moves it.
  std::unique_ptr<char[]> rec;
  std::size_t recSize = 0, recCap = 0;
  std::vector<std::size_t> ends;
  unsigned char seen = 0;  // OR of the table entries of the record's bytes
  CsvProblem prob;
  bool hasProblem = false;
  std::array<unsigned char, 256> unquoted{};  // stops at the delimiter, CR, LF
  std::array<unsigned char, 256> quoted{};    // stops at '"', CR, LF

  ~Impl() {
    if (fd >= 0) ::close(fd);
  }

  void setProblem(std::string message) {
    if (hasProblem) return;  // the first problem is the one worth fixing first
    hasProblem = true;
    prob.line = recLine;
    prob.message = std::move(message);
  }

  // Returns false at the end of input.
  bool fill() {
    if (pos < end) return true;
    return refill();
  }

  [[gnu::noinline]] bool refill() {
    if (eof) return false;
    if (fd < 0) {
      eof = true;
      return false;
    }
    consumedBefore += static_cast<std::int64_t>(end);
    pos = end = 0;
    char* out = storage.get();
    while (end < kBufferBytes) {
      const ssize_t got = ::read(fd, out + end, kBufferBytes - end);
      if (got < 0) {
        if (errno == EINTR) continue;
        throw Error(ErrorKind::Data, std::string("cannot read: ") + std::strerror(errno), Location{name});
      }
      if (got == 0) {
        eof = true;
        break;
      }
      end += static_cast<std::size_t>(got);
    }
    return pos < end;
  }

  void start() {
    if (fd >= 0) {
      storage = std::make_unique<char[]>(kBufferBytes);
      buf = storage.get();
    } else {
      buf = content.data();
      end = content.size();
      eof = true;
    }
    fill();
    if (end - pos >= 3 && std::memcmp(buf + pos, "\xEF\xBB\xBF", 3) == 0) {
      bom = true;
      pos += 3;
    }
    if (options.delimiter == 0) options.delimiter = detectDelimiter();
    for (unsigned c = 0x80; c < 0x100; ++c) unquoted[c] = quoted[c] = kNotAscii;
    unquoted[0] = quoted[0] = kNotAscii;
    unquoted[static_cast<unsigned char>(options.delimiter)] |= kStop;
    quoted[static_cast<unsigned char>('"')] |= kStop;
    for (auto* table : {&unquoted, &quoted}) {
      (*table)['\r'] |= kStop;
      (*table)['\n'] |= kStop;
    }
    if (options.maxFieldBytes == 0) options.maxFieldBytes = 1;
    const std::size_t maxField = options.maxFieldBytes;
    recordLimit = maxField > SIZE_MAX / kRecordFieldFactor ? SIZE_MAX : maxField * kRecordFieldFactor;
    recCap = 64u << 10;
    rec = std::make_unique<char[]>(recCap);
  }

  // Counts candidates outside quotes on the first line as far as the first buffer holds it.
  char detectDelimiter() const {
    std::size_t comma = 0, semi = 0, tab = 0;
    bool inQuotes = false;
    for (std::size_t i = pos; i < end; ++i) {
      const char c = buf[i];
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes) {
        if (c == '\n' || c == '\r') break;
        comma += c == ',';
        semi += c == ';';
        tab += c == '\t';
      }
    }
    if (semi > comma && semi > tab) return ';';
    if (tab > comma && tab > semi) return '\t';
    return ',';
  }

  static std::uint64_t zeroBytes(std::uint64_t w) { return (w - kOnes) & ~w & kHigh; }

  // Scans to the next byte the table stops at (or `stop`), noting whether non-ASCII or NUL bytes went by.
  // Eight bytes at a time: the lowest flagged byte of zeroBytes() is exact, and that is the first match.
  const char* scan(const char* p, const char* stop, const std::array<unsigned char, 256>& table, char third) {
    if constexpr (std::endian::native == std::endian::little) {
      const std::uint64_t cr = kOnes * '\r', lf = kOnes * '\n', t = kOnes * static_cast<unsigned char>(third);
      while (stop - p >= 8) {
        std::uint64_t w;
        std::memcpy(&w, p, 8);
        const std::uint64_t hits = zeroBytes(w ^ cr) | zeroBytes(w ^ lf) | zeroBytes(w ^ t);
        const std::uint64_t before = hits ? (hits & (~hits + 1)) - 1 : ~std::uint64_t{0};
        if (((w & kHigh) | zeroBytes(w)) & before) seen |= kNotAscii;
        if (hits) return p + std::countr_zero(hits) / 8;
        p += 8;
      }
    }
    unsigned char kinds = 0;
    for (; p < stop; ++p) {
      const unsigned char k = table[static_cast<unsigned char>(*p)];
      if (k & kStop) break;
      kinds |= k;
    }
    seen |= kinds;
    return p;
  }

  // Appends to the current field within the per-field limit; the excess is dropped, not stored.
  void append(std::size_t fieldStart, const char* p, std::size_t n, bool& skipping) {
    if (skipping) return;
    if (n > options.maxFieldBytes - (recSize - fieldStart)) n = truncate(fieldStart, skipping);
    if (recCap - recSize < n) grow(n);
    std::memcpy(rec.get() + recSize, p, n);
    recSize += n;
  }

  [[gnu::noinline]] std::size_t truncate(std::size_t fieldStart, bool& skipping) {
    skipping = true;
    setProblem("has a field longer than " + std::to_string(options.maxFieldBytes) + " bytes");
    return options.maxFieldBytes - (recSize - fieldStart);
  }

  [[gnu::noinline]] void grow(std::size_t extra) {
    std::size_t cap = recCap * 2;
    while (cap - recSize < extra) cap *= 2;
    auto bigger = std::make_unique<char[]>(cap);
    std::memcpy(bigger.get(), rec.get(), recSize);
    rec = std::move(bigger);
    recCap = cap;
  }

  void finishField(bool& storing) {
    if (!storing) return;
    if (ends.size() < kMaxFields && recSize <= recordLimit) {
      ends.push_back(recSize);
      return;
    }
    overflow(storing);
  }

  [[gnu::noinline]] void overflow(bool& storing) {
    storing = false;
    if (ends.size() >= kMaxFields) {
      setProblem("has more than " + std::to_string(kMaxFields) + " fields");
    } else {
      ends.push_back(recSize);
      setProblem("is longer than " + std::to_string(recordLimit) + " bytes");
    }
  }

  // Returns false when no record is left. Blank lines are skipped.
  bool readRecord() {
    for (;;) {
      recSize = 0;
      ends.clear();
      seen = 0;
      hasProblem = false;
      if (!fill()) return false;
      if (skipLf) {
        skipLf = false;
        if (buf[pos] == '\n') {
          ++pos;
          continue;
        }
      }
      const char first = buf[pos];
      if (first == '\n' || first == '\r') {
        ++pos;
        ++line;
        skipLf = first == '\r';
        continue;
      }
      recLine = line;
      parseRecord();
      return true;
    }
  }

  void parseRecord() {
    const char delim = options.delimiter;
    State state = State::FieldStart;
    std::size_t fieldStart = 0;
    bool skipping = false;
    bool storing = true;  // false once the record exceeds its bounds: parse on, keep nothing
    bool lastCr = false;  // inside quotes: CRLF counts as one line
    auto beginField = [&] {
      fieldStart = recSize;
      skipping = !storing;
    };
    beginField();
    for (;;) {
      if (!fill()) {
        if (state == State::Quoted) setProblem("has an unclosed quote");
        finishField(storing);
        return;
      }
      const char* p = buf + pos;
      const char* const stop = buf + end;
      switch (state) {
        case State::FieldStart:
          if (*p == '"') {
            ++pos;
            state = State::Quoted;
            lastCr = false;
          } else {
            state = State::Unquoted;
          }
          break;
        case State::Unquoted: {
          // Runs of unquoted fields, the common case, stay in this loop instead of going round the switch.
          for (;;) {
            const char* q = scan(p, stop, unquoted, delim);
            append(fieldStart, p, static_cast<std::size_t>(q - p), skipping);
            pos = static_cast<std::size_t>(q - buf);
            if (q == stop) break;
            ++pos;
            finishField(storing);
            if (*q != delim) {
              ++line;
              skipLf = *q == '\r';
              return;
            }
            beginField();
            p = q + 1;
            if (p == stop || *p == '"') {
              state = State::FieldStart;
              break;
            }
          }
          break;
        }
        case State::Quoted: {
          const char* q = scan(p, stop, quoted, '"');
          if (q != p) lastCr = false;
          append(fieldStart, p, static_cast<std::size_t>(q - p), skipping);
          pos = static_cast<std::size_t>(q - buf);
          if (q == stop) break;
          ++pos;
          if (*q == '"') {
            state = State::AfterQuote;
          } else {
            if (*q == '\r' || !lastCr) ++line;
            lastCr = *q == '\r';
            append(fieldStart, q, 1, skipping);
          }
          break;
        }
        case State::AfterQuote:
          if (*p == '"') {
            append(fieldStart, p, 1, skipping);
            ++pos;
            state = State::Quoted;
            lastCr = false;
          } else if (*p == delim || *p == '\r' || *p == '\n') {
            state = State::Unquoted;  // the separator is handled there
          } else {
            setProblem("has text after a closing quote");
            state = State::Unquoted;  // keep the text: "ab"c reads as abc
          }
          break;
      }
    }
  }

  void checkRecord(std::vector<std::string_view>& fields) {
    fields.resize(ends.size());
    std::size_t from = 0;
    for (std::size_t i = 0; i < ends.size(); ++i) {
      fields[i] = std::string_view(rec.get() + from, ends[i] - from);
      from = ends[i];
    }
    if (!sawHeader) {
      sawHeader = true;
      headerFields = fields.size();
    } else if (fields.size() != headerFields) {
      setProblem("has " + std::to_string(fields.size()) + " fields, the header has " + std::to_string(headerFields));
    }
    // Every stored byte went through scan(), so an all-ASCII record needs no second look.
    if (hasProblem || !(seen & kNotAscii)) return;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const Utf8 r = checkText(reinterpret_cast<const unsigned char*>(fields[i].data()), fields[i].size());
      if (r == Utf8::Ok) continue;
      setProblem("field " + std::to_string(i + 1) + (r == Utf8::Nul ? " contains a NUL byte" : " is not valid UTF-8"));
      return;
    }
  }
};

CsvReader::CsvReader(const std::filesystem::path& path, CsvOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->name = path.string();
  impl_->options = options;
  impl_->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (impl_->fd < 0)
    throw Error(ErrorKind::Data, std::string("cannot open: ") + std::strerror(errno), Location{impl_->name});
  struct stat st {};
  if (::fstat(impl_->fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) throw Error(ErrorKind::Data, "cannot open: is a folder", Location{impl_->name});
    if (S_ISREG(st.st_mode)) impl_->total = st.st_size;
  }
  ::posix_fadvise(impl_->fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  impl_->start();
}

CsvReader::CsvReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

CsvReader CsvReader::fromString(std::string content, std::string name, CsvOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->name = std::move(name);
  impl->options = options;
  impl->total = static_cast<std::int64_t>(content.size());
  impl->content = std::move(content);
  impl->start();
  return CsvReader(std::move(impl));
}

CsvReader::~CsvReader() = default;
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;

const std::string& CsvReader::name() const noexcept { return impl_->name; }
char CsvReader::delimiter() const noexcept { return impl_->options.delimiter; }
bool CsvReader::hadBom() const noexcept { return impl_->bom; }

bool CsvReader::next(std::vector<std::string_view>& fields) {
  if (!impl_->readRecord()) {
    fields.clear();
    impl_->hasProblem = false;
    return false;
  }
  impl_->checkRecord(fields);
  return true;
}

std::int64_t CsvReader::recordLine() const noexcept { return impl_->recLine; }
const CsvProblem* CsvReader::problem() const noexcept { return impl_->hasProblem ? &impl_->prob : nullptr; }
std::int64_t CsvReader::bytesRead() const noexcept {
  return impl_->consumedBefore + static_cast<std::int64_t>(impl_->pos);
}
std::int64_t CsvReader::totalBytes() const noexcept { return impl_->total; }

}  // namespace salesops
