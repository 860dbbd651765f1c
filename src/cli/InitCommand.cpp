#include <filesystem>
#include <ostream>

#include "cli/CliCommands.h"
#include "common/Currency.h"
#include "common/Error.h"
#include "storage/Workbook.h"

namespace salesops::cli {

void addInitCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("init", "Create an empty workbook with the default pipeline stages.");
  auto path = std::make_shared<std::string>();
  auto currency = std::make_shared<std::string>("USD");
  auto startMonth = std::make_shared<int>(1);
  cmd->add_option("WORKBOOK", *path, "The workbook file to create (.salesops)")->required();
  cmd->add_option("--currency", *currency, "Corporate currency, an ISO 4217 code")->capture_default_str();
  cmd->add_option("--fiscal-start-month", *startMonth, "First month of the fiscal year (1-12)")->capture_default_str();
  cmd->callback([&streams, path, currency, startMonth] {
    if (!isCurrencyCode(*currency)) {
      throw Error(ErrorKind::Usage, "--currency \"" + *currency + "\" is not an ISO 4217 code such as USD");
    }
    if (*startMonth < 1 || *startMonth > 12) {
      throw Error(ErrorKind::Usage, "--fiscal-start-month must be 1 to 12, not " + std::to_string(*startMonth));
    }
    WorkbookSettings settings;
    settings.currency = *currency;
    settings.fiscalYearStartMonth = *startMonth;
    Workbook::create(*path, settings);
    streams.out << "Created " << *path << " (currency " << *currency << ", fiscal year starts in month " << *startMonth
                << ")\n";
  });
}

}  // namespace salesops::cli
