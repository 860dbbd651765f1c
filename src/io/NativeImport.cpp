#include "io/NativeImport.h"

#include <algorithm>
#include <fstream>
#include <unordered_map>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "io/NativeImportRow.h"
#include "io/NativeImportWriter.h"
#include "io/PlanFiles.h"

namespace salesops {
using namespace importing;

namespace {

namespace fs = std::filesystem;

struct Input {
  fs::path path;
  const EntitySpec* spec = nullptr;
  std::string name;  // basename, as in messages
  std::size_t entityOrder = 0;
};

std::size_t orderOf(const EntitySpec* spec) { return static_cast<std::size_t>(spec - entities().data()); }

std::vector<Input> collectInputs(const std::vector<fs::path>& paths, const ImportOptions& options, RunState& run) {
  const EntitySpec* only = nullptr;
  if (!options.onlyEntity.empty()) {
    only = findEntity(options.onlyEntity);
    if (!only) throw Error(ErrorKind::Usage, "unknown entity \"" + options.onlyEntity + "\"");
  }
  std::vector<Input> inputs;
  for (const fs::path& path : paths) {
    std::error_code ec;
    const std::string name = path.filename().string();
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.path().extension() == ".csv") files.push_back(entry.path());
      }
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) {
        const std::string fileName = file.filename().string();
        const EntitySpec* spec = findEntity(fileName);
        if (!spec || spec->csvFile != fileName) {
          run.warning(fileName, 0, "", "not a workbook file, ignored");
        } else if (!only || only == spec) {
          inputs.push_back({file, spec, fileName, orderOf(spec)});
        }
      }
    } else if (!fs::exists(path, ec)) {
      run.problem(name, 0, "", "no such file or folder");
    } else {
      const EntitySpec* spec = only ? only : findEntity(name);
      if (!spec || (!only && spec->csvFile != name)) {
        run.problem(name, 0, "", "not a workbook file name (name the entity to import it as)");
      } else {
        inputs.push_back({path, spec, name, orderOf(spec)});
      }
    }
  }
  std::stable_sort(inputs.begin(), inputs.end(),
                   [](const Input& a, const Input& b) { return a.entityOrder < b.entityOrder; });
  return inputs;
}

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

struct PendingRow {
  std::vector<std::string> fields;
  std::int64_t line = 0;
  std::int64_t id = 0;
  bool isNew = false;
};

struct SplitInfo {
  std::int64_t lastLine = 0, rows = 0, newRows = 0;
};

class FileImport {
 public:
  FileImport(RunState& run, const Input& input, const ImportOptions& options, const LongTask& task,
             std::int64_t bytesBefore, std::int64_t bytesTotal)
      : run_(run), input_(input), options_(options), task_(task), bytesBefore_(bytesBefore), bytesTotal_(bytesTotal) {
    counts_.file = input.name;
    counts_.entity = std::string(input.spec->name);
  }

  FileCounts run(std::uint16_t number, std::int64_t& bytesRead) {
    layout_.spec = input_.spec;
    layout_.file = input_.name;
    layout_.number = number;
    std::optional<CsvReader> reader;
    try {
      reader.emplace(input_.path, options_.csv);
    } catch (const Error& e) {
      run_.problem(input_.name, 0, "", e.message());
      return counts_;
    }
    std::vector<std::string_view> record;
    if (!reader->next(record)) {
      run_.problem(input_.name, 1, "", "the file is empty (no header row)");
      return counts_;
    }
    if (const CsvProblem* p = reader->problem()) {
      run_.problem(input_.name, p->line, "", p->message);
      return counts_;
    }
    if (!readHeader(record, layout_, run_)) return counts_;
    // Every index this file needs is loaded now: the database belongs to the writer thread from here on.
    run_.index(input_.spec->name);
    for (const FieldSpec& f : input_.spec->fields) {
      if (!f.references.empty()) run_.index(f.references);
    }
    EntityWriter writer(run_.db, *input_.spec, layout_.present);
    const bool bulk = writer.rowCount() == 0;
    if (bulk) writer.dropIndexes();
    RowConverter converter(run_, layout_);
    converter.nextId = writer.maxId() + 1;
    readRows(*reader, record, converter, writer);
    writePending(converter, writer);
    if (bulk) writer.restoreIndexes();
    if (input_.spec->name == "opportunity_split") checkSplits();
    if (layout_.firstLineWithoutOffset > 0) {
      run_.warning(input_.name, layout_.firstLineWithoutOffset, "",
                   "timestamps without an offset were read as UTC (this one and any later ones of the file)");
    }
    bytesRead = reader->totalBytes() > 0 ? reader->totalBytes() : reader->bytesRead();
    return counts_;
  }

