// Mapped import of a Salesforce Data Loader Opportunity.csv against the native import of the same data,
// measured in the same run on copies of one base workbook (reps and accounts already in). Target: the
// mapped import runs at no less than 70% of the native import's speed (time ratio <= 1/0.7 = 1.43).
// Usage: mapped_import_bench [ROWS]   (default 1,000,000)
#include <sys/resource.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "BenchSupport.h"
#include "io/MappedImport.h"
#include "io/NativeImport.h"

using namespace salesops;
using namespace salesops::bench;
namespace fs = std::filesystem;

namespace {

constexpr int kReps = 200;
constexpr int kAccounts = 20000;
const char* const kStages[] = {"Prospecting", "Qualification", "Negotiation", "Closed Won", "Closed Lost"};

// Salesforce-looking 18-character ids: prefix, zero-padded number, a fixed suffix.
std::string sfId(const char* prefix, long n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%s5g%010ldAAA", prefix, n);
  return buffer;
}

std::string day(long n) {
  const int d = static_cast<int>(n % 28) + 1, m = static_cast<int>((n / 28) % 12) + 1;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "2024-%02d-%02d", m, d);
  return buffer;
}

void writeBase(const fs::path& dir) {
  std::ofstream reps(dir / "reps.csv"), accounts(dir / "accounts.csv");
  reps << "rep_id,name\n";
  for (int r = 0; r < kReps; ++r) reps << sfId("005", r) << ",Rep " << r << "\n";
  accounts << "account_id,name\n";
  for (int a = 0; a < kAccounts; ++a) accounts << sfId("001", a) << ",Account " << a << "\n";
}

// The same opportunities twice: as Salesforce writes them and as the native format has them.
void writeOpportunities(const fs::path& salesforce, const fs::path& native, long rows) {
  std::ofstream sf(salesforce), nat(native);
  sf << "Id,IsDeleted,AccountId,Name,Description,StageName,Amount,Probability,CloseDate,Type,NextStep,LeadSource,"
        "IsClosed,IsWon,ForecastCategory,ForecastCategoryName,OwnerId,CreatedDate,CreatedById,LastModifiedDate,"
        "SystemModstamp,FiscalQuarter,FiscalYear\n";
  nat << "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
         "forecast_category,lead_source\n";
  for (long i = 0; i < rows; ++i) {
    const std::string id = sfId("006", i), account = sfId("001", i % kAccounts), owner = sfId("005", i % kReps);
    const char* stage = kStages[i % 5];
    const bool won = i % 5 == 3, closed = i % 5 >= 3;
    const int probability = won ? 100 : closed ? 0 : 10 * static_cast<int>(i % 5 + 1);
    const long cents = 100000 + (i * 7919) % 10000000;
    char amount[32];
    std::snprintf(amount, sizeof amount, "%ld.%02ld", cents / 100, cents % 100);
    const std::string created = day(i), close = day(i + 60);
    const char* category = closed ? "Closed" : "Pipeline";
    sf << id << ",false," << account << ",Deal " << i << ",," << stage << "," << amount << "," << probability << ","
       << close << ",New Business,,Web," << (closed ? "true" : "false") << "," << (won ? "true" : "false") << ","
       << category << "," << category << "," << owner << "," << created << "T16:14:25.000+0000," << owner << ","
       << created << "T16:14:25.000+0000," << created << "T16:14:25.000+0000,1,2024\n";
    nat << id << "," << account << "," << owner << ",Deal " << i << ",New Business," << stage << "," << amount << ",,"
        << probability << "," << created << "," << close << "," << (closed ? "closed" : "pipeline") << ",Web\n";
  }
}

// User + system CPU of the finished children: the ratio that does not depend on other load on the machine.
double childrenCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  const long rows = argc > 1 ? std::atol(argv[1]) : 1000000;
  char pattern[] = "/tmp/salesops-mapped-bench-XXXXXX";
  if (!mkdtemp(pattern)) return 1;
  const fs::path dir = pattern;
  std::printf("mapped import bench: %ld opportunities in %s\n", rows, dir.c_str());
  fs::create_directories(dir / "base");
  writeBase(dir / "base");
  {
    auto base = Workbook::create(dir / "base.salesops");
    const ImportReport report = importNativeCsv(*base, {dir / "base"}, {});
    if (!report.committed) {
      std::fprintf(stderr, "base import failed: %s\n", report.problems.empty() ? "" : report.problems[0].c_str());
      return 1;
    }
  }
  Stopwatch generate;
  writeOpportunities(dir / "Opportunity.csv", dir / "opportunities.csv", rows);
  std::printf("generated Opportunity.csv (%.1f MB) and opportunities.csv (%.1f MB) in %.2f s\n",
              static_cast<double>(fs::file_size(dir / "Opportunity.csv")) / 1e6,
              static_cast<double>(fs::file_size(dir / "opportunities.csv")) / 1e6, generate.seconds());
  fs::copy_file(dir / "base.salesops", dir / "native.salesops");
  fs::copy_file(dir / "base.salesops", dir / "mapped.salesops");
  const double cpuBefore = childrenCpuSeconds();
  const ChildRun native = runInChild([&] {
    auto workbook = Workbook::open(dir / "native.salesops");
    const ImportReport report = importNativeCsv(*workbook, {dir / "opportunities.csv"}, {});
    return report.committed && report.files.at(0).inserted == rows ? 0 : 1;
  });
  const double nativeCpu = childrenCpuSeconds() - cpuBefore;
  const ChildRun mapped = runInChild([&] {
    auto workbook = Workbook::open(dir / "mapped.salesops");
    const auto detected = detectSources({dir / "Opportunity.csv"}, builtinMappingProfiles(), "salesforce");
    if (!detected.at(0).source) return 2;
    const ImportReport report = importMappedCsv(*workbook, {*detected[0].source});
    if (!report.committed || report.files.empty() || report.files.back().inserted != rows) {
      std::fprintf(stderr, "mapped import failed: %s\n", report.problems.empty() ? "" : report.problems[0].c_str());
      return 1;
    }
    return 0;
  });
  const double mappedCpu = childrenCpuSeconds() - cpuBefore - nativeCpu;
  std::printf("native: %.3f s (exit %d, peak RSS %.1f MB); mapped: %.3f s (exit %d, peak RSS %.1f MB)\n",
              native.seconds, native.exitCode, native.peakRssKb / 1024.0, mapped.seconds, mapped.exitCode,
              mapped.peakRssKb / 1024.0);
  const double speed = mapped.seconds > 0 ? native.seconds / mapped.seconds : 0;
  std::printf("mapped speed / native speed = %.2f (target >= 0.70) %s\n", speed, speed >= 0.70 ? "PASS" : "MISS");
  printRatio("mapped vs native import (wall)", mapped.seconds, native.seconds, 1.0 / 0.7);
  printRatio("mapped vs native import (cpu)", mappedCpu, nativeCpu, 1.0 / 0.7);
  fs::remove_all(dir);
  return native.exitCode == 0 && mapped.exitCode == 0 ? 0 : 1;
}
