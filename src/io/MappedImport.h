#pragma once
// Import of other CRMs' exports through a mapping profile (docs/crm-import.md): detection of the profile
// entry for each file, a preview of the first rows as they would be stored with the column decisions and
// the rules that fill values, and the import itself, which runs through the same engine as the native
// import (one transaction, one undoable batch, the same counts and problem format).
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "io/MappingProfile.h"
#include "io/NativeImport.h"
#include "storage/Workbook.h"

namespace salesops {

// One source file and the profile entry it is read with. A copy, so the wizard can edit the mapping.
struct MappedSource {
  std::filesystem::path path;
  std::string profileId;  // the profile the entry came from ("salesforce"), or "" for a hand-made one
  FileMapping mapping;
  ProfileLocale locale;
  std::vector<StageDefinition> stages;
};

struct DetectedSource {
  std::filesystem::path path;
  ProfileDetection detection;          // what was recognised and how sure ("salesforce Opportunity (0.93)")
  std::optional<MappedSource> source;  // unset when no entry fits well enough to import the file
  std::vector<std::string> headers;    // the file's header row, decoded
  std::string encoding;                // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "Windows-1252 (byte 0xE9 at 1,234)"
};

// Below this confidence a file is not imported by `auto` and the wizard asks.
inline constexpr double kMinimumDetectionConfidence = 0.5;

// `paths`: files and/or folders (every *.csv of a folder). `profiles`: the candidates (built-in plus the
// user's). `forcedProfileId`: "" = any profile (auto); otherwise only that profile's entries are scored.
std::vector<DetectedSource> detectSources(const std::vector<std::filesystem::path>& paths,
                                          std::span<const MappingProfile> profiles,
                                          const std::string& forcedProfileId = {});

// The verdict on one source column after seeing every value (never decided row by row).
struct ColumnDecision {
  std::string header;
  std::vector<std::string> fields;
  std::string verdict;   // "dates day-first (DMY): 13/04/2024 at line 7"; "" when nothing needed deciding
  bool flagged = false;  // ambiguous (read by a fallback) or conflicting: the user should look
  bool error = false;    // conflicting: the column cannot be imported as mapped
};

struct PreviewRow {
  std::int64_t line = 0;              // in the source file
  std::vector<std::string> values;    // per MappedPreview::fields, the text as stored (ISO dates, 1234.56)
  std::vector<std::string> filledBy;  // per field: "" or the default/rule that filled it ("rule: why")
  std::string problem;                // "" or why the row would be rejected
  bool skipped = false;               // a skip_row rule matched
};

struct MappedPreview {
  std::string entity;
  std::vector<std::string> fields;  // the entity's fields the mapping, defaults or rules feed
  std::vector<PreviewRow> rows;
  std::vector<ColumnDecision> columns;
  std::vector<std::string> unmappedHeaders;  // source columns neither mapped nor ignored
  std::vector<std::string> rules;            // every default and rule in words, with its why
  std::int64_t rowsScanned = 0;
};

// Reads the whole file for the column decisions (streaming, cancellable), then maps the first `rows` rows.
MappedPreview previewMappedFile(const MappedSource& source, std::size_t rows = 50, const LongTask& task = {});

// How a row that references a person or an account by name is resolved.
enum class NameReferences : std::uint8_t {
  CreateMissing,  // match by name, create the record when no row has that name
  MatchOnly,      // match by name; an unknown name is a problem of the row
};

// What happens when two rows of the import (or a row and the workbook) have the same match key.
enum class DuplicateRows : std::uint8_t {
  LastWins,   // the later row updates the earlier (reported as a duplicate, merged)
  FirstWins,  // later rows with the same key are skipped (reported)
  Reject,     // every duplicate row is a problem
};

struct MappedImportOptions {
  bool dryRun = false;
  bool skipBadRows = false;
  NameReferences names = NameReferences::CreateMissing;
  DuplicateRows duplicates = DuplicateRows::LastWins;
  // Per entity, the fields that identify a row when matching against the workbook and inside the
  // files: {"account": {"name", "country"}}, {"rep": {"email"}}. Absent: the external id.
  std::map<std::string, std::vector<std::string>> matchKeys;
};

// Imports every source in dependency order in one transaction and one undoable batch. Rows that
// reference an owner or account id the import does not include create placeholder records named by
// that id (listed in the report's placeholders). Workbook failures and cancellation throw Error; data
// problems are in the report, formatted "file:line: column: reason" as the native import does.
ImportReport importMappedCsv(Workbook& workbook, const std::vector<MappedSource>& sources,
                             const MappedImportOptions& options = {}, const LongTask& task = {});

}  // namespace salesops
