#pragma once
// The series CSV of `salesops-cli forecast stat --series`: columns series_id, period, value (found by header
// name, in any order; other columns are ignored), rows in time order within each series. A period is an
// ISO month "2026-07" (a short year such as "1-07" is accepted, as in the classic shampoo data set), an ISO
// date "2026-07-01", or an integer index; one kind per series. Months must be consecutive (a gap would
// silently shift the seasons), dates and indexes increasing.
//
// Results are written back as CSV tables of text cells (numbers via formatSeriesNumber) to a stream or,
// atomically, to a file through CsvWriter.
#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "io/CsvReader.h"

namespace salesops {

struct NamedSeries {
  std::string id;
  std::vector<std::string> periods;  // as written in the file
  std::vector<double> values;
  std::vector<std::int64_t> lines;  // file line of each value, for messages
};

// Series in order of first appearance. Throws Error(Data, reason, {file, line, column}) at the first bad
// row or a missing column, Error(Data) when the file cannot be opened.
std::vector<NamedSeries> readSeriesCsv(const std::filesystem::path& path);
std::vector<NamedSeries> readSeriesCsv(CsvReader& reader);

using CsvTable = std::vector<std::vector<std::string>>;

// Ten significant digits, '.' decimal, no locale; NaN (an undefined measure) as the empty string.
std::string formatSeriesNumber(double value);

// RFC 4180 text of `rows`, LF line ends.
std::string csvText(const CsvTable& rows);
// Writes `rows` to `path` through CsvWriter (temporary file renamed on success).
void writeCsvTable(const std::filesystem::path& path, const CsvTable& rows);

}  // namespace salesops
