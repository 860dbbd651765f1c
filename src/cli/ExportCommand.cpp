#include <ostream>

#include "cli/CliCommands.h"
#include "common/Error.h"
#include "io/NativeExport.h"
#include "storage/Workbook.h"

namespace salesops::cli {

void addExportCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("export", "Write the workbook as a native CSV workbook folder (lossless).");
  auto workbookPath = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto excel = std::make_shared<bool>(false);
  auto delimiter = std::make_shared<std::string>(",");
  cmd->add_option("WORKBOOK", *workbookPath, "The workbook")->required();
  cmd->add_option("DIR", *dir, "The folder to write (created if missing)")->required();
  cmd->add_flag("--excel", *excel, "UTF-8 with BOM and CRLF line ends, for spreadsheets");
  cmd->add_option("--delimiter", *delimiter, "',' (default), ';' or tab")->capture_default_str();
  cmd->callback([&streams, workbookPath, dir, excel, delimiter] {
    ExportOptions options;
    if (*delimiter == "," || *delimiter == ";") {
      options.csv.delimiter = (*delimiter)[0];
    } else if (*delimiter == "tab" || *delimiter == "\t") {
      options.csv.delimiter = '\t';
    } else {
      throw Error(ErrorKind::Usage, "--delimiter must be ',', ';' or tab, not \"" + *delimiter + "\"");
    }
    options.csv.bom = *excel;
    options.csv.crlf = *excel;
    auto workbook = Workbook::open(*workbookPath, Workbook::Access::ReadOnly);
    auto files = exportNativeCsv(*workbook, *dir, options, terminalProgress(streams));
    if (streams.interactive) streams.err << "\n";
    for (const auto& f : files) streams.out << f.path.string() << ": " << f.rows << " rows\n";
  });
}

}  // namespace salesops::cli
