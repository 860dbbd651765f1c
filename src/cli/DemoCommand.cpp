#include <filesystem>
#include <ostream>

#include "cli/CliCommands.h"
#include "common/Error.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

void removeWorkbookFiles(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", ".lock"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

}  // namespace

void addDemoCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("demo", "Fill a new (or empty) workbook with realistic, deterministic demo data.");
  auto path = std::make_shared<std::string>();
  auto options = std::make_shared<DemoOptions>();
  cmd->add_option("WORKBOOK", *path, "The workbook to create or fill")->required();
  cmd->add_option("--opportunities", options->opportunities, "Number of opportunities (1 to 1000000)")
      ->capture_default_str();
  cmd->add_option("--seed", options->seed, "Random seed: the same seed gives the same data")->capture_default_str();
  cmd->callback([&streams, path, options] {
    if (options->opportunities < 1 || options->opportunities > 1'000'000) {
      throw Error(ErrorKind::Usage, "--opportunities must be 1 to 1000000");
    }
    bool created = !std::filesystem::exists(*path);
    std::unique_ptr<Workbook> workbook = created ? Workbook::create(*path) : Workbook::open(*path);
    DemoSummary summary;
    try {
      summary = generateDemo(*workbook, *options, terminalProgress(streams));
    } catch (...) {
      if (created) {
        workbook.reset();
        removeWorkbookFiles(*path);
      }
      throw;
    }
    if (streams.interactive) streams.err << "\n";
    streams.out << "Demo data written to " << *path << ": " << summary.reps << " reps, " << summary.accounts
                << " accounts, " << summary.opportunities << " opportunities, " << summary.history << " history rows, "
                << summary.leads << " leads, " << summary.activities << " activities, " << summary.quotas << " quotas, "
                << summary.forecastSubmissions << " forecast submissions\n";
  });
}

}  // namespace salesops::cli
