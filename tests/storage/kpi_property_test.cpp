// Property test: on random small workbooks written through SQL, the columnar engine (snapshot loader + KPI
// engine) agrees with a plain SQL evaluation of KPIS.md's definitions, to the cent, for random periods and
// scopes. The SQL below is deliberately naive: one query per KPI straight from the definition.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "kpi/KpiEngine.h"
#include "storage/KpiSnapshotLoader.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using enum KpiId;

// Opportunities converted to USD at the rate in force on close_date (before the first rate: the first),
// rounded half away from zero. Rates have at most four decimals, so rate × 10000 is an exact integer.
constexpr const char* kConverted = R"(
WITH rate4(currency, valid_from, r) AS (
  SELECT currency, valid_from, CAST(round(CAST(rate AS REAL) * 10000) AS INTEGER) FROM fx_rate),
conv0 AS (
  SELECT o.id, o.owner_rep_id AS owner, s.kind, o.created_date, o.close_date, o.amount, o.currency,
         coalesce(o.probability, s.probability) AS prob,
         coalesce((SELECT r FROM rate4 f WHERE f.currency = o.currency AND f.valid_from <= o.close_date
                   ORDER BY f.valid_from DESC LIMIT 1),
                  (SELECT r FROM rate4 f WHERE f.currency = o.currency ORDER BY f.valid_from LIMIT 1)) AS r
  FROM opportunity o JOIN stage s ON s.id = o.stage_id),
conv AS (
  SELECT id, owner, kind, created_date, close_date, prob,
         CASE WHEN currency IS NULL OR currency = 'USD' THEN amount
              WHEN amount * r >= 0 THEN (2 * amount * r + 10000) / 20000
              ELSE -((-2 * amount * r + 10000) / 20000) END AS amount
  FROM conv0),
quota0 AS (
  SELECT q.rep_id, q.period_start, q.period_end, q.amount, q.currency,
         coalesce((SELECT r FROM rate4 f WHERE f.currency = q.currency AND f.valid_from <= q.period_start
                   ORDER BY f.valid_from DESC LIMIT 1),
                  (SELECT r FROM rate4 f WHERE f.currency = q.currency ORDER BY f.valid_from LIMIT 1)) AS r
  FROM quota q),
quota_conv AS (
  SELECT rep_id, period_start, period_end,
         CASE WHEN currency = 'USD' THEN amount
              WHEN amount * r >= 0 THEN (2 * amount * r + 10000) / 20000
              ELSE -((-2 * amount * r + 10000) / 20000) END AS amount
  FROM quota0)
)";

// Half away from zero of x / d for integers, in SQL.
std::string roundDiv(const std::string& x, const std::string& d) {
  return "CASE WHEN (" + x + ") >= 0 THEN (2 * (" + x + ") + " + d + ") / (2 * " + d + ") ELSE -((-2 * (" + x + ") + " +
         d + ") / (2 * " + d + ")) END";
}

const std::string kInScope = " IN (SELECT id FROM temp.scope_rep) ";

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(engine_); }
  std::string date(int fromDay, int toDay) { return Date{between(fromDay, toDay)}.toString(); }

 private:
  std::mt19937_64 engine_;
};

const int kFrom = Date::fromCivil(2025, 1, 1).days;
const int kTo = Date::fromCivil(2026, 12, 31).days;

