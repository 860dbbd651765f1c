// The demo workbook: deterministic per seed, scaled by the opportunity count, and internally consistent
// (the same invariants `check` enforces, plus the business shape the KPIs are demonstrated with).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/Error.h"
#include "services/DemoGenerator.h"
#include "services/WorkbookCheck.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::TempDir;

constexpr std::int64_t kSmall = 2000;

std::unique_ptr<Workbook> makeDemo(const std::filesystem::path& path, std::int64_t opportunities, std::uint64_t seed,
                                   DemoSummary* summary = nullptr) {
  auto workbook = Workbook::create(path);
  const DemoSummary made = generateDemo(*workbook, DemoOptions{opportunities, seed});
  if (summary) *summary = made;
  return workbook;
}

// Every row of every table but the audit log (whose times are the wall clock), in id order.
std::string dump(Workbook& workbook) {
  static const char* const kTables[] = {"settings",
                                        "stage",
                                        "fx_rate",
                                        "rep",
                                        "account",
                                        "contact",
                                        "opportunity",
                                        "opportunity_split",
                                        "opportunity_history",
                                        "lead",
                                        "activity",
                                        "quota",
                                        "forecast_submission"};
  std::string text;
  for (const char* table : kTables) {
    const std::string order = std::string(table) == "settings" ? "key" : "id";
    Statement query = workbook.db().prepare(std::string("SELECT * FROM ") + table + " ORDER BY " + order);
    text += std::string("## ") + table + "\n";
    while (query.step()) {
      for (int c = 0; c < query.columnCount(); ++c) {
        text += query.isNull(c) ? std::string("\\N") : std::string(query.text(c));
        text += '|';
      }
      text += '\n';
    }
  }
  return text;
}

std::int64_t count(Workbook& workbook, const std::string& sql) { return workbook.db().queryInt(sql); }

TEST(DemoTest, SameSeedGivesIdenticalDataAndAnotherSeedDiffers) {
  TempDir dir;
  auto first = makeDemo(dir / "a.salesops", kSmall, 7);
  auto second = makeDemo(dir / "b.salesops", kSmall, 7);
  auto other = makeDemo(dir / "c.salesops", kSmall, 8);
  const std::string expected = dump(*first);
  EXPECT_EQ(expected, dump(*second));
  EXPECT_NE(expected, dump(*other));
}

TEST(DemoTest, CountsScaleWithTheOpportunities) {
  TempDir dir;
  DemoSummary small, large;
  auto a = makeDemo(dir / "small.salesops", 1000, 3, &small);
  auto b = makeDemo(dir / "large.salesops", 8000, 3, &large);

  EXPECT_EQ(small.opportunities, 1000);
  EXPECT_EQ(large.opportunities, 8000);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM opportunity"), 8000);
  EXPECT_EQ(small.reps, 12);
  EXPECT_EQ(large.reps, 20);
  EXPECT_EQ(large.accounts, 1000);
  EXPECT_GT(large.contacts, large.accounts * 13 / 10);
  EXPECT_LT(large.contacts, large.accounts * 17 / 10);
  EXPECT_EQ(large.leads, 4000);
  EXPECT_GT(large.history, 2 * 8000);
  EXPECT_LT(large.history, 4 * 8000);
  EXPECT_GT(large.activities, 15 * 8000 / 10);
  EXPECT_LT(large.activities, 26 * 8000 / 10);
  EXPECT_GT(large.quotas, small.quotas);
  EXPECT_GT(large.forecastSubmissions, small.forecastSubmissions);
  EXPECT_EQ(large.fxRates, 4 * 37);

  // The summary matches what was written.
  EXPECT_EQ(count(*b, "SELECT count(*) FROM rep"), large.reps);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM account"), large.accounts);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM contact"), large.contacts);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM opportunity_history"), large.history);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM opportunity_split"), large.splits);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM lead"), large.leads);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM activity"), large.activities);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM quota"), large.quotas);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM forecast_submission"), large.forecastSubmissions);
  EXPECT_EQ(count(*b, "SELECT count(*) FROM fx_rate"), large.fxRates);
}

