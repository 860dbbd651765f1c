#pragma once
// Cells of other CRMs' exports, read as they really are written. These are the pieces shared by the
// date, number and boolean readers (CrmDates.h, CrmNumbers.h): the per-cell result, what counts as an
// empty cell, and the verdict of a column-level decision. Pure functions, no I/O, thread-safe.
#include <cstdint>
#include <string>
#include <string_view>

namespace salesops {

// One cell read in a column's format. Empty cells are not errors: a CRM leaves optional fields blank and
// spreadsheets write "#N/A" where a formula failed; `reason` says which, so the import report can tell.
template <class T>
struct CrmCell {
  enum class State : std::uint8_t { Value, Empty, Invalid };

  State state = State::Empty;
  T value{};
  // Empty: "" for a blank cell, otherwise why it was read as empty. Invalid: why the text is not a value,
  // written to follow the quoted text: `"31/31/2024" has no month 31`.
  std::string reason;

  bool hasValue() const noexcept { return state == State::Value; }
  bool isEmpty() const noexcept { return state == State::Empty; }
  bool isInvalid() const noexcept { return state == State::Invalid; }

  static CrmCell of(T v) { return CrmCell{State::Value, std::move(v), {}}; }
  static CrmCell empty(std::string why = {}) { return CrmCell{State::Empty, T{}, std::move(why)}; }
  static CrmCell invalid(std::string why) { return CrmCell{State::Invalid, T{}, std::move(why)}; }
};

// How a whole column was decided (day/month order, decimal mark, percent scale). Never per row: a value
// like 03/04/2024 means one thing for the whole file, and only the column as a whole can tell which.
enum class ColumnVerdict : std::uint8_t {
  NotNeeded,    // no value depends on the choice (ISO dates, amounts without separators)
  Decided,      // at least one value settles it and none contradicts it
  Ambiguous,    // values depend on the choice but none settles it: the stated fallback is used, and flagged
  Conflicting,  // values settle it both ways: the column cannot be read; an error for the whole column
};

std::string_view toString(ColumnVerdict verdict) noexcept;

// Removes ASCII blanks and no-break spaces (U+00A0, U+202F) around a cell; spreadsheets pad with both.
std::string_view trimCell(std::string_view text) noexcept;

// True when the (untrimmed) cell counts as empty: blank, or a spreadsheet error value (#N/A, #VALUE!,
// #REF!, #DIV/0!, #NUM!, #NAME?, #NULL!, #SPILL!, #CALC!). For an error value *reason is set to say so.
bool isBlankCell(std::string_view text, std::string* reason = nullptr);

// "text" in double quotes for messages, cut to 40 bytes (on a UTF-8 boundary) with "…" when longer.
std::string quoteCell(std::string_view text);

// 1/0, true/false, yes/no, case-insensitive. Single letters (y/n, t/f) are refused on purpose: in a
// free-text column they are more often initials or typos than booleans.
CrmCell<bool> parseCrmBool(std::string_view text);

}  // namespace salesops
