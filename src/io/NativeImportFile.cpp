#include "io/NativeImportFile.h"

#include <algorithm>
#include <optional>

#include "common/Decimal.h"
#include "common/Error.h"
#include "io/NativeImportWriter.h"

namespace salesops::importing {
namespace {

// Maps the header onto the fields. False when the file cannot be imported (a required column is missing).
bool readHeader(const std::vector<std::string_view>& header, FileLayout& layout, RunState& run) {
  const EntitySpec& spec = *layout.spec;
  layout.columnOfField.assign(spec.fields.size(), -1);
  layout.fieldOfColumn.assign(header.size(), -1);
  std::string unknown;
  bool ok = true;
  for (std::size_t c = 0; c < header.size(); ++c) {
    const FieldSpec* f = spec.field(header[c]);
    if (!f) {
      unknown += (unknown.empty() ? "\"" : ", \"") + std::string(header[c]) + "\"";
      continue;
    }
    const auto i = static_cast<std::size_t>(f - spec.fields.data());
    if (layout.columnOfField[i] >= 0) {
      run.problem(layout.file, 1, f->name, "the column appears twice");
      ok = false;
    }
    layout.columnOfField[i] = static_cast<int>(c);
    layout.fieldOfColumn[c] = static_cast<int>(i);
  }
  if (!unknown.empty()) run.warning(layout.file, 1, "", "unknown columns ignored: " + unknown);
  layout.present.assign(spec.fields.size(), false);
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    layout.present[i] = layout.columnOfField[i] >= 0;
    if (spec.fields[i].required && !layout.present[i]) {
      run.problem(layout.file, 1, spec.fields[i].name, "required column is missing");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

FileImport::FileImport(RunState& run, const EntitySpec& spec, std::string name, const ImportOptions& options,
                       const LongTask& task, std::int64_t bytesBefore, std::int64_t bytesTotal)
    : run_(run),
      spec_(spec),
      name_(std::move(name)),
      options_(options),
      task_(task),
      bytesBefore_(bytesBefore),
      bytesTotal_(bytesTotal) {
  counts_.file = name_;
  counts_.entity = std::string(spec.name);
}

FileCounts FileImport::runFile(const std::filesystem::path& path, std::uint16_t number, std::int64_t& bytesRead) {
  std::optional<CsvReader> reader;
  try {
    reader.emplace(path, options_.csv);
  } catch (const Error& e) {
    run_.problem(name_, 0, "", e.message());
    return counts_;
  }
  CsvRecordSource source(*reader);
  return run(source, number, bytesRead);
}

FileCounts FileImport::run(RecordSource& source, std::uint16_t number, std::int64_t& bytesRead) {
  layout_.spec = &spec_;
  layout_.file = name_;
  layout_.number = number;
  RecordSource* reader = &source;
  std::vector<std::string_view> record;
  if (!reader->next(record)) {
    run_.problem(name_, 1, "", "the file is empty (no header row)");
    return counts_;
  }
  if (const CsvProblem* p = reader->problem()) {
    run_.problem(name_, p->line, "", p->message);
    return counts_;
  }
  if (!readHeader(record, layout_, run_)) return counts_;
  // Every index this file needs is loaded now: the database belongs to the writer thread from here on.
  run_.index(spec_.name);
  for (const FieldSpec& f : spec_.fields) {
    if (!f.references.empty()) run_.index(f.references);
  }
  EntityWriter writer(run_.db, spec_, layout_.present);
  const bool bulk = writer.rowCount() == 0;
  if (bulk) writer.dropIndexes();
  RowConverter converter(run_, layout_);
  converter.nextId = writer.maxId() + 1;
  readRows(source, record, converter, writer);
  writePending(converter, writer);
  if (bulk) writer.restoreIndexes();
  if (spec_.name == "opportunity_split") checkSplits();
  if (layout_.firstLineWithoutOffset > 0) {
    run_.warning(name_, layout_.firstLineWithoutOffset, "",
                 "timestamps without an offset were read as UTC (this one and any later ones of the file)");
  }
  bytesRead = reader->totalBytes() > 0 ? reader->totalBytes() : reader->bytesRead();
  return counts_;
}

void FileImport::readRows(RecordSource& reader, std::vector<std::string_view>& record, RowConverter& converter,
                          EntityWriter& writer) {
  const std::size_t n = spec_.fields.size();
  WriterThread thread(writer, n);
  std::int64_t rows = 0;
  while (reader.next(record)) {
    const std::int64_t line = reader.recordLine();
    if ((++rows & 4095) == 0) {
      task_.checkCancelled();
      task_.report("import " + name_, bytesBefore_ + reader.bytesRead(), bytesTotal_);
    }
    if (const CsvProblem* p = reader.problem()) {
      if (!p->message.empty()) run_.problem(name_, p->line, "", p->message);
      ++counts_.rejected;
      continue;
    }
    Batch& batch = thread.current();
    const std::size_t base = batch.values.size();
    batch.values.resize(base + n);
    const RowResult r = converter.convert(record, line, &batch.values[base], batch.arena);
    if (!r.ok || r.deferred) batch.values.resize(base);
    if (!r.ok) {
      ++counts_.rejected;
      continue;
    }
    if (r.deferred) {
      pending_.push_back({std::vector<std::string>(record.begin(), record.end()), line, r.id, r.isNew});
      continue;
    }
    batch.ops.push_back({r.id, r.isNew});
    batch.ids.push_back(r.id);
    if (r.splitOpportunity) noteSplit(r.splitOpportunity, line, r.isNew);
    thread.submitIfFull();
  }
  thread.finish();
  counts_.inserted += thread.inserted;
  counts_.updated += thread.updated;
  counts_.unchanged += thread.unchanged;
}

void FileImport::noteSplit(std::int64_t opportunity, std::int64_t line, bool isNew) {
  SplitInfo& info = splits_[opportunity];
  info.lastLine = line;
  ++info.rows;
  if (isNew) ++info.newRows;
}

// Rows waiting for a self reference (a manager listed later): each is written once the rows it names are,
// so ids stay in file order; rows in a reference cycle are written together (foreign keys are deferred).
void FileImport::writePending(RowConverter& converter, EntityWriter& writer) {
  const EntitySpec& spec = spec_;
  KeyIndex& own = run_.index(spec.name);
  std::vector<int> selfColumns;
  for (std::size_t i = 0; i < spec.fields.size(); ++i) {
    if (spec.fields[i].references == spec.name && layout_.columnOfField[i] >= 0) {
      selfColumns.push_back(layout_.columnOfField[i]);
    }
  }
  std::vector<bool> done(pending_.size(), false);
  auto waiting = [&](const PendingRow& row) {
    for (int c : selfColumns) {
      if (static_cast<std::size_t>(c) >= row.fields.size() || row.fields[c].empty()) continue;
      const KeyIndex::Entry* e = own.find(row.fields[c]);
      if (e && e->pending && e->id != row.id) return true;
    }
    return false;
  };
  for (bool progress = true; progress;) {
    progress = false;
    for (std::size_t i = 0; i < pending_.size(); ++i) {
      if (done[i] || waiting(pending_[i])) continue;
      writeLate(pending_[i], converter, writer);
      done[i] = progress = true;
    }
  }
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (!done[i]) writeLate(pending_[i], converter, writer);
  }
  pending_.clear();
}

void FileImport::writeLate(const PendingRow& row, RowConverter& converter, EntityWriter& writer) {
  const EntitySpec& spec = spec_;
  std::vector<std::string_view> record(row.fields.begin(), row.fields.end());
  std::vector<StoredValue> values(spec.fields.size());
  Arena arena;
  const RowResult r = converter.convert(record, row.line, values.data(), arena, true);
  if (!r.ok) {
    ++counts_.rejected;
    const int keyColumn = layout_.columnOfField[0];
    if (spec.hasExternalId() && keyColumn >= 0 && static_cast<std::size_t>(keyColumn) < record.size()) {
      KeyIndex& own = run_.index(spec.name);
      if (row.isNew) {
        own.erase(record[keyColumn]);  // rows naming it now fail as unknown, as they should
      } else if (KeyIndex::Entry* e = own.find(record[keyColumn])) {
        e->pending = false;
      }
    }
    return;
  }
  if (row.isNew) {
    writer.insert(row.id, values.data());
    ++counts_.inserted;
  } else if (writer.update(row.id, values.data())) {
    ++counts_.updated;
  } else {
    ++counts_.unchanged;
  }
}

void FileImport::checkSplits() {
  std::vector<std::int64_t> ids;
  ids.reserve(splits_.size());
  for (const auto& [id, info] : splits_) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  for (const SplitSum& bad : badSplitSums(run_.db, ids)) {
    const SplitInfo& info = splits_[bad.opportunityId];
    run_.problem(name_, info.lastLine, "percent",
                 "splits of opportunity \"" + bad.externalId + "\" sum to " + Decimal{bad.hundredths, 2}.toString() +
                     ", not 100");
    if (!options_.skipBadRows) continue;
    removeSplits(run_.db, bad.opportunityId);
    counts_.rejected += info.rows;
    counts_.inserted -= info.newRows;
    std::int64_t existing = info.rows - info.newRows;
    const std::int64_t fromUpdated = std::min(existing, counts_.updated);
    counts_.updated -= fromUpdated;
    counts_.unchanged -= std::min(existing - fromUpdated, counts_.unchanged);
  }
}

std::string countsText(const FileCounts& c) {
  return c.file + ": " + std::to_string(c.inserted) + " inserted, " + std::to_string(c.updated) + " updated, " +
         std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.rejected) + " rejected";
}

void finishImportRun(Workbook& workbook, Transaction& transaction, std::optional<ImportJournal>& journal,
                     ImportReport& report, bool dryRun, bool skipBadRows, const LongTask& task) {
  if (dryRun || (!report.problems.empty() && !skipBadRows)) return;
  task.checkCancelled();
  std::string detail, entityNames;
  for (const FileCounts& c : report.files) {
    detail += (detail.empty() ? "" : "; ") + countsText(c);
    entityNames += (entityNames.empty() ? "" : ",") + c.entity;
  }
  journal->finish(detail);
  report.batchId = journal->batchId();
  workbook.audit("import", entityNames, detail);
  transaction.commit();
  report.committed = true;
}

}  // namespace salesops::importing
