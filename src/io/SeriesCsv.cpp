#include "io/SeriesCsv.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>

#include "common/Date.h"
#include "common/Error.h"
#include "io/CsvWriter.h"

namespace salesops {
namespace {

enum class PeriodKind { Month, Date, Index };

struct PeriodKey {
  PeriodKind kind;
  std::int64_t ordinal;  // months since year 0, days since 1970, or the index itself
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<PeriodKey> parsePeriodKey(std::string_view text, std::string& why) {
  if (allDigits(text) || (text.size() > 1 && text.front() == '-' && allDigits(text.substr(1)))) {
    std::int64_t index = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), index);
    if (ec == std::errc() && end == text.data() + text.size()) return PeriodKey{PeriodKind::Index, index};
    why = "period index \"" + std::string(text) + "\" is out of range";
    return std::nullopt;
  }
  const auto dash = text.find('-');
  if (dash != std::string_view::npos && text.find('-', dash + 1) == std::string_view::npos) {
    const std::string_view year = text.substr(0, dash), month = text.substr(dash + 1);
    if (allDigits(year) && year.size() <= 4 && allDigits(month) && month.size() <= 2) {
      const int y = std::stoi(std::string(year)), mo = std::stoi(std::string(month));
      if (mo >= 1 && mo <= 12) return PeriodKey{PeriodKind::Month, static_cast<std::int64_t>(y) * 12 + mo - 1};
      why = "\"" + std::string(text) + "\" has no month " + std::string(month);
      return std::nullopt;
    }
  }
  std::string dateWhy;
  if (const auto date = parseDate(text, &dateWhy)) return PeriodKey{PeriodKind::Date, date->days};
  why = "\"" + std::string(text) + "\" is not a month (2026-07), a date (2026-07-01) or an integer index";
  return std::nullopt;
}

std::optional<double> parseValue(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string describeKind(PeriodKind kind) {
  switch (kind) {
    case PeriodKind::Month:
      return "a month";
    case PeriodKind::Date:
      return "a date";
    case PeriodKind::Index:
      return "an index";
  }
  return "a period";
}

}  // namespace

std::vector<NamedSeries> readSeriesCsv(const std::filesystem::path& path) {
  CsvReader reader(path);
  return readSeriesCsv(reader);
}

std::vector<NamedSeries> readSeriesCsv(CsvReader& reader) {
  std::vector<std::string_view> fields;
  const std::string file = reader.name();
  if (!reader.next(fields))
    throw Error(ErrorKind::Data, "the file is empty; expected series_id,period,value", {file, 1, ""});
  if (const CsvProblem* p = reader.problem()) throw Error(ErrorKind::Data, p->message, {file, p->line, ""});
  int idColumn = -1, periodColumn = -1, valueColumn = -1;
  for (std::size_t c = 0; c < fields.size(); ++c) {
    std::string name(trimmed(fields[c]));
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (name == "series_id") idColumn = static_cast<int>(c);
    if (name == "period") periodColumn = static_cast<int>(c);
    if (name == "value") valueColumn = static_cast<int>(c);
  }
  for (const auto& [column, name] :
       {std::pair{idColumn, "series_id"}, {periodColumn, "period"}, {valueColumn, "value"}}) {
    if (column < 0) throw Error(ErrorKind::Data, "the header has no column " + std::string(name), {file, 1, ""});
  }

  std::vector<NamedSeries> out;
  std::map<std::string, std::size_t, std::less<>> indexOf;
  std::vector<PeriodKey> last;
  while (reader.next(fields)) {
    const std::int64_t line = reader.recordLine();
    if (const CsvProblem* p = reader.problem()) throw Error(ErrorKind::Data, p->message, {file, p->line, ""});
    if (fields.size() == 1 && trimmed(fields[0]).empty()) continue;  // a blank line
    const auto needed = static_cast<std::size_t>(std::max({idColumn, periodColumn, valueColumn})) + 1;
    if (fields.size() < needed) {
      throw Error(ErrorKind::Data, "has " + std::to_string(fields.size()) + " fields, the header has more",
                  {file, line, ""});
    }
    const std::string_view id = trimmed(fields[static_cast<std::size_t>(idColumn)]);
    const std::string_view periodText = trimmed(fields[static_cast<std::size_t>(periodColumn)]);
    const std::string_view valueText = trimmed(fields[static_cast<std::size_t>(valueColumn)]);
    if (id.empty()) throw Error(ErrorKind::Data, "is empty", {file, line, "series_id"});
    std::string why;
    const auto key = parsePeriodKey(periodText, why);
    if (!key) throw Error(ErrorKind::Data, why, {file, line, "period"});
    const auto value = parseValue(valueText);
    if (!value) {
      throw Error(ErrorKind::Data,
                  valueText.empty() ? "is empty" : "\"" + std::string(valueText) + "\" is not a finite number",
                  {file, line, "value"});
    }
    auto found = indexOf.find(id);
    if (found == indexOf.end()) {
      found = indexOf.emplace(std::string(id), out.size()).first;
      out.push_back(NamedSeries{std::string(id), {}, {}, {}});
      last.push_back(*key);
    } else {
      const PeriodKey previous = last[found->second];
      const std::string& previousText = out[found->second].periods.back();
      if (previous.kind != key->kind) {
        throw Error(ErrorKind::Data,
                    "\"" + std::string(periodText) + "\" is " + describeKind(key->kind) + " but series " +
                        std::string(id) + " uses " + describeKind(previous.kind),
                    {file, line, "period"});
      }
      if (key->ordinal <= previous.ordinal) {
        throw Error(ErrorKind::Data,
                    "\"" + std::string(periodText) + "\" does not come after \"" + previousText +
                        "\" (rows of series " + std::string(id) + " must be in time order)",
                    {file, line, "period"});
      }
      if (key->kind == PeriodKind::Month && key->ordinal != previous.ordinal + 1) {
        throw Error(ErrorKind::Data,
                    "\"" + std::string(periodText) + "\" follows \"" + previousText +
                        "\": months are missing in series " + std::string(id),
                    {file, line, "period"});
      }
      last[found->second] = *key;
    }
    NamedSeries& series = out[found->second];
    series.periods.emplace_back(periodText);
    series.values.push_back(*value);
    series.lines.push_back(line);
  }
  return out;
}

std::string formatSeriesNumber(double value) {
  if (!std::isfinite(value)) return {};
  if (value == 0) return "0";  // also folds -0
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 10);
  return ec == std::errc() ? std::string(buffer, end) : std::string{};
}

std::string csvText(const CsvTable& rows) {
  std::string out;
  for (const auto& row : rows) CsvWriter::appendRow(out, row);
  return out;
}

void writeCsvTable(const std::filesystem::path& path, const CsvTable& rows) {
  CsvWriter writer(path);
  for (const auto& row : rows) {
    for (const auto& cell : row) writer.field(cell);
    writer.endRow();
  }
  writer.commit();
}

}  // namespace salesops