class DemoInvariants : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    workbook_ = makeDemo(*dir_ / "demo.salesops", 3000, 1).release();
  }
  static void TearDownTestSuite() {
    delete workbook_;
    delete dir_;
  }
  Workbook& wb() { return *workbook_; }
  std::int64_t q(const std::string& sql) { return count(*workbook_, sql); }

  static TempDir* dir_;
  static Workbook* workbook_;
};
TempDir* DemoInvariants::dir_ = nullptr;
Workbook* DemoInvariants::workbook_ = nullptr;

TEST_F(DemoInvariants, SettingsDescribeTheDemoBusiness) {
  const WorkbookSettings settings = wb().settings();
  EXPECT_EQ(settings.currency, "USD");
  EXPECT_EQ(settings.fiscalYearStartMonth, 1);
  ASSERT_TRUE(settings.asOf.has_value());
  EXPECT_EQ(settings.asOf->toString(), "2026-11-15");
  EXPECT_EQ(q("SELECT count(*) FROM stage"), 7);  // the default stages were reused, not added
}

TEST_F(DemoInvariants, ConnectionSettingsAreRestored) {
  Statement mode = wb().db().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.step());
  EXPECT_EQ(mode.text(0), "wal");
  mode.reset();
  EXPECT_EQ(q("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(q("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN ('activity_rep', "
              "'opportunity_owner_close', 'opportunity_key', 'lead_owner')"),
            4);
}

TEST_F(DemoInvariants, StagesAndDatesAreConsistent) {
  EXPECT_EQ(q("SELECT count(*) FROM opportunity o LEFT JOIN stage s ON s.id = o.stage_id WHERE s.id IS NULL"), 0);
  EXPECT_EQ(q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id "
              "WHERE s.kind != 'open' AND o.close_date > '2026-11-15'"),
            0);
  EXPECT_EQ(q("SELECT count(*) FROM opportunity WHERE close_date < created_date OR created_date > '2026-11-15'"), 0);
  const auto open = q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE s.kind = 'open'");
  const auto future =
      q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id "
        "WHERE s.kind = 'open' AND o.close_date > '2026-11-15'");
  EXPECT_GT(open, 0);
  EXPECT_GT(future * 10, open * 7) << "open deals mostly close after the as-of date";
  EXPECT_LT(future, open) << "some open deals are past due";
  // Forecast categories follow the stage kind.
  EXPECT_EQ(q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE "
              "(s.kind = 'won' AND o.forecast_category != 'closed') OR "
              "(s.kind = 'lost' AND o.forecast_category != 'omitted') OR "
              "(s.kind = 'open' AND o.forecast_category = 'closed')"),
            0);
  // Every deal has history; its first row is no earlier than the deal and names a stage.
  EXPECT_EQ(q("SELECT count(*) FROM opportunity o WHERE NOT EXISTS "
              "(SELECT 1 FROM opportunity_history h WHERE h.opportunity_id = o.id)"),
            0);
  EXPECT_EQ(q("SELECT count(*) FROM opportunity o JOIN opportunity_history h ON h.opportunity_id = o.id "
              "WHERE substr(h.changed_at, 1, 10) < o.created_date OR h.stage_id IS NULL"),
            0);
  // Non-USD deals have rates.
  EXPECT_EQ(q("SELECT count(*) FROM opportunity WHERE currency != 'USD' AND currency NOT IN "
              "(SELECT currency FROM fx_rate)"),
            0);
  EXPECT_GE(q("SELECT count(DISTINCT currency) FROM opportunity"), 4);
}

