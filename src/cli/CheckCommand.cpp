#include <ostream>

#include "cli/CliCommands.h"
#include "services/WorkbookCheck.h"
#include "storage/Workbook.h"

namespace salesops::cli {

void addCheckCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd =
      app.add_subcommand("check", "Check a workbook's integrity and invariants; exit 3 when something is wrong.");
  auto path = std::make_shared<std::string>();
  cmd->add_option("WORKBOOK", *path, "The workbook")->required();
  cmd->callback([&streams, path] {
    auto workbook = Workbook::open(*path, Workbook::Access::ReadOnly);
    auto findings = checkWorkbook(*workbook);
    for (const auto& f : findings) streams.out << f.where << ": " << f.message << "\n";
    if (findings.empty()) {
      streams.out << "No problems found in " << *path << "\n";
      return;
    }
    streams.err << findings.size() << " problem(s) found in " << *path << "\n";
    throw ExitWith{3};
  });
}

}  // namespace salesops::cli
