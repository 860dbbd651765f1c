#include "storage/ImportJournalRow.h"

#include <sqlite3.h>

#include <cstring>

#include "common/Error.h"

namespace salesops {

namespace {

// Packed format, value after value: a tag byte, then
//   0x00            NULL
//   0x10 | n        INTEGER in n = 1..8 bytes, two's complement, little-endian, sign-extended when read
//   0x02            REAL as its 8 bytes of IEEE 754 bits, little-endian
//   0x03            TEXT: its byte length as a LEB128 varint, then the bytes
// Small integers (ids, amounts in cents, flags) take 2-4 bytes instead of 9: the journal of a bulk update
// is about half the size, and so is the time spent writing it.
constexpr unsigned char kNull = 0x00, kReal = 0x02, kText = 0x03, kInteger = 0x10;

[[noreturn]] void damaged(const char* what) {
  throw Error(ErrorKind::Internal, std::string("damaged undo journal row (") + what + ")");
}

void putLittleEndian(std::string& out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint64_t getLittleEndian(std::string_view in, std::size_t& at, int bytes) {
  if (in.size() - at < static_cast<std::size_t>(bytes)) damaged("truncated value");
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  at += static_cast<std::size_t>(bytes);
  return v;
}

void putInteger(std::string& out, std::int64_t value) {
  int bytes = 1;
  while (bytes < 8) {
    const std::int64_t limit = std::int64_t{1} << (8 * bytes - 1);
    if (value >= -limit && value < limit) break;
    ++bytes;
  }
  out.push_back(static_cast<char>(kInteger | bytes));
  putLittleEndian(out, static_cast<std::uint64_t>(value), bytes);
}

std::int64_t getInteger(std::string_view in, std::size_t& at, int bytes) {
  if (bytes < 1 || bytes > 8) damaged("bad integer size");
  std::uint64_t v = getLittleEndian(in, at, bytes);
  if (bytes < 8 && (v >> (8 * bytes - 1)) != 0) v |= ~std::uint64_t{0} << (8 * bytes);  // sign-extend
  return static_cast<std::int64_t>(v);
}

void putVarint(std::string& out, std::uint64_t v) {
  do {
    const auto low = static_cast<unsigned char>(v & 0x7f);
    v >>= 7;
    out.push_back(static_cast<char>(v ? (low | 0x80) : low));
  } while (v);
}

std::uint64_t getVarint(std::string_view in, std::size_t& at) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= in.size()) damaged("truncated length");
    const auto byte = static_cast<unsigned char>(in[at++]);
    v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return v;
  }
  damaged("bad length");
}

void packRow(sqlite3_context* context, int argc, sqlite3_value** argv) {
  std::string out;
  out.reserve(static_cast<std::size_t>(argc) * 6);
  for (int i = 0; i < argc; ++i) {
    sqlite3_value* v = argv[i];
    switch (sqlite3_value_type(v)) {
      case SQLITE_INTEGER:
        putInteger(out, sqlite3_value_int64(v));
        break;
      case SQLITE_FLOAT: {
        out.push_back(static_cast<char>(kReal));
        const double d = sqlite3_value_double(v);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        putLittleEndian(out, bits, 8);
        break;
      }
      case SQLITE_TEXT: {
        out.push_back(static_cast<char>(kText));
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
        const auto bytes = static_cast<std::size_t>(sqlite3_value_bytes(v));
        putVarint(out, bytes);
        out.append(text ? text : "", bytes);
        break;
      }
      case SQLITE_NULL:
        out.push_back(static_cast<char>(kNull));
        break;
      default:
        sqlite3_result_error(context, "the undo journal cannot hold BLOB values", -1);
        return;
    }
  }
  sqlite3_result_blob64(context, out.data(), out.size(), SQLITE_TRANSIENT);
}

}  // namespace

void registerJournalRowFunction(Database& db, const char* name) {
  const int rc = sqlite3_create_function_v2(db.handle(), name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, packRow,
                                            nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) db.fail(rc, "registering the undo journal function");
}

std::vector<JournalValue> unpackJournalRow(std::string_view packed) {
  std::vector<JournalValue> values;
  std::size_t at = 0;
  while (at < packed.size()) {
    JournalValue value;
    const auto tag = static_cast<unsigned char>(packed[at++]);
    if ((tag & 0xf0) == kInteger) {
      value.kind = JournalValue::Kind::Integer;
      value.integer = getInteger(packed, at, tag & 0x0f);
    } else if (tag == kReal) {
      value.kind = JournalValue::Kind::Real;
      const std::uint64_t bits = getLittleEndian(packed, at, 8);
      std::memcpy(&value.real, &bits, sizeof bits);
    } else if (tag == kText) {
      value.kind = JournalValue::Kind::Text;
      const std::uint64_t bytes = getVarint(packed, at);
      if (packed.size() - at < bytes) damaged("truncated text");
      value.text.assign(packed.substr(at, bytes));
      at += bytes;
    } else if (tag != kNull) {
      damaged("unknown value kind");
    }
    values.push_back(std::move(value));
  }
  return values;
}

void bindJournalValue(Statement& statement, int index, const JournalValue& value) {
  switch (value.kind) {
    case JournalValue::Kind::Null:
      statement.bindNull(index);
      break;
    case JournalValue::Kind::Integer:
      statement.bind(index, value.integer);
      break;
    case JournalValue::Kind::Real:
      statement.bind(index, value.real);
      break;
    case JournalValue::Kind::Text:
      statement.bind(index, std::string_view(value.text));
      break;
  }
}

}  // namespace salesops