 private:
  void readRows(CsvReader& reader, std::vector<std::string_view>& record, RowConverter& converter,
                EntityWriter& writer) {
    const std::size_t n = input_.spec->fields.size();
    WriterThread thread(writer, n);
    std::int64_t rows = 0;
    while (reader.next(record)) {
      const std::int64_t line = reader.recordLine();
      if ((++rows & 4095) == 0) {
        task_.checkCancelled();
        task_.report("import " + input_.name, bytesBefore_ + reader.bytesRead(), bytesTotal_);
      }
      if (const CsvProblem* p = reader.problem()) {
        run_.problem(input_.name, p->line, "", p->message);
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

  void noteSplit(std::int64_t opportunity, std::int64_t line, bool isNew) {
    SplitInfo& info = splits_[opportunity];
    info.lastLine = line;
    ++info.rows;
    if (isNew) ++info.newRows;
  }

  // Rows waiting for a self reference (a manager listed later): each is written once the rows it names are,
  // so ids stay in file order; rows in a reference cycle are written together (foreign keys are deferred).
  void writePending(RowConverter& converter, EntityWriter& writer) {
    const EntitySpec& spec = *input_.spec;
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

  void writeLate(const PendingRow& row, RowConverter& converter, EntityWriter& writer) {
    const EntitySpec& spec = *input_.spec;
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

  void checkSplits() {
    std::vector<std::int64_t> ids;
    ids.reserve(splits_.size());
    for (const auto& [id, info] : splits_) ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    for (const SplitSum& bad : badSplitSums(run_.db, ids)) {
      const SplitInfo& info = splits_[bad.opportunityId];
      run_.problem(input_.name, info.lastLine, "percent",
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

  RunState& run_;
  const Input& input_;
  const ImportOptions& options_;
  const LongTask& task_;
  std::int64_t bytesBefore_, bytesTotal_;
  FileLayout layout_;
  FileCounts counts_;
  std::vector<PendingRow> pending_;
  std::unordered_map<std::int64_t, SplitInfo> splits_;
};

std::string countsText(const FileCounts& c) {
  return c.file + ": " + std::to_string(c.inserted) + " inserted, " + std::to_string(c.updated) + " updated, " +
         std::to_string(c.unchanged) + " unchanged, " + std::to_string(c.rejected) + " rejected";
}

}  // namespace

ImportReport importNativeCsv(Workbook& workbook, const std::vector<std::filesystem::path>& paths,
                             const ImportOptions& options, const LongTask& task) {
  ImportReport report;
  const std::string corporate = workbook.settings().currency;
  Database& db = workbook.db();
  BulkTuning tuning(db);
  Transaction transaction(db);
  deferForeignKeys(db);
  RunState run{db, report, corporate};
  for (std::string& c : currenciesWithRates(db)) run.ratedCurrencies.insert(std::move(c));

  const std::vector<Input> inputs = collectInputs(paths, options, run);
  std::int64_t total = 0, done = 0;
  for (const Input& in : inputs) {
    std::error_code ec;
    const auto size = fs::file_size(in.path, ec);
    if (!ec) total += static_cast<std::int64_t>(size);
  }
  std::uint16_t number = 0;
  for (const Input& in : inputs) {
    task.checkCancelled();
    std::int64_t bytes = 0;
    FileImport file(run, in, options, task, done, total);
    report.files.push_back(file.run(++number, bytes));
    done += bytes;
    task.report("import " + in.name, done, total);
  }
  if (options.onlyEntity.empty() || options.onlyEntity == "comp_plan") importPlanFiles(paths, run, corporate);
  if (run.unlistedProblems > 0) {
    report.problems.push_back("… and " + std::to_string(run.unlistedProblems) + " more problems not listed");
  }
  if ((report.problems.empty() || options.skipBadRows) && !options.dryRun) {
    std::string detail, entityNames;
    for (const FileCounts& c : report.files) {
      detail += (detail.empty() ? "" : "; ") + countsText(c);
      entityNames += (entityNames.empty() ? "" : ",") + c.entity;
    }
    workbook.audit("import", entityNames, detail);
    transaction.commit();
    report.committed = true;
  }
  return report;
}

void writeImportReport(const ImportReport& report, const std::filesystem::path& file) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(ErrorKind::Workbook, "cannot write the report " + file.string());
  out << (report.committed ? "Import committed.\n" : "Import not committed: nothing was changed.\n");
  for (const FileCounts& c : report.files) out << countsText(c) << '\n';
  out << report.problems.size() << " problems\n";
  for (const std::string& p : report.problems) out << p << '\n';
  out << report.warnings.size() << " warnings\n";
  for (const std::string& w : report.warnings) out << w << '\n';
  out.flush();
  if (!out) throw Error(ErrorKind::Workbook, "cannot write the report " + file.string());
}

}  // namespace salesops
