#include "io/CrmNumbers.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <utility>

#include "common/Currency.h"

namespace salesops {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Symbols that name one currency. '$' alone is left out on purpose: it is USD, CAD, AUD, MXN...
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kSymbols{{
    {"US$", "USD"},
    {"CA$", "CAD"},
    {"AU$", "AUD"},
    {"R$", "BRL"},
    {"\xE2\x82\xAC", "EUR"},  // €
    {"\xC2\xA3", "GBP"},      // £
    {"\xC2\xA5", "JPY"},      // ¥ (also the yuan's sign; JPY is what CRMs mean by it far more often)
    {"$", ""},
}};

constexpr std::string_view kMinusSign = "\xE2\x88\x92";  // U+2212, what typesetting tools paste

// The number of a cell with sign, currency and percent sign taken off.
struct Stripped {
  std::string_view core;
  bool negative = false;
  bool percent = false;
  bool hadCurrency = false;
  std::string currency;  // ISO code, "" for '$' or none
};

std::string_view trimBlank(std::string_view s) { return trimCell(s); }

bool takeCurrencyFront(std::string_view& s, Stripped& out) {
  for (const auto& [symbol, code] : kSymbols) {
    if (s.starts_with(symbol)) {
      s.remove_prefix(symbol.size());
      out.currency = code;
      return true;
    }
  }
  if (s.size() >= 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) && (s.size() == 3 || !isUpper(s[3]))) {
    out.currency = s.substr(0, 3);
    s.remove_prefix(3);
    return true;
  }
  return false;
}

bool takeCurrencyBack(std::string_view& s, Stripped& out) {
  for (const auto& [symbol, code] : kSymbols) {
    if (s.ends_with(symbol)) {
      s.remove_suffix(symbol.size());
      out.currency = code;
      return true;
    }
  }
  const std::size_t n = s.size();
  if (n >= 3 && isUpper(s[n - 1]) && isUpper(s[n - 2]) && isUpper(s[n - 3]) && (n == 3 || !isUpper(s[n - 4]))) {
    out.currency = s.substr(n - 3);
    s.remove_suffix(3);
    return true;
  }
  return false;
}

std::optional<Stripped> strip(std::string_view t, std::string& why) {
  Stripped out;
  std::string_view s = t;
  bool signSeen = false;
  if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
    out.negative = true;
    signSeen = true;
    s = trimBlank(s.substr(1, s.size() - 2));
  }
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    s = trimBlank(s);
    if (!signSeen && (s.starts_with('-') || s.starts_with('+') || s.starts_with(kMinusSign))) {
      out.negative = !s.starts_with('+');
      s.remove_prefix(s.starts_with(kMinusSign) ? kMinusSign.size() : 1);
      signSeen = changed = true;
    } else if (!out.hadCurrency && takeCurrencyFront(s, out)) {
      out.hadCurrency = changed = true;
    }
    s = trimBlank(s);
    if (s.empty()) break;
    if (!out.percent && s.ends_with('%')) {
      s.remove_suffix(1);
      out.percent = changed = true;
    } else if (!signSeen && s.ends_with('-')) {
      s.remove_suffix(1);
      out.negative = signSeen = changed = true;
    } else if (!out.hadCurrency && takeCurrencyBack(s, out)) {
      out.hadCurrency = changed = true;
    }
  }
  s = trimBlank(s);
  if (s.empty() || !isDigit(s.back()) || (!isDigit(s.front()) && s.front() != '.' && s.front() != ',')) {
    why = "is not a number";
    return std::nullopt;
  }
  if (s.find_first_of("eE") != std::string_view::npos) {
    why = "is in scientific notation; export the column as a plain number";
    return std::nullopt;
  }
  out.core = s;
  return out;
}

// Length of a grouping character at i that is never a decimal mark: space, no-break spaces, apostrophe.
std::size_t neutralSeparatorAt(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\'') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  if (s.substr(i, 3) == "\xE2\x80\x99") return 3;  // typographic apostrophe (Swiss)
  return 0;
}

