// Between the two passes of a mapped file: the profile's stages and the records that rows name but the
// workbook lacks (placeholders for ids, records for names); after the second: the notes of the file.
#include <algorithm>

#include "common/Error.h"
#include "io/MappedImportRun.h"

namespace salesops::mapping {
using namespace importing;

void MappedRun::createStages(const MappedSource& source) {
  if (!stagesCreated_.insert(source.profileId).second || source.stages.empty()) return;
  KeyIndex& stages = run_.index("stage");
  std::vector<std::vector<std::string>> rows;
  std::string names;
  for (const StageDefinition& s : source.stages) {
    if (stages.find(s.stage)) continue;
    rows.push_back({s.stage, s.kind, s.probability ? std::to_string(*s.probability) : ""});
    names += (names.empty() ? "" : ", ") + s.stage;
  }
  if (rows.empty()) return;
  const std::string label = "stages of " + (source.profileId.empty() ? "the mapping" : source.profileId);
  report_.notes.push_back(label + ": " + withCount(static_cast<std::int64_t>(rows.size()), "stage") +
                          " the workbook lacked created: " + names);
  MemoryRecordSource records({"stage", "kind", "probability"}, std::move(rows));
  FileImport importer(run_, *findEntity("stage"), label, native_, task_, done_, total_);
  std::int64_t bytes = 0;
  report_.files.push_back(importer.run(records, ++number_, bytes));
}

void MappedRun::resolveReferences(const MappedLayout& layout, FileScan& scan, RowMapper& mapper,
                                  const std::string& name) {
  const EntitySpec& spec = layout.spec;
  std::map<std::string, std::vector<NewRecord>> toCreate;  // by entity
  std::map<std::string, std::set<std::string>> planned;
  for (int f : layout.outputFields) {
    const FieldSpec& field = spec.fields[static_cast<std::size_t>(f)];
    if (field.references.empty()) continue;
    const EntitySpec& target = *findEntity(field.references);
    const std::string targetName(target.name);
    Aliases& targetAliases = aliasesOf(target.name);
    const auto& sources = layout.sourcesOfField[static_cast<std::size_t>(f)];
    const bool byName =
        std::any_of(sources.begin(), sources.end(), [](const FieldSource& s) { return s.mapping->matchByName; });
    const auto seenIt = scan.references.find(f);
    const std::string column = sources.empty() ? std::string(field.name) : sources.front().mapping->header;
    if (!byName) {
      if (!targetAliases.empty()) mapper.setAliases(f, &targetAliases);
      if (seenIt == scan.references.end()) continue;
      KeyIndex& own = run_.index(target.name);
      for (const auto& [id, seen] : seenIt->second) {
        if (own.find(id) != nullptr) continue;
        if (&target == &spec) {
          // A self reference to a row of the same file is the engine's business (it defers such rows).
          continue;
        }
        if (!planned[targetName].insert(id).second) continue;
        const std::string what =
            targetName == "stage" ? "created as an open stage (set its kind if it closes deals)" : "placeholder";
        toCreate[targetName].push_back(
            {id, id,
             targetName + " \"" + id + "\": " + what + " for " + column + " in " + name + " (line " +
                 std::to_string(seen.firstLine) +
                 (seen.rows > 1 ? " and " + withCount(seen.rows - 1, "more row") : std::string()) + ")",
             seen.firstLine});
      }
      continue;
    }
    // By name: the workbook's records (and the file's own rows, for a self reference) by their name.
    auto& nameAliases = nameAliases_[name + "\x1f" + std::to_string(f)];
    TextMap<std::string> keyOfName;
    if (target.hasExternalId() && target.field("name")) {
      Statement select = db_.prepare("SELECT external_id, name FROM " + std::string(target.table) +
                                     " WHERE name IS NOT NULL ORDER BY id");
      while (select.step()) keyOfName.emplace(std::string(select.text(1)), std::string(select.text(0)));
    }
    if (&target == &spec) {
      for (const auto& [ownName, key] : scan.ownNames) keyOfName.emplace(ownName, key);
    }
    if (seenIt != scan.references.end()) {
      for (const auto& [text, seen] : seenIt->second) {
        const auto known = keyOfName.find(text);
        if (known != keyOfName.end()) {
          if (known->second != text) nameAliases.emplace(text, known->second);
          continue;
        }
        if (options_.names == NameReferences::MatchOnly) {
          run_.problem(name, seen.firstLine, column,
                       "no " + targetName + " is named \"" + text + "\" (names: match only)" +
                           (seen.rows > 1 ? "; " + withCount(seen.rows - 1, "more row") + " name it" : ""));
          continue;
        }
        if (!planned[targetName].insert(text).second) continue;
        toCreate[targetName].push_back(
            {text, text,
             targetName + " \"" + text + "\": created for " + column + " in " + name + ", no " + targetName +
                 " had that name (line " + std::to_string(seen.firstLine) +
                 (seen.rows > 1 ? " and " + withCount(seen.rows - 1, "more row") : std::string()) + ")",
             seen.firstLine});
      }
    }
    mapper.setAliases(f, &nameAliases);
  }
  for (const auto& [entity, records] : toCreate) createRecords(*findEntity(entity), records, name);
}

void MappedRun::createRecords(const EntitySpec& spec, const std::vector<NewRecord>& records, const std::string& name) {
  std::vector<const NewRecord*> ordered;
  for (const NewRecord& r : records) ordered.push_back(&r);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const NewRecord* a, const NewRecord* b) { return a->firstLine < b->firstLine; });
  const bool stage = spec.name == "stage";
  std::vector<std::vector<std::string>> rows;
  for (const NewRecord* r : ordered) {
    rows.push_back({r->key, stage ? "open" : r->name});
    report_.placeholders.push_back(r->message);
  }
  MemoryRecordSource source({std::string(spec.fields[0].name), stage ? "kind" : "name"}, std::move(rows));
  FileImport importer(run_, spec, name + ": new " + std::string(spec.name) + " records", native_, task_, done_, total_);
  std::int64_t bytes = 0;
  report_.files.push_back(importer.run(source, ++number_, bytes));
}

