#include <ostream>
#include <sstream>

#include "cli/CliCommands.h"
#include "cli/CsvOutputOptions.h"
#include "common/Error.h"
#include "io/NativeExport.h"
#include "io/TableExport.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct TableOptions {
  std::string entity;
  std::string format;  // "" = by the file's suffix
  std::string filter;
  std::string sort;     // FIELD or FIELD:desc
  std::string columns;  // comma-separated field names
};

std::string entityList() {
  std::string names;
  for (const EntitySpec& spec : entities()) names += (names.empty() ? "" : ", ") + std::string(spec.name);
  return names;
}

TableExportFormat formatOf(const TableOptions& t, const std::string& path) {
  if (!t.format.empty()) return parseTableExportFormat(t.format);
  const auto suffix = std::filesystem::path(path).extension().string();
  return suffix == ".xlsx" || suffix == ".XLSX" ? TableExportFormat::Xlsx : TableExportFormat::Csv;
}

void exportOneTable(const std::string& workbookPath, const std::string& path, const TableOptions& t,
                    const CsvOutputOptions& csvOptions, bool excel, CliStreams& streams) {
  const EntitySpec* spec = findEntity(t.entity);
  if (!spec)
    throw Error(ErrorKind::Usage, "--entity: unknown entity \"" + t.entity + "\"; the entities are: " + entityList());
  TableExportOptions options;
  options.format = formatOf(t, path);
  if (options.format == TableExportFormat::Xlsx && (csvOptions.anyGiven() || excel))
    throw Error(ErrorKind::Usage,
                "the CSV options (--excel, --delimiter, --encoding, --line-endings, "
                "--for-spreadsheets, --decimal-comma) do not apply to --format xlsx");
  options.csv = csvOptions.resolve();
  if (excel) options.csv.bom = options.csv.crlf = true;
  std::istringstream list(t.columns);
  for (std::string field; std::getline(list, field, ',');) {
    if (!field.empty()) options.columns.push_back({field, {}});
  }
  TableQuerySpec query;
  query.filter = t.filter;
  query.sortField = t.sort;
  if (const auto colon = t.sort.find(':'); colon != std::string::npos) {
    const std::string direction = t.sort.substr(colon + 1);
    if (direction != "asc" && direction != "desc")
      throw Error(ErrorKind::Usage, "--sort: the direction after ':' must be asc or desc, not \"" + direction + "\"");
    query.sortField = t.sort.substr(0, colon);
    query.ascending = direction == "asc";
  }
  auto workbook = Workbook::open(workbookPath, Workbook::Access::ReadOnly);
  query.corporateCurrency = workbook->settings().currency;
  const TableExportResult result = exportTable(workbook->db(), *spec, query, path, options, terminalProgress(streams));
  if (streams.interactive) streams.err << "\n";
  streams.out << path << ": " << result.rows << " rows";
  if (result.sheets > 1) streams.out << " on " << result.sheets << " sheets";
  streams.out << "\n";
}

}  // namespace

void addExportCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand(
      "export",
      "Write the workbook as a native CSV workbook folder (lossless), or with --entity one table to a CSV or "
      "XLSX file.");
  auto workbookPath = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto excel = std::make_shared<bool>(false);
  auto table = std::make_shared<TableOptions>();
  cmd->add_option("WORKBOOK", *workbookPath, "The workbook")->required();
  cmd->add_option("PATH", *dir, "The folder to write (created if missing); with --entity, the file")->required();
  auto* excelFlag = cmd->add_flag("--excel", *excel, "CSV: UTF-8 with BOM and CRLF line ends, for spreadsheets");
  auto csv = addCsvOutputOptions(*cmd);
  excelFlag->excludes(csv->added[1])->excludes(csv->added[2]);
  auto* entity = cmd->add_option("--entity", table->entity, "Export only this table (opportunity, account, …)");
  std::vector<CLI::Option*> tableOnly{
      cmd->add_option("--format", table->format, "With --entity: csv or xlsx (default: by PATH's suffix)")
          ->check(CLI::IsMember({"csv", "xlsx"})),
      cmd->add_option("--filter", table->filter, "With --entity: only rows where a text field contains TEXT"),
      cmd->add_option("--sort", table->sort, "With --entity: FIELD or FIELD:desc (default: insertion order)"),
      cmd->add_option("--columns", table->columns, "With --entity: the fields to write, comma-separated, in order")};
  for (CLI::Option* option : tableOnly) option->needs(entity);
  cmd->callback([&streams, workbookPath, dir, excel, csv, table] {
    if (!table->entity.empty()) {
      exportOneTable(*workbookPath, *dir, *table, *csv, *excel, streams);
      return;
    }
    ExportOptions options;
    options.csv = csv->resolve();
    if (*excel) options.csv.bom = options.csv.crlf = true;
    auto workbook = Workbook::open(*workbookPath, Workbook::Access::ReadOnly);
    auto files = exportNativeCsv(*workbook, *dir, options, terminalProgress(streams));
    if (streams.interactive) streams.err << "\n";
    for (const auto& f : files) streams.out << f.path.string() << ": " << f.rows << " rows\n";
  });
}

}  // namespace salesops::cli