// "1.234,56" with ',' -> "1234.56". Thousands groups must be of three digits after the first.
std::optional<std::string> normalise(std::string_view core, DecimalMark mark, std::string& why) {
  const char decimal = static_cast<char>(mark);
  const char thousands = mark == DecimalMark::Dot ? ',' : '.';
  const std::size_t at = core.find(decimal);
  const std::string_view wholeText = core.substr(0, at);
  const std::string_view fraction = at == std::string_view::npos ? std::string_view{} : core.substr(at + 1);
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    if (isDigit(fraction[i])) continue;
    if (fraction[i] == decimal) {
      why = "has more than one decimal mark";
    } else if (fraction[i] == thousands || neutralSeparatorAt(fraction, i)) {
      why = "has a thousands separator after the decimal mark";
    } else {
      why = "is not a number";
    }
    return std::nullopt;
  }
  if (at != std::string_view::npos && fraction.empty()) {
    why = "ends with a decimal mark";
    return std::nullopt;
  }
  const std::string badGrouping =
      "does not group thousands by three (is the decimal mark '" + std::string(1, decimal) + "'?)";
  std::string whole;
  std::size_t group = 0;
  bool grouped = false;
  for (std::size_t i = 0; i < wholeText.size();) {
    if (isDigit(wholeText[i])) {
      whole.push_back(wholeText[i++]);
      ++group;
      continue;
    }
    const std::size_t n = wholeText[i] == thousands ? 1 : neutralSeparatorAt(wholeText, i);
    if (n == 0) {
      why = "is not a number";
      return std::nullopt;
    }
    if (group == 0 || group > 3 || (grouped && group != 3)) {
      why = badGrouping;
      return std::nullopt;
    }
    grouped = true;
    group = 0;
    i += n;
  }
  if (grouped && group != 3) {
    why = badGrouping;
    return std::nullopt;
  }
  if (whole.empty()) whole = "0";
  return at == std::string_view::npos ? whole : whole + "." + std::string(fraction);
}

std::optional<Decimal> timesHundred(Decimal d) {
  if (d.scale >= 2) return Decimal{d.mantissa, d.scale - 2};
  const std::int64_t factor = pow10(2 - d.scale);
  if (d.mantissa > std::numeric_limits<std::int64_t>::max() / factor ||
      d.mantissa < std::numeric_limits<std::int64_t>::min() / factor) {
    return std::nullopt;
  }
  return Decimal{d.mantissa * factor, 0};
}

// Reads a number cell up to the canonical decimal text; shared by numbers, money and percentages.
template <class T>
std::optional<std::string> readCanonical(std::string_view text, DecimalMark mark, Stripped& stripped,
                                         CrmCell<T>& failure) {
  std::string why;
  if (isBlankCell(text, &why)) {
    failure = CrmCell<T>::empty(std::move(why));
    return std::nullopt;
  }
  const std::string_view t = trimCell(text);
  auto s = strip(t, why);
  std::optional<std::string> canonical;
  if (s) canonical = normalise(s->core, mark, why);
  if (!canonical) {
    failure = CrmCell<T>::invalid(quoteCell(t) + " " + why);
    return std::nullopt;
  }
  stripped = *s;
  return (stripped.negative ? "-" : "") + *canonical;
}

}  // namespace

std::string_view toString(DecimalMark mark) noexcept { return mark == DecimalMark::Comma ? "," : "."; }

std::string_view toString(PercentScale scale) noexcept {
  return scale == PercentScale::Fraction ? "fraction" : "points";
}

CrmCell<Decimal> parseCrmNumber(std::string_view text, DecimalMark mark) {
  CrmCell<Decimal> failure;
  Stripped s;
  const auto canonical = readCanonical(text, mark, s, failure);
  if (!canonical) return failure;
  const std::string_view t = trimCell(text);
  if (s.hadCurrency || s.percent) return CrmCell<Decimal>::invalid(quoteCell(t) + " is not a plain number");
  std::string why;
  const auto d = parseDecimal(*canonical, &why);
  if (!d) return CrmCell<Decimal>::invalid(quoteCell(t) + " " + why);
  return CrmCell<Decimal>::of(*d);
}

CrmCell<CrmMoney> parseCrmMoney(std::string_view text, DecimalMark mark, std::string_view currency) {
  CrmCell<CrmMoney> failure;
  Stripped s;
  const auto canonical = readCanonical(text, mark, s, failure);
  if (!canonical) return failure;
  const std::string_view t = trimCell(text);
  if (s.percent) return CrmCell<CrmMoney>::invalid(quoteCell(t) + " is a percentage, not an amount");
  const std::string_view code = s.currency.empty() ? currency : std::string_view(s.currency);
  const int digits = isCurrencyCode(code) ? minorDigits(code) : 2;
  std::string why;
  const auto minor = parseMoney(*canonical, digits, &why);
  if (!minor) return CrmCell<CrmMoney>::invalid(quoteCell(t) + " " + why);
  return CrmCell<CrmMoney>::of(CrmMoney{*minor, s.currency});
}

CrmCell<Decimal> parseCrmPercent(std::string_view text, DecimalMark mark, PercentScale scale) {
  CrmCell<Decimal> failure;
  Stripped s;
  const auto canonical = readCanonical(text, mark, s, failure);
  if (!canonical) return failure;
  const std::string_view t = trimCell(text);
  if (s.hadCurrency) return CrmCell<Decimal>::invalid(quoteCell(t) + " is an amount, not a percentage");
  std::string why;
  auto d = parseDecimal(*canonical, &why);
  if (!d) return CrmCell<Decimal>::invalid(quoteCell(t) + " " + why);
  if (!s.percent && scale == PercentScale::Fraction) {
    d = timesHundred(*d);
    if (!d) return CrmCell<Decimal>::invalid(quoteCell(t) + " is too large");
  }
  return CrmCell<Decimal>::of(*d);
}

