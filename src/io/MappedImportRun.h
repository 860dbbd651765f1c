#pragma once
// Mapped import internals: one run of importMappedCsv over its sources (MappedImportRun.cpp: the files
// and their first pass; MappedReferences.cpp: stages, placeholder records and the notes). Not a public API.
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "io/MappedImport.h"
#include "io/MappedRecords.h"

namespace salesops::mapping {

std::string withCount(std::int64_t n, std::string_view noun);  // "2,089 rows", "1 row"

// A record the import creates because rows name it: a placeholder for an id, or a record for a name.
struct NewRecord {
  std::string key;
  std::string name;
  std::string message;
  std::int64_t firstLine = 0;  // the records are listed and created in the order the file first names them
};

class MappedRun {
 public:
  MappedRun(Workbook& workbook, ImportReport& report, const MappedImportOptions& options, const LongTask& task);

  void importAll(const std::vector<const MappedSource*>& sources) {
    for (const MappedSource* s : sources) {
      std::error_code ec;
      const auto size = std::filesystem::file_size(s->path, ec);
      if (!ec) total_ += 2 * static_cast<std::int64_t>(size);
    }
    for (const MappedSource* s : sources) importFile(*s);
    if (run_.unlistedProblems > 0) {
      report_.problems.push_back("… and " + std::to_string(run_.unlistedProblems) + " more problems not listed");
    }
  }

 private:
  void importFile(const MappedSource& source);
  FileScan scanFile(CsvReader& reader, const MappedLayout& layout, RowMapper& mapper, KeyPlan& plan,
                    const std::string& name);
  void createStages(const MappedSource& source);
  void resolveReferences(const MappedLayout& layout, FileScan& scan, RowMapper& mapper, const std::string& name);
  void createRecords(const EntitySpec& spec, const std::vector<NewRecord>& records, const std::string& name);
  const std::vector<std::string>* matchKeyOf(const EntitySpec& spec) const;
  Aliases& aliasesOf(std::string_view entity) { return aliases_[std::string(entity)]; }
  void noteFile(const std::string& name, const MappedLayout& layout, const RowMapper& mapper, const FileScan& scan,
                const KeyPlan& plan, std::int64_t skippedByRules);

  Database& db_;
  ImportReport& report_;
  const MappedImportOptions& options_;
  const LongTask& task_;
  importing::RunState run_;
  ImportOptions native_;
  std::string importDate_, importTime_;
  std::int64_t total_ = 0, done_ = 0;
  std::uint16_t number_ = 0;
  std::set<std::string> stagesCreated_;                  // profiles whose stages were looked at
  std::map<std::string, Aliases, std::less<>> aliases_;  // per entity: values that mean another key
  std::map<std::string, Aliases> nameAliases_;           // per file and field: names -> keys
};

}  // namespace salesops::mapping