TEST_F(DemoInvariants, SplitsSumToOneHundredPercent) {
  EXPECT_GT(q("SELECT count(*) FROM opportunity_split"), 0);
  EXPECT_EQ(q("SELECT count(*) FROM (SELECT opportunity_id, sum(percent) AS total FROM opportunity_split "
              "GROUP BY opportunity_id) WHERE total != 10000"),
            0);
}

TEST_F(DemoInvariants, HierarchyIsOneTreeWithoutCycles) {
  EXPECT_EQ(q("SELECT count(*) FROM rep WHERE manager_id IS NULL"), 1);
  std::map<std::int64_t, std::optional<std::int64_t>> managerOf;
  Statement reps = wb().db().prepare("SELECT id, manager_id FROM rep");
  while (reps.step()) managerOf[reps.int64(0)] = reps.optionalInt64(1);
  for (const auto& [id, manager] : managerOf) {
    std::optional<std::int64_t> up = manager;
    std::size_t steps = 0;
    while (up && steps <= managerOf.size()) {
      ASSERT_TRUE(managerOf.count(*up)) << "rep " << id << " has an unknown manager";
      up = managerOf[*up];
      ++steps;
    }
    EXPECT_FALSE(up.has_value()) << "rep " << id << " is in a management cycle";
  }
  EXPECT_GT(q("SELECT count(*) FROM rep WHERE end_date IS NOT NULL"), 0);
  EXPECT_GT(q("SELECT count(*) FROM rep WHERE start_date > '2024-01-01'"), 0);
  EXPECT_GT(q("SELECT count(*) FROM rep WHERE role = 'sdr'"), 0);
}

TEST_F(DemoInvariants, WinRateAndSeasonalityLookReal) {
  const auto won = q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE s.kind = 'won'");
  const auto lost = q("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE s.kind = 'lost'");
  ASSERT_GT(won + lost, 0);
  const double winRate = static_cast<double>(won) / static_cast<double>(won + lost);
  EXPECT_GE(winRate, 0.15);
  EXPECT_LE(winRate, 0.35);
  // Q4 books more than Q3 over the two complete years (USD deals, so no conversion is needed).
  auto bookings = [&](const char* from, const char* to) {
    return q(std::string("SELECT coalesce(sum(o.amount), 0) FROM opportunity o JOIN stage s ON s.id = o.stage_id "
                         "WHERE s.kind = 'won' AND o.currency = 'USD' AND substr(o.close_date, 6, 2) BETWEEN '") +
             from + "' AND '" + to + "' AND o.close_date BETWEEN '2024-01-01' AND '2025-12-31'");
  };
  EXPECT_GT(bookings("10", "12"), bookings("07", "09"));
}

TEST_F(DemoInvariants, PlansAndActivitiesArePresent) {
  // Quotas only for AEs, whole quarters, in USD; weekly calls in all three categories.
  EXPECT_EQ(q("SELECT count(*) FROM quota qu JOIN rep r ON r.id = qu.rep_id WHERE r.role != 'ae'"), 0);
  EXPECT_EQ(q("SELECT count(*) FROM quota WHERE currency != 'USD' OR amount <= 0"), 0);
  EXPECT_EQ(q("SELECT count(DISTINCT category) FROM forecast_submission"), 3);
  EXPECT_EQ(q("SELECT count(*) FROM forecast_submission WHERE submitted_at > '2026-11-16'"), 0);
  EXPECT_GT(q("SELECT count(*) FROM lead WHERE first_response_at IS NULL"), 0);
  EXPECT_GT(q("SELECT count(*) FROM lead WHERE converted_opportunity_id IS NOT NULL"), 0);
  EXPECT_EQ(q("SELECT count(*) FROM lead WHERE first_response_at < created_at"), 0);
  EXPECT_EQ(q("SELECT count(DISTINCT type) FROM activity"), 6);
  EXPECT_GT(q("SELECT count(*) FROM activity WHERE selling IS NULL") * 10, q("SELECT count(*) FROM activity") * 9);
}