void MappedRun::noteFile(const std::string& name, const MappedLayout& layout, const RowMapper& mapper,
                         const FileScan& scan, const KeyPlan& plan, std::int64_t skippedByRules) {
  (void)skippedByRules;
  for (std::size_t i = 0; i < layout.fillers.size(); ++i) {
    if (mapper.fillCounts[i] == 0) continue;
    report_.notes.push_back(name + ": " + withCount(mapper.fillCounts[i], "row") + ": " + layout.fillers[i].words);
  }
  (void)plan;
  if (!layout.spec.hasExternalId() || layout.outputOfField[0] < 0) return;
  const std::string keyName(layout.spec.fields[0].name);
  if (scan.duplicates > 0) {
    const std::string settled = options_.duplicates == DuplicateRows::LastWins    ? "the last row of each key wins"
                                : options_.duplicates == DuplicateRows::FirstWins ? "the first row of each key wins"
                                                                                  : "the repeated rows are rejected";
    std::string examples;
    for (const std::string& e : scan.duplicateLines) examples += (examples.empty() ? "" : "; ") + e;
    report_.duplicates.push_back(name + ": " + withCount(scan.duplicates, "row") + " repeat the " + keyName +
                                 " of an earlier row (" + examples + (scan.duplicates > 5 ? "; …" : "") +
                                 "): " + settled);
  }
  if (scan.inWorkbook > 0) {
    const std::string settled = options_.duplicates == DuplicateRows::LastWins ? "updated from the file"
                                : options_.duplicates == DuplicateRows::FirstWins
                                    ? "kept as they were, the file's rows skipped"
                                    : "rejected";
    report_.duplicates.push_back(name + ": " + withCount(scan.inWorkbook, "row") + " have a " + keyName +
                                 " the workbook already had: " + settled);
  }
}

}  // namespace salesops::mapping
