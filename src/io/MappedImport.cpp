#include "io/MappedImport.h"

#include "common/Error.h"

// Scaffolding for the import branch only: replaced by the real pipeline before the branch merges.
namespace salesops {

std::vector<DetectedSource> detectSources(const std::vector<std::filesystem::path>&, std::span<const MappingProfile>,
                                          const std::string&) {
  throw Error(ErrorKind::Internal, "detectSources: not implemented yet");
}

MappedPreview previewMappedFile(const MappedSource&, std::size_t, const LongTask&) {
  throw Error(ErrorKind::Internal, "previewMappedFile: not implemented yet");
}

ImportReport importMappedCsv(Workbook&, const std::vector<MappedSource>&, const MappedImportOptions&, const LongTask&) {
  throw Error(ErrorKind::Internal, "importMappedCsv: not implemented yet");
}

}  // namespace salesops
