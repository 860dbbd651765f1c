// importMappedCsv: each source file is read twice. The first pass decides the columns (day/month order,
// decimal mark, percent scale), collects keys (duplicates, match keys) and the references the workbook
// cannot resolve; between the passes the profile's stages and the placeholder records are created; the
// second pass maps every row to native field texts and feeds them to the native engine (FileImport).
#include "io/MappedImportRun.h"

#include <algorithm>
#include <chrono>

#include "common/Error.h"
#include "io/MappedSourceFile.h"
#include "storage/ImportBatches.h"

namespace salesops {
using namespace importing;

namespace mapping {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// How the undo list names the batch: "salesforce: Account.csv, Opportunity.csv".
std::string batchSource(const std::vector<const MappedSource*>& sources) {
  std::string profiles, files;
  for (const MappedSource* s : sources) {
    const std::string id = s->profileId.empty() ? "custom mapping" : s->profileId;
    if (profiles.find(id) == std::string::npos) profiles += (profiles.empty() ? "" : "+") + id;
    files += (files.empty() ? "" : ", ") + s->path.filename().string();
  }
  return profiles + ": " + files;
}

}  // namespace

std::string withCount(std::int64_t n, std::string_view noun) {
  std::string digits = std::to_string(n), grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped + " " + std::string(noun) + (n == 1 ? "" : "s");
}

MappedRun::MappedRun(Workbook& workbook, ImportReport& report, const MappedImportOptions& options, const LongTask& task)
    : db_(workbook.db()),
      report_(report),
      options_(options),
      task_(task),
      run_{db_, report_, workbook.settings().currency} {
  for (std::string& c : currenciesWithRates(db_)) run_.ratedCurrencies.insert(std::move(c));
  native_.dryRun = options.dryRun;
  native_.skipBadRows = options.skipBadRows;
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const Timestamp time{now.time_since_epoch().count()};
  importDate_ = time.date().toString();
  importTime_ = time.toString();
}

const std::vector<std::string>* MappedRun::matchKeyOf(const EntitySpec& spec) const {
  const auto it = options_.matchKeys.find(std::string(spec.name));
  if (it == options_.matchKeys.end() || it->second.empty() || !spec.hasExternalId()) return nullptr;
  if (it->second.size() == 1 && it->second[0] == spec.fields[0].name) return nullptr;
  return &it->second;
}

void MappedRun::importFile(const MappedSource& source) {
  const std::string name = source.path.filename().string();
  task_.checkCancelled();
  std::optional<SourceFile> file;
  try {
    file.emplace(source.path);
  } catch (const Error& e) {
    run_.problem(name, 0, "", e.message());
    return;
  }
  if (file->encoding().encoding != TextEncoding::Utf8 && file->encoding().encoding != TextEncoding::Utf8Bom) {
    report_.notes.push_back(name + ": read as " + describeEncoding(file->encoding()));
  }
  if (file->replacements() > 0) {
    run_.warning(name, 0, "",
                 withCount(file->replacements(), "byte sequence") + " not valid in " +
                     std::string(toString(file->encoding().encoding)) + " replaced by U+FFFD");
  }
  CsvReader reader(file->csvPath());
  std::vector<std::string_view> record;
  if (!reader.next(record)) {
    run_.problem(name, 1, "", "the file is empty (no header row)");
    return;
  }
  const MappedLayout layout(source, std::vector<std::string>(record.begin(), record.end()), importDate_, importTime_);
  if (!layout.unmappedHeaders.empty()) {
    std::string list;
    for (const std::string& h : layout.unmappedHeaders) list += (list.empty() ? "\"" : ", \"") + h + "\"";
    run_.warning(name, 1, "", "columns not in the mapping, ignored: " + list);
  }
  if (std::any_of(layout.spec.fields.begin(), layout.spec.fields.end(),
                  [](const FieldSpec& f) { return f.references == "stage"; })) {
    createStages(source);
  }
  RowMapper mapper(layout, {}, run_.corporate);
  KeyPlan plan;
  plan.policy = options_.duplicates;
  // Last wins (the default) needs no first pass over the keys: the engine merges a repeated key itself.
  const bool mergeInEngine = options_.duplicates == DuplicateRows::LastWins;
  if (layout.spec.hasExternalId() && !mergeInEngine) plan.keyOutput = layout.outputOfField[0];
  FileScan scan = scanFile(reader, layout, mapper, plan, name);
  done_ += scan.bytes;
  for (const ColumnDecision& d : scan.decisions) {
    if (d.error) {
      run_.problem(name, 0, d.header, d.verdict);
    } else if (d.flagged) {
      run_.warning(name, 0, d.header, d.verdict);
    } else {
      report_.notes.push_back(name + ": " + d.header + ": " + d.verdict);
    }
  }
  if (std::any_of(scan.decisions.begin(), scan.decisions.end(), [](const ColumnDecision& d) { return d.error; })) {
    FileCounts counts{name, source.mapping.entity, 0, 0, 0, scan.rows};
    report_.files.push_back(counts);
    done_ += scan.bytes;
    return;
  }
  RowMapper second(layout, scan.readings, run_.corporate);
  if (layout.spec.hasExternalId() && layout.outputOfField[0] >= 0 && !aliasesOf(layout.spec.name).empty()) {
    second.setAliases(0, &aliasesOf(layout.spec.name));
  }
  resolveReferences(layout, scan, second, name);
  CsvReader rows(file->csvPath());
  MappedRecordSource records(rows, second, layout, run_, name, plan);
  FileImport importer(run_, layout.spec, name, native_, task_, done_, total_);
  if (mergeInEngine) importer.mergeRepeatedKeys();
  std::int64_t bytes = 0;
  report_.files.push_back(importer.run(records, ++number_, bytes));
  if (mergeInEngine) {
    scan.duplicates = importer.layout().repeatedKeys;
    scan.duplicateLines = importer.layout().repeatExamples;
    scan.inWorkbook = importer.layout().existingKeys;
  }
  done_ += scan.bytes;
  if (records.firstLineWithoutOffset > 0) {
    run_.warning(name, records.firstLineWithoutOffset, "",
                 "timestamps without an offset were read as UTC (this one and any later ones of the file)");
  }
  noteFile(name, layout, second, scan, plan, records.skippedByRules);
  task_.report("import " + name, done_, total_);
}

FileScan MappedRun::scanFile(CsvReader& reader, const MappedLayout& layout, RowMapper& mapper, KeyPlan& plan,
                             const std::string& name) {
  FileScan scan;
  ColumnScans scans(layout);
  const EntitySpec& spec = layout.spec;
  KeyIndex& own = run_.index(spec.name);
  const FieldSpec* nameSpec = spec.field("name");
  // The file's own names are only needed when the file names its own rows by name (Maven's managers).
  bool selfByName = false;
  for (int f : layout.outputFields) {
    for (const FieldSource& s : layout.sourcesOfField[static_cast<std::size_t>(f)]) {
      selfByName |= s.mapping->matchByName && spec.fields[static_cast<std::size_t>(f)].references == spec.name;
    }
  }
  const int nameField =
      nameSpec && spec.hasExternalId() && selfByName ? static_cast<int>(nameSpec - spec.fields.data()) : -1;
  // Match keys: the workbook's records by their match key, then the file's own.
  const std::vector<std::string>* matchKey = matchKeyOf(spec);
  std::vector<int> matchFields;
  TextMap<std::string> keyOfTuple;
  if (matchKey) {
    std::string sql = "SELECT external_id";
    for (const std::string& fieldName : *matchKey) {
      const FieldSpec* f = spec.field(fieldName);
      matchFields.push_back(static_cast<int>(f - spec.fields.data()));
      sql += ", " + std::string(f->column);
    }
    Statement select = db_.prepare(sql + " FROM " + std::string(spec.table));
    while (select.step()) {
      std::string tuple;
      for (std::size_t i = 0; i < matchFields.size(); ++i)
        tuple += lower(select.text(static_cast<int>(i) + 1)) + '\x1f';
      keyOfTuple.emplace(std::move(tuple), std::string(select.text(0)));
    }
  }
  Aliases& keyAliases = aliasesOf(spec.name);
  const bool keyed = spec.hasExternalId() && layout.outputOfField[0] >= 0;
  struct RefField {
    int field;
    KeyIndex* target;
    bool byName;
    const Aliases* aliases;
  };
  std::vector<RefField> refFields;
  for (int f : layout.outputFields) {
    const FieldSpec& fs = spec.fields[static_cast<std::size_t>(f)];
    if (fs.references.empty() || layout.sourcesOfField[static_cast<std::size_t>(f)].empty()) continue;
    const auto& sources = layout.sourcesOfField[static_cast<std::size_t>(f)];
    const bool byName =
        std::any_of(sources.begin(), sources.end(), [](const FieldSource& s) { return s.mapping->matchByName; });
    if (!byName && fs.references != "rep" && fs.references != "account" && fs.references != "stage") continue;
    refFields.push_back({f, &run_.index(fs.references), byName, &aliasesOf(fs.references)});
  }
  std::vector<std::string_view> record;
  std::string key, tuple;
  while (reader.next(record)) {
    if (isTrailer(layout.source.mapping, record)) break;
    if ((++scan.rows & 4095) == 0) {
      task_.checkCancelled();
      task_.report("scan " + name, done_ + reader.bytesRead(), total_);
    }
    if (reader.problem()) continue;
    const std::int64_t line = reader.recordLine();
    scans.add(record, line);
    if (mapper.skippedByColumnRule(record)) continue;
    if (keyed && (plan.keyOutput >= 0 || matchKey || nameField >= 0)) {
      key.assign(mapper.rawText(record, 0));
      if (matchKey && !key.empty()) {
        tuple.clear();
        for (int f : matchFields) tuple += lower(mapper.rawText(record, f)) + '\x1f';
        const bool blank = tuple.find_first_not_of('\x1f') == std::string::npos;
        const auto [it, fresh] = blank ? std::pair{keyOfTuple.end(), true} : keyOfTuple.emplace(tuple, key);
        if (!fresh && it->second != key) {
          keyAliases[key] = it->second;
          key = it->second;
        }
      }
      if (!key.empty() && plan.keyOutput >= 0) {
        bool inserted = false;
        KeyIndex::Entry& e = plan.keys.insert(key, line, inserted);
        if (inserted) {
          e.extra = own.find(key) != nullptr ? 1 : 0;
          if (e.extra) ++scan.inWorkbook;
        } else {
          ++scan.duplicates;
          if (scan.duplicateLines.size() < 5) {
            scan.duplicateLines.push_back("\"" + key + "\" on lines " + std::to_string(e.id) + " and " +
                                          std::to_string(line));
          }
        }
        e.line = static_cast<std::uint32_t>(std::min<std::int64_t>(line, UINT32_MAX));
      }
      if (nameField >= 0 && !key.empty()) {
        const std::string_view ownName = mapper.rawText(record, nameField);
        if (!ownName.empty()) scan.ownNames.emplace(std::string(ownName), key);
      }
    }
    for (const RefField& r : refFields) {
      const std::string_view value = mapper.rawText(record, r.field);
      if (value.empty()) continue;
      if (!r.byName && (r.target->find(value) || (!r.aliases->empty() && r.aliases->contains(value)))) continue;
      auto& seen = scan.references[r.field];
      auto it = seen.find(value);
      if (it == seen.end()) it = seen.emplace(std::string(value), ReferenceSeen{line, 0}).first;
      ++it->second.rows;
    }
  }
  scan.decisions = scans.finish(scan.readings);
  scan.bytes = reader.totalBytes() > 0 ? reader.totalBytes() : reader.bytesRead();
  return scan;
}

}  // namespace mapping