void fill(Database& db, Random& rnd) {
  db.exec(
      "INSERT INTO fx_rate(currency, valid_from, rate) VALUES ('EUR', '2025-01-01', '1.0850'), "
      "('EUR', '2025-09-15', '1.1213'), ('EUR', '2026-04-01', '0.9987'), ('GBP', '2025-06-01', '1.27')");
  const int reps = rnd.between(5, 10);
  auto rep = db.prepare(
      "INSERT INTO rep(id, external_id, name, team, manager_id, start_date, end_date) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  for (int r = 1; r <= reps; ++r) {
    rep.bind(1, r).bind(2, "R" + std::to_string(r)).bind(3, "Rep " + std::to_string(r));
    const int team = rnd.between(0, 2);
    if (team > 0) rep.bind(4, std::string(team == 1 ? "East" : "West"));
    if (r > 1 && rnd.chance(0.7)) rep.bind(5, rnd.between(1, r - 1));
    if (rnd.chance(0.5)) rep.bind(6, rnd.date(kFrom - 400, kTo));
    if (rnd.chance(0.3)) rep.bind(7, rnd.date(kFrom, kTo + 100));
    rep.run();
    rep.reset();  // run() keeps the bindings; the optional columns must start empty
  }
  const int opps = rnd.between(100, 250);
  auto opp = db.prepare(
      "INSERT INTO opportunity(id, external_id, owner_rep_id, stage_id, amount, currency, "
      "probability, created_date, close_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  const char* currencies[] = {"USD", "EUR", "GBP"};
  for (int o = 1; o <= opps; ++o) {
    const int created = rnd.between(kFrom - 100, kTo);
    opp.bind(1, o).bind(2, "O" + std::to_string(o)).bind(3, rnd.between(1, reps)).bind(4, rnd.between(1, 7));
    opp.bind(5, rnd.between(0, 2000000));
    if (rnd.chance(0.8)) opp.bind(6, std::string(currencies[rnd.between(0, 2)]));
    if (rnd.chance(0.3)) opp.bind(7, rnd.between(0, 10000));
    opp.bind(8, Date{created}.toString()).bind(9, Date{created + rnd.between(0, 250)}.toString()).run();
    opp.reset();
    if (rnd.chance(0.15)) {
      const int first = rnd.between(1, reps), second = first % reps + 1, share = rnd.between(1, 9999);
      auto split = db.prepare("INSERT INTO opportunity_split(opportunity_id, rep_id, percent) VALUES (?1, ?2, ?3)");
      split.bind(1, o).bind(2, first).bind(3, share).run();
      split.bind(1, o).bind(2, second).bind(3, 10000 - share).run();
    }
  }
  auto quota = db.prepare(
      "INSERT OR IGNORE INTO quota(rep_id, period_start, period_end, amount, currency) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  for (int i = 0; i < reps * 4; ++i) {
    const int start = rnd.between(kFrom, kTo);
    quota.bind(1, rnd.between(1, reps)).bind(2, Date{start}.toString());
    quota.bind(3, Date{start + rnd.between(0, 120)}.toString()).bind(4, rnd.between(0, 5000000));
    quota.bind(5, std::string(rnd.chance(0.7) ? "USD" : "EUR")).run();
  }
  auto lead = db.prepare(
      "INSERT INTO lead(external_id, created_at, owner_rep_id, first_response_at, "
      "converted_opportunity_id) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (int i = 0; i < 150; ++i) {
    const std::int64_t created = std::int64_t{rnd.between(kFrom, kTo)} * 86400 + rnd.between(0, 86399);
    lead.bind(1, "L" + std::to_string(i)).bind(2, Timestamp{created}.toString());
    if (rnd.chance(0.9)) lead.bind(3, rnd.between(1, reps));
    if (rnd.chance(0.7)) lead.bind(4, Timestamp{created + rnd.between(0, 200000)}.toString());
    if (rnd.chance(0.3)) lead.bind(5, rnd.between(1, opps));
    lead.run();
    lead.reset();
  }
  auto activity = db.prepare(
      "INSERT INTO activity(external_id, rep_id, type, started_at, duration_minutes, "
      "selling) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  const char* types[] = {"call", "meeting", "email", "task", "admin", "training"};
  for (int i = 0; i < 300; ++i) {
    activity.bind(1, "A" + std::to_string(i));
    if (rnd.chance(0.95)) activity.bind(2, rnd.between(1, reps));
    activity.bind(3, std::string(types[rnd.between(0, 5)]));
    activity.bind(4, Timestamp{std::int64_t{rnd.between(kFrom, kTo)} * 86400 + rnd.between(0, 86399)}.toString());
    if (rnd.chance(0.9)) activity.bind(5, rnd.between(0, 240));
    if (rnd.chance(0.3)) activity.bind(6, rnd.between(0, 1));
    activity.run();
    activity.reset();
  }
}

struct SqlKpis {
  std::int64_t bookings = 0, pipeline = 0, weighted = 0;
  double quota = 0;
  std::int64_t won = 0, closed = 0, leads = 0, converted = 0, meetings = 0, employed = 0;
  std::int64_t dealSize = 0;
  double cycle = 0;
};

SqlKpis evaluateSql(Database& db, const Period& p) {
  SqlKpis k;
  const std::string closedInP = " c.close_date BETWEEN ?1 AND ?2 ";
  const auto run = [&](const std::string& select, auto&& read) {
    Statement q = db.prepare(std::string(kConverted) + select);
    q.bind(1, p.start.toString()).bind(2, p.end.toString());
    if (q.step()) read(q);
  };
  run("SELECT " + roundDiv("coalesce(sum(credit), 0)", "10000") +
          " FROM ("
          " SELECT c.amount * sp.percent AS credit FROM conv c JOIN opportunity_split sp ON sp.opportunity_id = c.id"
          "  WHERE c.kind = 'won' AND" +
          closedInP + "AND sp.rep_id" + kInScope +
          " UNION ALL SELECT c.amount * 10000 FROM conv c WHERE c.kind = 'won' AND" + closedInP + "AND c.owner" +
          kInScope + "  AND NOT EXISTS (SELECT 1 FROM opportunity_split sp WHERE sp.opportunity_id = c.id))",
      [&](Statement& q) { k.bookings = q.int64(0); });
  run("SELECT coalesce(sum(q.amount * (julianday(min(q.period_end, ?2)) - julianday(max(q.period_start, ?1)) + 1)"
      " / (julianday(q.period_end) - julianday(q.period_start) + 1)), 0) FROM quota_conv q"
      " WHERE q.rep_id" +
          kInScope + "AND q.period_start <= ?2 AND q.period_end >= ?1",
      [&](Statement& q) { k.quota = q.real(0); });
  run("SELECT count(*) FILTER (WHERE c.kind = 'won'), count(*), coalesce(sum(c.amount) FILTER (WHERE c.kind = 'won'), "
      "0),"
      " avg(julianday(c.close_date) - julianday(c.created_date)) FILTER (WHERE c.kind = 'won')"
      " FROM conv c WHERE c.kind IN ('won', 'lost') AND" +
          closedInP + "AND c.owner" + kInScope,
      [&](Statement& q) {
        k.won = q.int64(0);
        k.closed = q.int64(1);
        if (k.won > 0) {
          const std::int64_t sum = q.int64(2);
          k.dealSize = sum >= 0 ? (2 * sum + k.won) / (2 * k.won) : -((-2 * sum + k.won) / (2 * k.won));
          k.cycle = q.real(3);
        }
      });
  run("SELECT coalesce(sum(c.amount), 0), " + roundDiv("coalesce(sum(c.amount * c.prob), 0)", "10000") +
          " FROM conv c WHERE c.kind = 'open' AND" + closedInP + "AND c.owner" + kInScope,
      [&](Statement& q) {
        k.pipeline = q.int64(0);
        k.weighted = q.int64(1);
      });
  run("SELECT count(*), count(converted_opportunity_id) FROM lead"
      " WHERE substr(created_at, 1, 10) BETWEEN ?1 AND ?2 AND owner_rep_id" +
          kInScope,
      [&](Statement& q) {
        k.leads = q.int64(0);
        k.converted = q.int64(1);
      });
  run("SELECT (SELECT count(*) FROM activity WHERE type = 'meeting' AND substr(started_at, 1, 10) BETWEEN ?1 AND ?2"
      "   AND rep_id" +
          kInScope +
          "),"
          " (SELECT count(*) FROM rep WHERE id" +
          kInScope + " AND (start_date IS NULL OR start_date <= ?2) AND (end_date IS NULL OR end_date >= ?1))",
      [&](Statement& q) {
        k.meetings = q.int64(0);
        k.employed = q.int64(1);
      });
  return k;
}

// The alternative definitions, in SQL: win rate, deal size and cycle over the opportunities created in P
// (cohort), cycle over won and lost (all_closed), and coverage over the full quota.
struct SqlCohort {
  std::int64_t won = 0, closed = 0, dealSize = 0;
  double cycle = 0;
  bool anyClosed = false;
};

SqlCohort evaluateCohortSql(Database& db, const Period& p) {
  SqlCohort k;
  Statement q =
      db.prepare(std::string(kConverted) +
                 "SELECT count(*) FILTER (WHERE c.kind = 'won'), count(*),"
                 " coalesce(sum(c.amount) FILTER (WHERE c.kind = 'won'), 0),"
                 " avg(julianday(c.close_date) - julianday(c.created_date))"
                 " FROM conv c WHERE c.kind IN ('won', 'lost') AND c.created_date BETWEEN ?1 AND ?2 AND c.owner" +
                 kInScope);
  q.bind(1, p.start.toString()).bind(2, p.end.toString());
  if (q.step()) {
    k.won = q.int64(0);
    k.closed = q.int64(1);
    k.anyClosed = k.closed > 0;
    if (k.won > 0) {
      const std::int64_t sum = q.int64(2);
      k.dealSize = sum >= 0 ? (2 * sum + k.won) / (2 * k.won) : -((-2 * sum + k.won) / (2 * k.won));
    }
    if (k.anyClosed) k.cycle = q.real(3);
  }
  return k;
}

// Rounded money from a floating SQL sum: equal unless the exact value sits on a half cent, where the float
// sum cannot say which way it rounds.
void expectSameMoney(std::int64_t engine, double sql, const std::string& what) {
  const double fraction = std::fabs(sql - std::trunc(sql));
  if (std::fabs(fraction - 0.5) > 1e-6) {
    EXPECT_EQ(engine, static_cast<std::int64_t>(std::llround(sql))) << what;
  } else {
    EXPECT_LE(std::fabs(static_cast<double>(engine) - sql), 0.5 + 1e-6) << what;
  }
}

// A random workbook filled in one transaction, with an empty temp.scope_rep table for the SQL side.
std::unique_ptr<Workbook> randomWorkbook(const testing::TempDir& dir, Random& rnd) {
  auto workbook = Workbook::create(dir / "random.salesops");
  {
    Transaction t(workbook->db());
    fill(workbook->db(), rnd);
    t.commit();
  }
  workbook->db().exec("CREATE TEMP TABLE scope_rep(id INTEGER PRIMARY KEY)");
  return workbook;
}

// A random scope (everyone in round 0), as engine rep indexes and as rows of temp.scope_rep: rep index r is
// rep id r + 1, the loader keeps id order.
KpiGroup randomScope(Database& db, Random& rnd, int reps, int round, double share) {
  KpiGroup group{"g", "g", {}};
  db.exec("DELETE FROM temp.scope_rep");
  auto add = db.prepare("INSERT INTO temp.scope_rep(id) VALUES (?1)");
  for (int r = 0; r < reps; ++r) {
    if (round == 0 || rnd.chance(share)) {
      group.reps.push_back(r);
      add.bind(1, r + 1).run();
    }
  }
  return group;
}

TEST(KpiPropertyTest, EngineAgreesWithPlainSqlOnRandomWorkbooks) {
  int withBookings = 0, withQuota = 0, withPipeline = 0, withLeads = 0, withMeetings = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    testing::TempDir dir;
    Random rnd(seed * 7919);
    auto workbook = randomWorkbook(dir, rnd);
    const KpiSnapshot snapshot = loadKpiSnapshot(*workbook);
    Database& db = workbook->db();
    const int reps = static_cast<int>(snapshot.reps.size());
    for (int round = 0; round < 8; ++round) {
      const KpiGroup group = randomScope(db, rnd, reps, round, 0.4);
      const int start = rnd.between(kFrom, kTo);
      const Period p{Date{start}, Date{start + rnd.between(0, round % 2 == 0 ? 40 : 400)}};
      const KpiGridCell cell = computeKpis(snapshot, {group}, {p}, KpiParams{p.end, std::nullopt}).cell(0, 0);
      const SqlKpis sql = evaluateSql(db, p);
      withBookings += sql.bookings > 0;
      withQuota += sql.quota > 0;
      withPipeline += sql.weighted > 0;
      withLeads += sql.converted > 0;
      withMeetings += sql.meetings > 0;
      const std::string what = "seed " + std::to_string(seed) + " round " + std::to_string(round) + " " + p.toString();
      EXPECT_EQ(cell[Bookings].minor, sql.bookings) << what;
      expectSameMoney(cell[Quota].minor, sql.quota, what + " quota");
      EXPECT_EQ(cell[Pipeline].minor, sql.pipeline) << what;
      EXPECT_EQ(cell[WeightedPipeline].minor, sql.weighted) << what;
      ASSERT_EQ(cell[WinRate].defined, sql.closed > 0) << what;
      if (sql.closed > 0) {
        EXPECT_DOUBLE_EQ(cell[WinRate].number, double(sql.won) / double(sql.closed)) << what;
      }
      ASSERT_EQ(cell[DealSize].defined, sql.won > 0) << what;
      if (sql.won > 0) {
        EXPECT_EQ(cell[DealSize].minor, sql.dealSize) << what;
        EXPECT_NEAR(cell[CycleDays].number, sql.cycle, 1e-9) << what;
      }
      ASSERT_EQ(cell[LeadConversion].defined, sql.leads > 0) << what;
      if (sql.leads > 0) {
        EXPECT_DOUBLE_EQ(cell[LeadConversion].number, double(sql.converted) / double(sql.leads)) << what;
      }
      ASSERT_EQ(cell[MeetingsPerRep].defined, sql.employed > 0) << what;
      if (sql.employed > 0) {
        EXPECT_DOUBLE_EQ(cell[MeetingsPerRep].number, double(sql.meetings) / double(sql.employed)) << what;
      }
    }
  }
  // Not vacuous: most rounds compare real sums.
  for (int n : {withBookings, withQuota, withPipeline, withLeads, withMeetings}) EXPECT_GE(n, 20);
}

TEST(KpiPropertyTest, AlternativeDefinitionsAgreeWithPlainSql) {
  int compared = 0;
  for (std::uint64_t seed = 11; seed <= 14; ++seed) {
    testing::TempDir dir;
    Random rnd(seed * 104729);
    auto workbook = randomWorkbook(dir, rnd);
    const KpiSnapshot snapshot = loadKpiSnapshot(*workbook);
    Database& db = workbook->db();
    const int reps = static_cast<int>(snapshot.reps.size());
    for (int round = 0; round < 8; ++round) {
      const KpiGroup group = randomScope(db, rnd, reps, round, 0.5);
      const int start = rnd.between(kFrom, kTo);
      const Period p{Date{start}, Date{start + rnd.between(20, 300)}};
      KpiParams params{p.end, std::nullopt};
      applyDefinition(params.choices, "closed_set=cohort");
      applyDefinition(params.choices, "cycle_set=all_closed");
      applyDefinition(params.choices, "coverage_base=full_quota");
      const KpiGridCell cell = computeKpis(snapshot, {group}, {p}, params).cell(0, 0);
      const SqlCohort sql = evaluateCohortSql(db, p);
      const SqlKpis plain = evaluateSql(db, p);
      const std::string what = "seed " + std::to_string(seed) + " round " + std::to_string(round) + " " + p.toString();
      ASSERT_EQ(cell[WinRate].defined, sql.closed > 0) << what;
      if (sql.closed > 0) {
        ++compared;
        EXPECT_DOUBLE_EQ(cell[WinRate].number, double(sql.won) / double(sql.closed)) << what;
        EXPECT_NEAR(cell[CycleDays].number, sql.cycle, 1e-9) << what;
      }
      ASSERT_EQ(cell[DealSize].defined, sql.won > 0) << what;
      if (sql.won > 0) {
        EXPECT_EQ(cell[DealSize].minor, sql.dealSize) << what;
      }
      EXPECT_EQ(cell[Bookings].minor, plain.bookings) << what;  // bookings never follow the cohort
      ASSERT_EQ(cell[Coverage].defined, plain.quota > 0) << what;
      if (plain.quota > 0) {
        EXPECT_NEAR(cell[Coverage].number, double(plain.pipeline) / plain.quota, 1e-9 * (1 + cell[Coverage].number))
            << what;
      }
    }
  }
  EXPECT_GE(compared, 16);
}

}  // namespace
}  // namespace salesops
