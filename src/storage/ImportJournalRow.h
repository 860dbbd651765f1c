#pragma once
// The undo journal's image of one row: every column's value packed into one blob by an SQL function the
// journal's triggers call, and unpacked when the row is put back. Each value keeps its SQLite storage class
// and its exact bits (an 8-byte integer stays an integer, text stays byte for byte), so a restored row is
// identical to the one captured.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/Database.h"

namespace salesops {

struct JournalValue {
  enum class Kind : unsigned char { Null = 0, Integer = 1, Real = 2, Text = 3 };
  Kind kind = Kind::Null;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;
};

// Registers `name(v1, v2, ...)` on the connection: returns the values packed as a blob. Values stored as
// BLOB are refused (no journaled table holds one), so nothing is captured that could not be restored.
void registerJournalRowFunction(Database& db, const char* name);

// Throws Error(Internal) when the packed image is damaged.
std::vector<JournalValue> unpackJournalRow(std::string_view packed);

void bindJournalValue(Statement& statement, int index, const JournalValue& value);

}  // namespace salesops
