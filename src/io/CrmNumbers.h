#pragma once
// Numbers, money and percentages as CRMs and spreadsheets write them, and the column-level decisions
// of decimal mark and percent scale. Money becomes exact int64 minor units through common/Decimal.h:
// the text is normalised ("1.234,56 €" -> "1234.56", currency EUR) and never passes through a double.
// Pure, thread-safe.
//
// Accepted around the digits: a sign (+, -, U+2212) before or after, or parentheses for negatives;
// a currency symbol ($ € £ ¥) or ISO code (USD, EUR...) before or after, with or without a space;
// for percentages a trailing % (also " %"). Thousands separators: the other mark of ',' and '.', a space,
// a no-break space or an apostrophe (1'234.50), always grouping by three. Scientific notation (1.2E+06,
// what a spreadsheet writes for a long number) is refused with a reason, never guessed.
#include <cstdint>
#include <string>
#include <string_view>

#include "common/Decimal.h"
#include "io/CrmValues.h"

namespace salesops {

enum class DecimalMark : char { Dot = '.', Comma = ',' };

std::string_view toString(DecimalMark mark) noexcept;  // "." / ","

// Percent values: `Points` reads 10 as 10 %, `Fraction` reads 0.1 as 10 %. A value written with % is
// always points.
enum class PercentScale : std::uint8_t { Points, Fraction };

std::string_view toString(PercentScale scale) noexcept;  // "points" / "fraction"

struct CrmMoney {
  std::int64_t minorUnits = 0;
  // The ISO code the text names ("1.234,56 €" -> "EUR", "USD 10" -> "USD"); "" when none, or only '$'
  // which is shared by many dollars: the row's currency then applies.
  std::string currency;
};

// A plain number (integers, decimals) with the column's decimal mark.
CrmCell<Decimal> parseCrmNumber(std::string_view text, DecimalMark mark);

// Money. `currency` is the currency of the row (its currency column, the profile default, or the
// corporate currency): it sets the minor digits unless the text names its own currency. "" -> 2 digits.
// More decimals than the currency has is an error (no silent rounding).
CrmCell<CrmMoney> parseCrmMoney(std::string_view text, DecimalMark mark, std::string_view currency);

// A percentage as percent points: ("10%", any) -> 10, ("0.125", Fraction) -> 12.5, ("10", Points) -> 10.
CrmCell<Decimal> parseCrmPercent(std::string_view text, DecimalMark mark, PercentScale scale);

struct NumberFormatGuess {
  ColumnVerdict markVerdict = ColumnVerdict::NotNeeded;
  DecimalMark mark = DecimalMark::Dot;
  std::string markReason;
  ColumnVerdict scaleVerdict = ColumnVerdict::NotNeeded;  // Decided or NotNeeded only
  PercentScale scale = PercentScale::Points;              // meaningful for percent columns
  std::string scaleReason;
};

// Scans a whole numeric column (streaming: counters only), then decides:
// decimal mark: a value with both ',' and '.' has its last one as decimal mark ("1.234,56" -> ',');
// a mark that occurs twice is a thousands separator ("1,234,567" -> '.'); a single mark followed by other
// than three digits is a decimal mark ("261,96" -> ','); "1,234" alone could be either and decides nothing.
// Evidence both ways => Conflicting; only undecided values => Ambiguous with the caller's fallback.
// percent scale: if every value without % is <= 1 and at least one is not an integer, the column holds
// fractions (0.1 = 10 %); otherwise points. So 0/1-only columns are points: a profile that knows better
// (HubSpot's probabilities are fractions) says so in its column format.
class NumberColumnScanner {
 public:
  void add(std::string_view text, std::int64_t line);
  NumberFormatGuess finish(std::string_view column, DecimalMark fallback, std::string_view fallbackSource) const;

 private:
  struct ScaleEvidence {
    bool allAtMostOne = true;
    bool anyFraction = false;
    std::int64_t plainValues = 0;
  };
  std::int64_t commaLine_ = 0;  // first line proving ',' is the decimal mark
  std::int64_t dotLine_ = 0;    // first line proving '.' is the decimal mark
  std::string commaText_;
  std::string dotText_;
  std::int64_t undecided_ = 0;
  std::int64_t undecidedLine_ = 0;
  std::string undecidedText_;
  ScaleEvidence dotScale_;    // percent evidence if '.' is the mark
  ScaleEvidence commaScale_;  // percent evidence if ',' is the mark
};

}  // namespace salesops
