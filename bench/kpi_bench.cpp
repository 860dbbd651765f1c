// The KPI engine at scale (issue 3, part 3): building the columnar snapshot from a demo workbook file (time
// and memory), every KPI by rep for one quarter, and the 12-quarter × every-rep grid, each against the
// equivalent SQLite GROUP BY queries on the same file.
// Usage: kpi_bench [OPPORTUNITIES=1000000 | PATH.salesops] [SEED=1]
// The SQL peer skips currency conversion and medians (SQLite has no median): it does less than the engine.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "BenchSupport.h"
#include "common/Error.h"
#include "kpi/KpiEngine.h"
#include "services/DemoGenerator.h"
#include "storage/KpiSnapshotLoader.h"
#include "storage/Workbook.h"

namespace {

using namespace salesops;
namespace fs = std::filesystem;

std::int64_t rssKb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atoll(line.c_str() + 6);
  }
  return 0;
}

template <typename T>
std::size_t bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

std::size_t snapshotBytes(const KpiSnapshot& s) {
  const auto& o = s.opportunities;
  return bytes(o.owner) + bytes(o.stage) + bytes(o.kind) + bytes(o.amount) + bytes(o.probability) +
         bytes(o.createdDay) + bytes(o.closeDay) + bytes(s.splits.opportunity) + bytes(s.splits.rep) +
         bytes(s.splits.percent) + bytes(s.history.opportunity) + bytes(s.history.stage) + bytes(s.leads.owner) +
         bytes(s.leads.createdAt) + bytes(s.leads.firstResponseAt) + bytes(s.leads.converted) +
         bytes(s.activities.rep) + bytes(s.activities.type) + bytes(s.activities.startedDay) +
         bytes(s.activities.minutes) + bytes(s.activities.selling) + bytes(s.splitBegin) + bytes(s.reachedLevel);
}

// Statements are the peer's; each binds the quarter (or quarters) and steps every row, as a report would.
std::int64_t drain(Statement& q) {
  std::int64_t rows = 0;
  while (q.step()) ++rows;
  q.reset();
  return rows;
}

const char* kBookingsByRep =
    "SELECT rep, sum(credit) FROM ("
    " SELECT sp.rep_id AS rep, o.amount * sp.percent AS credit FROM opportunity o JOIN stage s ON s.id = o.stage_id"
    "  JOIN opportunity_split sp ON sp.opportunity_id = o.id WHERE s.kind = 'won' AND o.close_date BETWEEN ?1 AND ?2"
    " UNION ALL SELECT o.owner_rep_id, o.amount * 10000 FROM opportunity o JOIN stage s ON s.id = o.stage_id"
    "  WHERE s.kind = 'won' AND o.close_date BETWEEN ?1 AND ?2"
    "  AND NOT EXISTS (SELECT 1 FROM opportunity_split sp WHERE sp.opportunity_id = o.id)) GROUP BY rep";
const char* kClosedByRep =
    "SELECT o.owner_rep_id, count(*) FILTER (WHERE s.kind = 'won'), count(*),"
    " avg(o.amount) FILTER (WHERE s.kind = 'won'), sum(o.amount) FILTER (WHERE s.kind = 'won'), sum(o.amount),"
    " avg(julianday(o.close_date) - julianday(o.created_date)) FILTER (WHERE s.kind = 'won')"
    " FROM opportunity o JOIN stage s ON s.id = o.stage_id"
    " WHERE s.kind IN ('won', 'lost') AND o.close_date BETWEEN ?1 AND ?2 GROUP BY o.owner_rep_id";
const char* kOpenByRep =
    "SELECT o.owner_rep_id, sum(o.amount), sum(o.amount * coalesce(o.probability, s.probability))"
    " FROM opportunity o JOIN stage s ON s.id = o.stage_id"
    " WHERE s.kind = 'open' AND o.close_date BETWEEN ?1 AND ?2 GROUP BY o.owner_rep_id";
const char* kQuotaByRep =
    "SELECT rep_id, sum(amount * (julianday(min(period_end, ?2)) - julianday(max(period_start, ?1)) + 1)"
    " / (julianday(period_end) - julianday(period_start) + 1)) FROM quota"
    " WHERE period_start <= ?2 AND period_end >= ?1 GROUP BY rep_id";

