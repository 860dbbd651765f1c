// Read throughput of CsvReader on a 1,000,000-row, 13-column file shaped like opportunities.csv, with some
// quoted fields (delimiters, doubled quotes, a newline) and non-ASCII names so the slow paths are exercised.
// The reader feeds the import that must beat `sqlite3 .import`, so its own share must be a small part of that.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "BenchSupport.h"
#include "io/CsvReader.h"
#include "io/CsvWriter.h"

namespace {

namespace fs = std::filesystem;

constexpr int kRows = 1'000'000;

void generate(const fs::path& path) {
  static const char* const kNames[] = {"Acme Corp", "Müller GmbH", "Smith, Jones & Co", "Globex",
                                       "東京商事",  "Initech",     "Umbrella \"Intl\"", "Soylent"};
  static const char* const kStages[] = {"Prospecting", "Qualification", "Proposal",
                                        "Negotiation", "Closed Won",    "Closed Lost"};
  salesops::CsvWriter writer(path);
  writer.row({"id", "account_id", "owner_id", "name", "stage", "amount", "currency", "close_date", "created_at",
              "probability", "source", "territory", "notes"});
  std::uint32_t x = 2463534242u;
  auto rnd = [&x] {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  };
  std::vector<std::string> cells(13);
  for (int i = 1; i <= kRows; ++i) {
    const std::uint32_t r = rnd();
    cells[0] = "OPP-" + std::to_string(i);
    cells[1] = "ACC-" + std::to_string(r % 50000);
    cells[2] = "REP-" + std::to_string(r % 400);
    cells[3] = kNames[r % 8];
    cells[4] = kStages[(r >> 8) % 6];
    cells[5] = std::to_string(r % 1000000) + "." + std::to_string(10 + r % 90);
    cells[6] = (r & 1) ? "USD" : "EUR";
    cells[7] = "2026-0" + std::to_string(1 + r % 9) + "-1" + std::to_string(r % 10);
    cells[8] = "2025-11-2" + std::to_string(r % 10) + "T10:15:00Z";
    cells[9] = std::to_string(r % 101);
    cells[10] = (r & 2) ? "Inbound" : "Partner referral";
    cells[11] = "EMEA-" + std::to_string(r % 12);
    cells[12] = (r % 50 == 0) ? "Call back\nafter the \"budget\" review" : "";
    for (const auto& cell : cells) writer.field(cell);
    writer.endRow();
  }
  writer.commit();
}

}  // namespace

int main() {
  const fs::path dir = fs::temp_directory_path() / ("salesops-csv-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "opportunities.csv";
  generate(file);
  const double megabytes = static_cast<double>(fs::file_size(file)) / (1 << 20);

  double best = 1e30;
  std::int64_t rows = 0, problems = 0;
  for (int run = 0; run < 3; ++run) {
    salesops::bench::Stopwatch watch;
    salesops::CsvReader reader(file);
    std::vector<std::string_view> fields;
    rows = problems = 0;
    while (reader.next(fields)) {
      ++rows;
      problems += reader.problem() != nullptr;
    }
    best = std::min(best, watch.seconds());
  }
  const auto child = salesops::bench::runInChild([&file] {
    salesops::CsvReader reader(file);
    std::vector<std::string_view> fields;
    while (reader.next(fields)) {
    }
    return 0;
  });

  std::printf("csv read: %.1f MiB, %lld records (%lld with problems) in %.3f s: %.0f MiB/s, %.2f M rows/s\n", megabytes,
              static_cast<long long>(rows), static_cast<long long>(problems), best, megabytes / best,
              static_cast<double>(rows) / best / 1e6);
  std::printf("csv read in a child: %.3f s, peak RSS %lld KiB\n", child.seconds,
              static_cast<long long>(child.peakRssKb));
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return problems == 0 ? 0 : 1;
}
