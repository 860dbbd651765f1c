#include "io/MappedRecords.h"

#include <algorithm>

namespace salesops::mapping {

MemoryRecordSource::MemoryRecordSource(std::vector<std::string> header, std::vector<std::vector<std::string>> rows) {
  rows_.reserve(rows.size() + 1);
  rows_.push_back(std::move(header));
  for (auto& row : rows) rows_.push_back(std::move(row));
}

bool MemoryRecordSource::next(std::vector<std::string_view>& record) {
  if (next_ >= rows_.size()) return false;
  const auto& row = rows_[next_++];
  record.assign(row.begin(), row.end());
  return true;
}

bool KeyPlan::skips(std::string_view key, std::int64_t line) {
  if (keyOutput < 0 || key.empty()) return false;
  const importing::KeyIndex::Entry* e = keys.find(key);
  if (!e) return false;
  bool skip = false;
  switch (policy) {
    case DuplicateRows::LastWins:
      skip = static_cast<std::int64_t>(e->line) != line;
      break;
    case DuplicateRows::FirstWins:
      skip = e->extra != 0 || e->id != line;
      break;
    case DuplicateRows::Reject:
      break;
  }
  if (skip) ++skipped;
  return skip;
}

bool isTrailer(const FileMapping& mapping, const std::vector<std::string_view>& record) {
  if (record.empty() || mapping.trailerPrefixes.empty()) return false;
  return std::any_of(mapping.trailerPrefixes.begin(), mapping.trailerPrefixes.end(),
                     [&](const std::string& p) { return record[0].substr(0, p.size()) == p; });
}

MappedRecordSource::MappedRecordSource(CsvReader& reader, RowMapper& mapper, const MappedLayout& layout,
                                       importing::RunState& run, std::string name, KeyPlan& plan)
    : reader_(reader),
      mapper_(mapper),
      layout_(layout),
      run_(run),
      name_(std::move(name)),
      plan_(plan),
      header_(layout.outputNames()) {}

bool MappedRecordSource::next(std::vector<std::string_view>& record) {
  problem_ = {};
  if (!headerDone_) {
    headerDone_ = true;
    line_ = 1;
    if (!reader_.next(raw_)) return false;  // the source's own header row (mapped already)
    record.assign(header_.begin(), header_.end());
    return true;
  }
  for (;;) {
    if (!reader_.next(raw_) || isTrailer(layout_.source.mapping, raw_)) return false;
    line_ = reader_.recordLine();
    if (const CsvProblem* p = reader_.problem()) {
      problem_ = *p;
      record.clear();
      return true;
    }
    mapper_.map(raw_, row_);
    if (row_.skippedBy >= 0) {
      ++skippedByRules;
      continue;
    }
    const std::string_view key =
        plan_.keyOutput >= 0 ? std::string_view(row_.values[static_cast<std::size_t>(plan_.keyOutput)]) : "";
    if (plan_.skips(key, line_)) continue;
    if (row_.timestampWithoutOffset && firstLineWithoutOffset == 0) firstLineWithoutOffset = line_;
    if (plan_.policy == DuplicateRows::Reject && !key.empty()) {
      const importing::KeyIndex::Entry* e = plan_.keys.find(key);
      if (e && e->extra != 0) {
        row_.problems.push_back({std::string(layout_.spec.fields[0].name),
                                 "\"" + std::string(key) + "\" is already in the workbook (duplicates: reject)"});
      }
    }
    if (!row_.problems.empty()) {
      for (const MappedProblem& p : row_.problems) run_.problem(name_, line_, p.column, p.reason);
      problem_.line = line_;  // already reported, with its column
      record.clear();
      return true;
    }
    record.assign(row_.values.begin(), row_.values.end());
    return true;
  }
}

}  // namespace salesops::mapping