TEST_F(DemoInvariants, WorkbookCheckFindsNothing) {
  const auto findings = checkWorkbook(wb());
  for (const auto& finding : findings) ADD_FAILURE() << finding.where << ": " << finding.message;
  EXPECT_TRUE(findings.empty());
}

TEST_F(DemoInvariants, TerritoriesAreActiveAndEveryAccountIsAssigned) {
  EXPECT_EQ(q("SELECT count(*) FROM territory_model WHERE status = 'active' AND active_from = '2026-01-01'"), 1);
  EXPECT_EQ(q("SELECT count(*) FROM territory_model WHERE status = 'planning'"), 1);
  // Every country of the demo falls under a territory; the two named accounts keep their territories.
  EXPECT_EQ(q("SELECT count(*) FROM territory_assignment"), q("SELECT count(*) FROM account"));
  EXPECT_EQ(q("SELECT count(*) FROM territory_assignment WHERE source = 'named'"), 2);
  EXPECT_EQ(q("SELECT count(*) FROM account a JOIN territory_assignment t ON t.account_id = a.id "
              "WHERE a.territory_id IS NOT t.territory_id"),
            0);
  // Germany's territory holds the German accounts, less AC000001 (named to US-ENT) if German, plus AC000002
  // (named to DACH) unless it is German anyway.
  const auto german = [&](const char* id) {
    return q("SELECT count(*) FROM account WHERE country = 'Germany' AND external_id = '" + std::string(id) + "'");
  };
  EXPECT_EQ(q("SELECT count(*) FROM account WHERE territory_id = 'DACH'"),
            q("SELECT count(*) FROM account WHERE country = 'Germany'") - german("AC000001") + 1 - german("AC000002"));
}

TEST(DemoTest, RefusesAWorkbookThatHasData) {
  TempDir dir;
  auto workbook = makeDemo(dir / "demo.salesops", 500, 1);
  try {
    generateDemo(*workbook, DemoOptions{500, 2});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
  }
  EXPECT_EQ(count(*workbook, "SELECT count(*) FROM opportunity"), 500);
  EXPECT_THROW(generateDemo(*workbook, DemoOptions{0, 1}), Error);
}

TEST(DemoTest, CancellingLeavesTheWorkbookAsItWas) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "demo.salesops");
  const auto indexes = count(*workbook, "SELECT count(*) FROM sqlite_master WHERE type = 'index'");
  CancelToken token;
  std::int64_t lastDone = 0;
  LongTask task{[&](const std::string& stage, std::int64_t done, std::int64_t) {
                  if (stage == "opportunities") lastDone = done;
                  if (done > 0) token.cancel();
                },
                &token};
  try {
    generateDemo(*workbook, DemoOptions{10000, 1}, task);
    FAIL() << "expected cancellation";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
  }
  EXPECT_GT(lastDone, 0);
  EXPECT_EQ(count(*workbook, "SELECT count(*) FROM rep"), 0);
  EXPECT_EQ(count(*workbook, "SELECT count(*) FROM opportunity"), 0);
  EXPECT_EQ(count(*workbook, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"), indexes);
  // And the demo still runs afterwards.
  EXPECT_EQ(generateDemo(*workbook, DemoOptions{kSmall, 1}).opportunities, kSmall);
}

TEST(DemoTest, ReportsProgressUpToTheTotal) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "demo.salesops");
  std::int64_t done = 0, total = 0;
  LongTask task{[&](const std::string& stage, std::int64_t d, std::int64_t t) {
                  if (stage != "opportunities") return;
                  EXPECT_GE(d, done);
                  done = d;
                  total = t;
                },
                nullptr};
  generateDemo(*workbook, DemoOptions{kSmall, 1}, task);
  EXPECT_EQ(done, kSmall);
  EXPECT_EQ(total, kSmall);
}

}  // namespace
}  // namespace salesops
