// Compensation payouts at scale (issue 7, speed): every rep of a 1,000,000-opportunity demo workbook paid for
// the twelve months of a plan year — loading what pay reads, the engine, and storing the ledger — against
// the target of 2 s. Prints where the time goes.
// Usage: comp_bench [OPPORTUNITIES=1000000 | PATH.salesops] [SEED=1]
// A PATH is copied first, since the run stores ledger lines.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "BenchSupport.h"
#include "common/Error.h"
#include "services/CompService.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"

namespace {

using namespace salesops;
namespace fs = std::filesystem;

constexpr double kTargetSeconds = 2.0;

}  // namespace

int main(int argc, char** argv) {
  std::int64_t opportunities = 1'000'000;
  fs::path source;
  if (argc > 1 && fs::exists(argv[1])) {
    source = argv[1];
  } else if (argc > 1) {
    opportunities = std::atoll(argv[1]);
  }
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  const fs::path dir = fs::temp_directory_path() / ("salesops-comp-bench-" + std::to_string(::getpid()));
  int status = 0;
  try {
    fs::create_directories(dir);
    const fs::path file = dir / "demo.salesops";
    if (source.empty()) {
      bench::Stopwatch making;
      auto workbook = Workbook::create(file);
      generateDemo(*workbook, DemoOptions{opportunities, seed});
      std::printf("demo workbook: %lld opportunities generated in %.1f s\n", static_cast<long long>(opportunities),
                  making.seconds());
    } else {
      fs::copy_file(source, file);
    }
    auto workbook = Workbook::open(file);
    CompService service(*workbook);
    const Date asOf = workbook->settings().asOf.value_or(Date::fromCivil(2026, 11, 15));
    const FiscalCalendar calendar = workbook->fiscalCalendar();
    const Period year = calendar.year(calendar.fiscalYearOf(asOf));

    std::string phase;
    bench::Stopwatch phaseClock;
    const LongTask task{[&](const std::string& stage, std::int64_t, std::int64_t) {
                          if (stage == phase) return;
                          if (!phase.empty()) std::printf("  %-32s %6.3f s\n", phase.c_str(), phaseClock.seconds());
                          phase = stage;
                          phaseClock = bench::Stopwatch();
                        },
                        nullptr};
    bench::Stopwatch total;
    const auto inputs = service.loadInputs(task);
    const double loadSeconds = total.seconds();
    bench::Stopwatch engineClock;
    const comp::PayoutResult result = service.compute(*inputs, year, asOf, task);
    std::printf("  %-32s %6.3f s\n", phase.c_str(), phaseClock.seconds());
    phase.clear();
    const double engineSeconds = engineClock.seconds();
    const double computeSeconds = total.seconds();
    std::printf("payouts of %zu assigned reps, %zu payout periods of %s, %zu ledger lines\n",
                inputs->data.assignments.size(), result.openPeriods.size(), year.toString().c_str(),
                result.lines.size());
    std::printf("  load %.3f s + engine %.3f s\n", loadSeconds, engineSeconds);
    std::printf("payout run (load + engine): %.3f s   target %.3f s   ratio %.2f (target <= 1.00) %s\n", computeSeconds,
                kTargetSeconds, computeSeconds / kTargetSeconds, computeSeconds <= kTargetSeconds ? "PASS" : "MISS");

    bench::Stopwatch storing;
    const PayoutOutcome stored = service.payout(year, asOf);
    std::printf("full `comp payout --period %s` (load, engine, store %zu lines in one transaction): %.3f s\n",
                calendar.nameOf(year).c_str(), stored.lines.size(), storing.seconds());
  } catch (const Error& e) {
    std::fprintf(stderr, "%s\n", e.describe().c_str());
    status = 1;
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  return status;
}
