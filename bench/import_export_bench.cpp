// Native import and export of opportunities against the sqlite3 shell as the peer:
//   import: ours (typed, validated, keyed, indexed) vs `.import` into an untyped table without keys;
//   export: ours (canonical text, references joined) vs `sqlite3 -csv 'SELECT * FROM t'`.
// Usage: import_export_bench [rows=1000000]. Each side runs in a child process so its time and peak RSS
// are its own.
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "BenchSupport.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"

namespace fs = std::filesystem;
using namespace salesops;
using namespace salesops::bench;

namespace {

constexpr int kReps = 300;
constexpr int kAccounts = 20000;

// A small deterministic generator (the bench must produce the same file on every run).
struct Lcg {
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::uint32_t next() {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  }
};

void writeBaseFiles(const fs::path& dir) {
  std::ofstream fx(dir / "fx_rates.csv");
  fx << "currency,valid_from,rate\nEUR,2020-01-01,1.08\nGBP,2020-01-01,1.27\n";
  std::ofstream reps(dir / "reps.csv");
  reps << "rep_id,name,email,team,manager_id,role,start_date,end_date\n";
  for (int i = 0; i < kReps; ++i) {
    reps << "R" << i << ",Rep " << i << ",rep" << i << "@example.com,Team " << i % 12 << ","
         << (i < 12 ? std::string() : "R" + std::to_string(i % 12)) << "," << (i < 12 ? "manager" : "ae")
         << ",2022-01-01,\n";
  }
  std::ofstream accounts(dir / "accounts.csv");
  accounts << "account_id,name,industry,country,region,postal_code,employees,annual_revenue,owner_rep_id,"
              "territory_id\n";
  for (int i = 0; i < kAccounts; ++i) {
    accounts << "A" << i << ",\"Account " << i << ", Ltd\",Software,DE,EMEA," << 10000 + i << "," << 10 + i % 5000
             << "," << 100000 + i << ".00,R" << i % kReps << ",\n";
  }
}

void writeOpportunities(const fs::path& file, long rows) {
  static const char* kStages[] = {"Prospecting", "Qualification", "Needs Analysis", "Proposal",
                                  "Negotiation", "Closed Won",    "Closed Lost"};
  static const char* kCurrencies[] = {"USD", "USD", "EUR", "GBP"};
  static const char* kTypes[] = {"new_business", "renewal", "expansion"};
  static const char* kCategories[] = {"pipeline", "best_case", "commit", "closed", "omitted"};
  Lcg rng;
  std::FILE* out = std::fopen(file.c_str(), "w");
  std::fputs(
      "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,"
      "close_date,forecast_category,lead_source\n",
      out);
  for (long i = 0; i < rows; ++i) {
    const int stage = static_cast<int>(rng.next() % 7);
    const int month = static_cast<int>(rng.next() % 12) + 1, day = static_cast<int>(rng.next() % 28) + 1;
    const char* probability = stage == 5 ? "100" : stage == 6 ? "0" : "";
    std::fprintf(out, "OPP%08ld,A%u,R%u,Opportunity %ld,%s,%s,%u.%02u,%s,%s,2025-%02d-%02d,2026-%02d-%02d,%s,%s\n", i,
                 rng.next() % kAccounts, rng.next() % kReps, i, kTypes[rng.next() % 3], kStages[stage],
                 rng.next() % 500000, rng.next() % 100, kCurrencies[rng.next() % 4], probability, month, day, month,
                 day, kCategories[rng.next() % 5], rng.next() % 3 ? "web" : "referral");
  }
  std::fclose(out);
}

// CPU seconds (user + system) of all waited-for children so far: the machine may be shared, and CPU time
// compares the two sides' work even when wall-clock time is distorted by other load.
double childrenCpuSeconds() {
  struct rusage usage {};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Runs `run` and returns the CPU seconds it used in children.
template <typename F>
double cpuOf(F run, ChildRun& result) {
  const double before = childrenCpuSeconds();
  result = run();
  return childrenCpuSeconds() - before;
}

std::string shellQuote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

int main(int argc, char** argv) {
  const long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
  char pattern[] = "/tmp/salesops-bench-XXXXXX";
  if (!mkdtemp(pattern)) return 1;
  const fs::path dir = pattern;
  std::printf("import/export bench: %ld opportunities in %s\n", rows, dir.c_str());

  fs::create_directories(dir / "base");
  writeBaseFiles(dir / "base");
  {
    auto base = Workbook::create(dir / "base.salesops");
    auto report = importNativeCsv(*base, {dir / "base"}, {});
    if (!report.committed) {
      std::fprintf(stderr, "base import failed: %s\n", report.problems.empty() ? "" : report.problems[0].c_str());
      return 1;
    }
  }
  Stopwatch generate;
  writeOpportunities(dir / "opportunities.csv", rows);
  std::printf("generated opportunities.csv (%.1f MB) in %.2f s\n",
              static_cast<double>(fs::file_size(dir / "opportunities.csv")) / 1e6, generate.seconds());

  fs::copy_file(dir / "base.salesops", dir / "work.salesops");
  ChildRun ours, peer, oursExport, peerExport;
  const double oursCpu = cpuOf(
      [&] {
        return runInChild([&] {
          auto workbook = Workbook::open(dir / "work.salesops");
          auto report = importNativeCsv(*workbook, {dir / "opportunities.csv"}, {});
          if (!report.committed || report.files.empty() || report.files[0].inserted != rows) {
            std::fprintf(stderr, "import failed: %s\n", report.problems.empty() ? "" : report.problems[0].c_str());
            return 1;
          }
          return 0;
        });
      },
      ours);
  const double peerCpu = cpuOf(
      [&] {
        return runCommand("cd " + shellQuote(dir) +
                          " && sqlite3 peer.db -cmd '.mode csv' '.import opportunities.csv t'");
      },
      peer);
  std::printf(
      "import: ours %.3f s (cpu %.3f s, peak RSS %.1f MB, exit %d), sqlite3 .import %.3f s (cpu %.3f s, "
      "peak RSS %.1f MB)\n",
      ours.seconds, oursCpu, ours.peakRssKb / 1024.0, ours.exitCode, peer.seconds, peerCpu, peer.peakRssKb / 1024.0);
  printRatio("import opportunities (wall)", ours.seconds, peer.seconds, 1.0);
  printRatio("import opportunities (cpu)", oursCpu, peerCpu, 1.0);

  // Context, not the target: the same peer when it also builds the three indexes the schema requires on
  // opportunity (unique external id, owner+close date, account), which our import must build too.
  ChildRun peerIndexed;
  const double peerIndexedCpu = cpuOf(
      [&] {
        return runCommand(
            "cd " + shellQuote(dir) +
            " && sqlite3 peer-indexed.db -cmd '.mode csv' '.import opportunities.csv t' "
            "'CREATE UNIQUE INDEX t_key ON t(opportunity_id)' "
            "'CREATE INDEX t_owner ON t(owner_rep_id, close_date)' 'CREATE INDEX t_account ON t(account_id)'");
      },
      peerIndexed);
  std::printf("context: sqlite3 .import + the 3 indexes %.3f s (cpu %.3f s); ours/that = %.2f\n", peerIndexed.seconds,
              peerIndexedCpu, peerIndexed.seconds > 0 ? ours.seconds / peerIndexed.seconds : 0);

  const double oursExportCpu = cpuOf(
      [&] {
        return runInChild([&] {
          auto workbook = Workbook::open(dir / "work.salesops", Workbook::Access::ReadOnly);
          auto files = exportNativeCsv(*workbook, dir / "export");
          return files.empty() ? 1 : 0;
        });
      },
      oursExport);
  const double peerExportCpu = cpuOf(
      [&] {
        return runCommand("cd " + shellQuote(dir) + " && sqlite3 -csv peer.db 'SELECT * FROM t' > peer-export.csv");
      },
      peerExport);
  std::printf("export: ours %.3f s (cpu %.3f s, peak RSS %.1f MB, exit %d), sqlite3 -csv %.3f s (cpu %.3f s)\n",
              oursExport.seconds, oursExportCpu, oursExport.peakRssKb / 1024.0, oursExport.exitCode, peerExport.seconds,
              peerExportCpu);
  printRatio("export opportunities (wall)", oursExport.seconds, peerExport.seconds, 1.0);
  printRatio("export opportunities (cpu)", oursExportCpu, peerExportCpu, 1.0);
  std::printf("peak RSS of our import: %.1f MB (target <= 200 MB) %s\n", ours.peakRssKb / 1024.0,
              ours.peakRssKb <= 200 * 1024 ? "PASS" : "MISS");

  std::error_code ec;
  if (!std::getenv("SALESOPS_BENCH_KEEP")) fs::remove_all(dir, ec);
  return ours.exitCode || oursExport.exitCode ? 1 : 0;
}