// The grid versions group by (owner, quarter): the quarter of a date is its row in a VALUES list of quarters.
std::string gridSql(int quarters) {
  std::string values;
  for (int i = 0; i < quarters; ++i) {
    values += (i ? ", (" : "(") + std::to_string(i) + ", ?" + std::to_string(2 * i + 1) + ", ?" +
              std::to_string(2 * i + 2) + ")";
  }
  const std::string q = "WITH q(k, qs, qe) AS (VALUES " + values + ") ";
  return q +
         "SELECT rep, k, sum(credit) FROM ("
         " SELECT sp.rep_id AS rep, q.k AS k, o.amount * sp.percent AS credit FROM opportunity o"
         "  JOIN stage s ON s.id = o.stage_id JOIN q ON o.close_date BETWEEN q.qs AND q.qe"
         "  JOIN opportunity_split sp ON sp.opportunity_id = o.id WHERE s.kind = 'won'"
         " UNION ALL SELECT o.owner_rep_id, q.k, o.amount * 10000 FROM opportunity o JOIN stage s ON s.id = o.stage_id"
         "  JOIN q ON o.close_date BETWEEN q.qs AND q.qe WHERE s.kind = 'won'"
         "  AND NOT EXISTS (SELECT 1 FROM opportunity_split sp WHERE sp.opportunity_id = o.id)) GROUP BY rep, k;" +
         q +
         "SELECT o.owner_rep_id, q.k, count(*) FILTER (WHERE s.kind = 'won'), count(*),"
         " avg(o.amount) FILTER (WHERE s.kind = 'won'), sum(o.amount) FILTER (WHERE s.kind = 'won'), sum(o.amount),"
         " avg(julianday(o.close_date) - julianday(o.created_date)) FILTER (WHERE s.kind = 'won')"
         " FROM opportunity o JOIN stage s ON s.id = o.stage_id JOIN q ON o.close_date BETWEEN q.qs AND q.qe"
         " WHERE s.kind IN ('won', 'lost') GROUP BY o.owner_rep_id, q.k;" +
         q +
         "SELECT o.owner_rep_id, q.k, sum(o.amount), sum(o.amount * coalesce(o.probability, s.probability))"
         " FROM opportunity o JOIN stage s ON s.id = o.stage_id JOIN q ON o.close_date BETWEEN q.qs AND q.qe"
         " WHERE s.kind = 'open' GROUP BY o.owner_rep_id, q.k;" +
         q +
         "SELECT rep_id, q.k, sum(amount * (julianday(min(period_end, q.qe)) - julianday(max(period_start, q.qs)) + 1)"
         " / (julianday(period_end) - julianday(period_start) + 1)) FROM quota JOIN q"
         " ON period_start <= q.qe AND period_end >= q.qs GROUP BY rep_id, q.k";
}

std::vector<std::string> splitStatements(const std::string& sql) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t at; (at = sql.find(';', from)) != std::string::npos; from = at + 1)
    out.push_back(sql.substr(from, at - from));
  out.push_back(sql.substr(from));
  return out;
}

double best(int runs, const std::function<void()>& work) {
  double fastest = 1e30;
  for (int i = 0; i < runs; ++i) {
    bench::Stopwatch watch;
    work();
    fastest = std::min(fastest, watch.seconds());
  }
  return fastest;
}

}  // namespace

