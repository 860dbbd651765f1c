#include <ostream>

#include "cli/CliCommands.h"
#include "storage/ImportBatches.h"
#include "storage/Workbook.h"

namespace salesops::cli {

namespace {

std::string counts(const ImportBatchInfo& b) {
  return std::to_string(b.rowsInserted) + " inserted, " + std::to_string(b.rowsUpdated) + " updated, " +
         std::to_string(b.rowsDeleted) + " deleted";
}

void listBatches(Workbook& workbook, std::ostream& out) {
  const std::vector<ImportBatchInfo> batches = listImportBatches(workbook.db());
  if (batches.empty()) {
    out << "No imports recorded.\n";
    return;
  }
  out << "batch\tstarted\tsource\tcounts\tundone\n";
  for (const ImportBatchInfo& b : batches) {
    out << b.id << '\t' << b.startedAt << '\t' << b.source << '\t' << counts(b) << '\t'
        << (b.undone ? b.undoneAt : "no") << '\n';
  }
}

}  // namespace

void addUndoImportCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("undo-import", "Undo the newest import as a whole, or list the imports.");
  auto path = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  cmd->add_option("WORKBOOK", *path, "The workbook")->required();
  cmd->add_flag("--list", *list, "List the import batches, newest first, and change nothing");
  cmd->callback([&streams, path, list] {
    if (*list) {
      auto workbook = Workbook::open(*path, Workbook::Access::ReadOnly);
      listBatches(*workbook, streams.out);
      return;
    }
    auto workbook = Workbook::open(*path);
    const UndoOutcome outcome = undoLastImport(*workbook, terminalProgress(streams));
    const ImportBatchInfo& b = outcome.batch;
    streams.out << "Undid import batch " << b.id << " of " << b.startedAt << ": " << b.source << '\n'
                << "  it had " << counts(b) << '\n'
                << "  " << outcome.rowsDeleted << " inserted rows removed, " << outcome.rowsRestored
                << " rows restored to their state before it\n";
  });
}

}  // namespace salesops::cli
