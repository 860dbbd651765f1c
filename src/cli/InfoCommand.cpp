#include <ostream>

#include "cli/CliCommands.h"
#include "services/WorkbookInfo.h"
#include "storage/Workbook.h"

namespace salesops::cli {

void addInfoCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("info", "Print a workbook's settings, schema version and row counts.");
  auto path = std::make_shared<std::string>();
  cmd->add_option("WORKBOOK", *path, "The workbook")->required();
  cmd->callback([&streams, path] {
    auto workbook = Workbook::open(*path, Workbook::Access::ReadOnly);
    streams.out << formatWorkbookInfo(readWorkbookInfo(*workbook));
  });
}

}  // namespace salesops::cli
