#include "io/MappedImport.h"

#include <algorithm>
#include <chrono>

#include "common/Error.h"
#include "io/CsvReader.h"
#include "io/MappedRows.h"
#include "io/MappedSourceFile.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> expandPaths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> inFolder;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
      if (entry.is_regular_file(ec) && ext == ".csv") inFolder.push_back(entry.path());
    }
    std::sort(inFolder.begin(), inFolder.end());
    files.insert(files.end(), inFolder.begin(), inFolder.end());
  }
  return files;
}

std::string joinProblems(const std::vector<mapping::MappedProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += (text.empty() ? "" : "; ") + p.column + ": " + p.reason;
  return text;
}

}  // namespace

std::vector<DetectedSource> detectSources(const std::vector<fs::path>& paths, std::span<const MappingProfile> profiles,
                                          const std::string& forcedProfileId) {
  std::span<const MappingProfile> candidates = profiles;
  if (!forcedProfileId.empty()) {
    const auto it = std::find_if(profiles.begin(), profiles.end(),
                                 [&](const MappingProfile& p) { return p.id() == forcedProfileId; });
    if (it == profiles.end()) {
      std::string known;
      for (const MappingProfile& p : profiles) known += (known.empty() ? "" : ", ") + p.id();
      throw Error(ErrorKind::Usage, "unknown mapping profile \"" + forcedProfileId + "\" (known: " + known + ")");
    }
    candidates = std::span<const MappingProfile>(&*it, 1);
  }
  std::vector<DetectedSource> detected;
  for (const fs::path& file : expandPaths(paths)) {
    DetectedSource d;
    d.path = file;
    std::error_code ec;
    if (!fs::exists(file, ec)) {
      d.encoding = "no such file";
      detected.push_back(std::move(d));
      continue;
    }
    try {
      SourceHeader header = readSourceHeader(file);
      d.headers = std::move(header.headers);
      d.encoding = describeEncoding(header.encoding);
    } catch (const Error& e) {
      d.encoding = "unreadable: " + e.message();
      detected.push_back(std::move(d));
      continue;
    }
    d.detection = detectMappingProfile(candidates, d.headers, file.filename().string());
    if (d.detection.best && d.detection.best->confidence >= kMinimumDetectionConfidence) {
      const ProfileMatch& best = *d.detection.best;
      d.source = MappedSource{file, best.profile->id(), best.file(), best.profile->locale(), best.profile->stages()};
    }
    detected.push_back(std::move(d));
  }
  return detected;
}

MappedPreview previewMappedFile(const MappedSource& source, std::size_t rows, const LongTask& task) {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const Timestamp importTime{now.time_since_epoch().count()};
  SourceFile file(source.path);
  const std::string name = source.path.filename().string();
  CsvReader reader(file.csvPath());
  std::vector<std::string_view> record;
  if (!reader.next(record)) throw Error(ErrorKind::Data, "the file is empty (no header row)", Location{name, 1, ""});
  mapping::MappedLayout layout(source, std::vector<std::string>(record.begin(), record.end()),
                               importTime.date().toString(), importTime.toString());
  MappedPreview preview;
  preview.entity = source.mapping.entity;
  preview.fields = layout.outputNames();
  preview.unmappedHeaders = layout.unmappedHeaders;
  for (const mapping::Filler& f : layout.fillers) preview.rules.push_back(f.words);
  mapping::ColumnScans scans(layout);
  const auto& trailers = source.mapping.trailerPrefixes;
  auto isTrailer = [&](const std::vector<std::string_view>& r) {
    return !r.empty() && std::any_of(trailers.begin(), trailers.end(),
                                     [&](const std::string& p) { return r[0].substr(0, p.size()) == p; });
  };
  while (reader.next(record)) {
    if (isTrailer(record)) break;
    if ((++preview.rowsScanned & 4095) == 0) {
      task.checkCancelled();
      task.report("scan " + name, reader.bytesRead(), reader.totalBytes());
    }
    if (!reader.problem()) scans.add(record, reader.recordLine());
  }
  std::vector<mapping::ColumnReading> readings;
  preview.columns = scans.finish(readings);
  mapping::RowMapper mapper(layout, std::move(readings), source.locale.currency);
  CsvReader again(file.csvPath());
  again.next(record);
  mapping::MappedRow row;
  while (preview.rows.size() < rows && again.next(record)) {
    if (isTrailer(record)) break;
    PreviewRow out;
    out.line = again.recordLine();
    if (const CsvProblem* p = again.problem()) {
      out.problem = p->message;
      out.values.assign(preview.fields.size(), "");
      out.filledBy.assign(preview.fields.size(), "");
      preview.rows.push_back(std::move(out));
      continue;
    }
    mapper.map(record, row);
    out.values = row.values;
    out.skipped = row.skippedBy >= 0;
    for (int filler : row.filledBy) out.filledBy.push_back(filler >= 0 ? layout.fillers[filler].label : "");
    if (out.skipped) out.filledBy.assign(preview.fields.size(), layout.fillers[row.skippedBy].label);
    for (std::size_t i = 0; i < layout.spec.fields.size() && !out.skipped; ++i) {
      const FieldSpec& f = layout.spec.fields[i];
      const int o = layout.outputOfField[i];
      if (f.required && (o < 0 || row.values[static_cast<std::size_t>(o)].empty())) {
        row.problems.push_back({std::string(f.name), "is required"});
      }
      if (o < 0) continue;
      const std::string& value = row.values[static_cast<std::size_t>(o)];
      if (f.type == FieldType::Enum && !value.empty() &&
          std::find(f.allowed.begin(), f.allowed.end(), value) == f.allowed.end()) {
        row.problems.push_back({std::string(f.name), quoteCell(value) + " is not an allowed value"});
      }
    }
    if (!out.skipped) out.problem = joinProblems(row.problems);
    preview.rows.push_back(std::move(out));
  }
  return preview;
}

}  // namespace salesops
