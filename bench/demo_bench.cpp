// Times `salesops-cli demo` at scale: generateDemo() into a fresh temporary workbook, then closing it (the
// close checkpoints the write-ahead log into the file, so it is part of what a user waits for).
// Usage: demo_bench [OPPORTUNITIES=1000000] [SEED=1]
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "BenchSupport.h"
#include "common/Error.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"

namespace {

constexpr double kTargetSeconds = 20.0;

// CPU seconds of the whole process (all threads): on a shared machine wall time includes waiting for a core.
double cpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void row(const char* table, std::int64_t rows) { std::printf("  %-22s %12lld\n", table, static_cast<long long>(rows)); }

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  using namespace salesops;
  DemoOptions options;
  if (argc > 1) options.opportunities = std::atoll(argv[1]);
  if (argc > 2) options.seed = std::strtoull(argv[2], nullptr, 10);

  const fs::path dir = fs::temp_directory_path() / ("salesops-demo-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "demo.salesops";
  int status = 0;
  try {
    bench::Stopwatch total;
    auto workbook = Workbook::create(file);
    bench::Stopwatch generation;
    // Phase timings: each stage's start is reported once with done = 0 (opportunities report as they go).
    std::string phase = "start";
    double phaseStart = 0, phaseCpu = cpuSeconds();
    LongTask task{[&](const std::string& stage, std::int64_t, std::int64_t) {
                    if (stage == phase) return;
                    const double now = generation.seconds();
                    const double cpu = cpuSeconds();
                    std::printf("  phase %-22s %7.2f s  cpu %7.2f s\n", phase.c_str(), now - phaseStart,
                                cpu - phaseCpu);
                    phase = stage;
                    phaseStart = now;
                    phaseCpu = cpu;
                  },
                  nullptr};
    const DemoSummary s = generateDemo(*workbook, options, task);
    std::printf("  phase %-22s %7.2f s  cpu %7.2f s (with commit)\n", phase.c_str(), generation.seconds() - phaseStart,
                cpuSeconds() - phaseCpu);
    const double generated = generation.seconds();
    workbook.reset();
    const double seconds = total.seconds();

    std::printf("demo: %lld opportunities, seed %llu\n", static_cast<long long>(options.opportunities),
                static_cast<unsigned long long>(options.seed));
    row("rep", s.reps);
    row("account", s.accounts);
    row("contact", s.contacts);
    row("opportunity", s.opportunities);
    row("opportunity_history", s.history);
    row("opportunity_split", s.splits);
    row("lead", s.leads);
    row("activity", s.activities);
    row("quota", s.quotas);
    row("forecast_submission", s.forecastSubmissions);
    row("fx_rate", s.fxRates);
    const std::int64_t rows = s.reps + s.accounts + s.contacts + s.opportunities + s.history + s.splits + s.leads +
                              s.activities + s.quotas + s.forecastSubmissions + s.fxRates;
    row("total", rows);
    std::printf("file size: %.1f MB\n", static_cast<double>(fs::file_size(file)) / (1024.0 * 1024.0));
    std::printf("generateDemo: %.2f s (%.0f rows/s); create + generate + close: %.2f s\n", generated,
                static_cast<double>(rows) / generated, seconds);
    const double ratio = seconds / kTargetSeconds;
    std::printf("%-40s %8.2f s   target <= %.0f s   ratio %.2f %s\n", "demo (create + generate + close)", seconds,
                kTargetSeconds, ratio, ratio <= 1.0 ? "PASS" : "MISS");
  } catch (const Error& e) {
    std::fprintf(stderr, "demo_bench: %s\n", e.describe().c_str());
    status = 1;
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return status;
}