int main(int argc, char** argv) {
  std::int64_t opportunities = 1'000'000;
  fs::path file;
  if (argc > 1 && fs::exists(argv[1])) {
    file = argv[1];
  } else if (argc > 1) {
    opportunities = std::atoll(argv[1]);
  }
  const std::uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  const fs::path dir = fs::temp_directory_path() / ("salesops-kpi-bench-" + std::to_string(::getpid()));
  int status = 0;
  try {
    if (file.empty()) {
      fs::create_directories(dir);
      file = dir / "demo.salesops";
      // In a child, so the generator's heap does not inflate (or hide) the snapshot's memory below.
      const bench::ChildRun made = bench::runInChild([&] {
        auto workbook = Workbook::create(file);
        generateDemo(*workbook, DemoOptions{opportunities, seed});
        return 0;
      });
      if (made.exitCode != 0) throw Error(ErrorKind::Internal, "generating the demo workbook failed");
      std::printf("demo workbook: %lld opportunities generated in %.1f s\n", static_cast<long long>(opportunities),
                  made.seconds);
    }
    auto workbook = Workbook::open(file, Workbook::Access::ReadOnly);
    const FiscalCalendar calendar = workbook->fiscalCalendar();

    const std::int64_t rssBefore = rssKb();
    bench::Stopwatch loading;
    std::string phase;
    bench::Stopwatch phaseClock;
    const LongTask task{[&](const std::string& stage, std::int64_t, std::int64_t) {
                          if (!phase.empty()) std::printf("  %-32s %6.3f s\n", phase.c_str(), phaseClock.seconds());
                          phase = stage;
                          phaseClock = bench::Stopwatch();
                        },
                        nullptr};
    const KpiSnapshot snapshot = loadKpiSnapshot(*workbook, task);
    std::printf("  %-32s %6.3f s\n", phase.c_str(), phaseClock.seconds());
    const double loadSeconds = loading.seconds();
    const double rssMb = static_cast<double>(rssKb() - rssBefore) / 1024.0;
    std::printf(
        "snapshot: %zu reps, %zu opportunities, %zu history rows, %zu leads, %zu activities; %.1f MB of columns\n",
        snapshot.reps.size(), snapshot.opportunities.size(), snapshot.history.opportunity.size(),
        snapshot.leads.owner.size(), snapshot.activities.rep.size(),
        static_cast<double>(snapshotBytes(snapshot)) / (1024.0 * 1024.0));
    std::printf("%-40s %8.3f s   target <= 1.500 s   %s\n", "build snapshot from file", loadSeconds,
                loadSeconds <= 1.5 ? "PASS" : "MISS");
    std::printf("%-40s %8.1f MB  target <= 250 MB    %s\n", "snapshot memory (RSS delta)", rssMb,
                rssMb <= 250 ? "PASS" : "MISS");

    std::vector<KpiGroup> byRep;
    for (std::size_t r = 0; r < snapshot.reps.size(); ++r) {
      byRep.push_back({snapshot.reps.id[r], snapshot.reps.name[r], {static_cast<std::int32_t>(r)}});
    }
    const Period quarter = calendar.quarter(2026, 3);
    const auto quarters = precedingQuarters(calendar, calendar.quarter(2026, 4), 12);
    const KpiParams params{*parseDate("2026-11-15"), std::nullopt};

    Database& db = workbook->db();
    std::vector<Statement> oneQuarter;
    for (const char* sql : {kBookingsByRep, kClosedByRep, kOpenByRep, kQuotaByRep}) oneQuarter.emplace_back(db, sql);
    const double sqlQuarter = best(2, [&] {
      for (auto& q : oneQuarter) {
        q.bind(1, quarter.start.toString()).bind(2, quarter.end.toString());
        drain(q);
      }
    });
    const double engineQuarter = best(5, [&] { computeKpis(snapshot, byRep, {quarter}, params); });
    bench::printRatio("every KPI by rep, one quarter", engineQuarter, sqlQuarter, 1.0 / 30.0);

    std::vector<Statement> grid;
    for (const auto& sql : splitStatements(gridSql(static_cast<int>(quarters.size())))) grid.emplace_back(db, sql);
    const double sqlGrid = best(1, [&] {
      for (auto& q : grid) {
        for (std::size_t i = 0; i < quarters.size(); ++i) {
          q.bind(static_cast<int>(2 * i + 1), quarters[i].start.toString());
          q.bind(static_cast<int>(2 * i + 2), quarters[i].end.toString());
        }
        drain(q);
      }
    });
    const double engineGrid = best(3, [&] { computeKpis(snapshot, byRep, quarters, params); });
    bench::printRatio("grid: 12 quarters x every rep", engineGrid, sqlGrid, 1.0 / 30.0);
    std::printf("speed-ups: one quarter %.0fx, grid %.0fx (target >= 30x)\n", sqlQuarter / engineQuarter,
                sqlGrid / engineGrid);
  } catch (const Error& e) {
    std::fprintf(stderr, "kpi_bench: %s\n", e.describe().c_str());
    status = 1;
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return status;
}