using namespace mapping;

ImportReport importMappedCsv(Workbook& workbook, const std::vector<MappedSource>& sources,
                             const MappedImportOptions& options, const LongTask& task) {
  std::vector<const MappedSource*> ordered;
  for (const MappedSource& s : sources) {
    if (!findEntity(s.mapping.entity)) {
      throw Error(ErrorKind::Usage, "unknown entity \"" + s.mapping.entity + "\" for " + s.path.filename().string());
    }
    ordered.push_back(&s);
  }
  auto order = [](const MappedSource* s) { return findEntity(s->mapping.entity) - entities().data(); };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const MappedSource* a, const MappedSource* b) { return order(a) < order(b); });
  for (const auto& [entity, fields] : options.matchKeys) {
    const EntitySpec* spec = findEntity(entity);
    if (!spec) throw Error(ErrorKind::Usage, "match key for an unknown entity \"" + entity + "\"");
    for (const std::string& f : fields) {
      const FieldSpec* field = spec->field(f);
      if (!field || !field->references.empty() || field->type == FieldType::Money) {
        throw Error(ErrorKind::Usage, "match key " + entity + "=" + f + ": not a plain field of " + entity);
      }
    }
  }
  ImportReport report;
  Database& db = workbook.db();
  BulkTuning tuning(db);
  Transaction transaction(db);
  deferForeignKeys(db);
  std::optional<ImportJournal> journal;
  if (!options.dryRun) journal.emplace(db, batchSource(ordered));
  MappedRun run(workbook, report, options, task);
  run.importAll(ordered);
  finishImportRun(workbook, transaction, journal, report, options.dryRun, options.skipBadRows, task);
  return report;
}

}  // namespace salesops