void NumberColumnScanner::add(std::string_view text, std::int64_t line) {
  if (isBlankCell(text)) return;
  const std::string_view t = trimCell(text);
  std::string why;
  const auto s = strip(t, why);
  if (!s) return;
  const std::string_view core = s->core;
  const std::size_t commas = std::count(core.begin(), core.end(), ',');
  const std::size_t dots = std::count(core.begin(), core.end(), '.');
  int evidence = 0;  // +1: ',' is the decimal mark, -1: '.' is
  bool undecided = false;
  if (commas > 0 && dots > 0) {
    evidence = core.find_last_of(",.") == core.rfind(',') ? 1 : -1;
  } else if (commas + dots > 0) {
    const char mark = commas > 0 ? ',' : '.';
    const int sign = mark == ',' ? 1 : -1;
    const std::size_t at = core.find(mark);
    const std::size_t after = core.size() - at - 1;
    if (commas + dots > 1) {
      evidence = -sign;  // a mark that repeats groups thousands
    } else if (after != 3 || at == 0 || at > 3 || core.substr(0, at) == "0") {
      evidence = sign;  // "261,96", ",5", "0,125", "1234,567": no thousands grouping reads like that
    } else {
      undecided = true;
    }
  }
  if (evidence > 0 && commaLine_ == 0) {
    commaLine_ = line;
    commaText_ = std::string(t);
  } else if (evidence < 0 && dotLine_ == 0) {
    dotLine_ = line;
    dotText_ = std::string(t);
  } else if (undecided && ++undecided_ == 1) {
    undecidedLine_ = line;
    undecidedText_ = std::string(t);
  }
  if (s->percent) return;
  for (auto [mark, scale] : {std::pair{DecimalMark::Dot, &dotScale_}, std::pair{DecimalMark::Comma, &commaScale_}}) {
    const auto canonical = normalise(core, mark, why);
    const auto d = canonical ? parseDecimal(*canonical) : std::nullopt;
    if (!d) continue;
    const std::int64_t one = pow10(d->scale);
    ++scale->plainValues;
    if (d->mantissa > one) scale->allAtMostOne = false;
    if (d->mantissa % one != 0) scale->anyFraction = true;
  }
}

NumberFormatGuess NumberColumnScanner::finish(std::string_view column, DecimalMark fallback,
                                              std::string_view fallbackSource) const {
  NumberFormatGuess g;
  g.mark = fallback;
  const std::string name = "column " + std::string(column);
  if (commaLine_ != 0 && dotLine_ != 0) {
    g.markVerdict = ColumnVerdict::Conflicting;
    g.markReason = name + " mixes decimal marks: line " + std::to_string(commaLine_) + " has " + quoteCell(commaText_) +
                   " (decimal comma) and line " + std::to_string(dotLine_) + " has " + quoteCell(dotText_) +
                   " (decimal point)";
  } else if (commaLine_ != 0 || dotLine_ != 0) {
    const bool comma = commaLine_ != 0;
    g.markVerdict = ColumnVerdict::Decided;
    g.mark = comma ? DecimalMark::Comma : DecimalMark::Dot;
    g.markReason = name + " uses a decimal " + (comma ? "comma" : "point") + ": line " +
                   std::to_string(comma ? commaLine_ : dotLine_) + " has " + quoteCell(comma ? commaText_ : dotText_);
  } else if (undecided_ > 0) {
    g.markVerdict = ColumnVerdict::Ambiguous;
    g.markReason = name + " is ambiguous: " + std::to_string(undecided_) + " values such as " +
                   quoteCell(undecidedText_) + " (line " + std::to_string(undecidedLine_) +
                   ") read either way; decimal mark '" + std::string(toString(fallback)) + "' from " +
                   std::string(fallbackSource);
  } else {
    g.markReason = name + " has no value whose reading depends on the decimal mark";
  }
  const ScaleEvidence& e = g.mark == DecimalMark::Comma ? commaScale_ : dotScale_;
  if (e.plainValues == 0) {
    g.scaleReason = name + " has no percentage without a % sign";
  } else {
    g.scaleVerdict = ColumnVerdict::Decided;
    g.scale = e.allAtMostOne && e.anyFraction ? PercentScale::Fraction : PercentScale::Points;
    g.scaleReason = name + (g.scale == PercentScale::Fraction
                                ? " holds fractions (every value is at most 1 and some are not whole): 0.1 = 10 %"
                                : (e.allAtMostOne ? " holds percent points (every value is a whole number): 10 = 10 %"
                                                  : " holds percent points (some values are above 1): 10 = 10 %"));
  }
  return g;
}

}  // namespace salesops
