#include <gtest/gtest.h>

#include <algorithm>

#include "domain/EntitySchema.h"
#include "services/WorkbookCheck.h"
#include "services/WorkbookInfo.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::TempDir;

// A few consistent rows in every table (the same data as tests/data/workbooks/v1.salesops).
constexpr const char* kSeed = R"sql(
INSERT INTO fx_rate(currency, valid_from, rate) VALUES ('EUR', '2024-01-01', '1.08'), ('EUR', '2025-01-01', '1.1');
INSERT INTO rep(id, external_id, name, email, team, manager_id, role, start_date, end_date) VALUES
  (1, 'R1', 'Mara Boss', 'mara@example.com', 'West', NULL, 'manager', '2020-01-01', NULL),
  (2, 'R2', 'Ann Seller', 'ann@example.com', 'West', 1, 'ae', '2021-03-01', NULL),
  (3, 'R3', 'Bo Seller', 'bo@example.com', 'West', 1, 'ae', '2022-05-01', '2025-12-31');
INSERT INTO account(id, external_id, name, industry, country, region, postal_code, employees, annual_revenue,
                    owner_rep_id, territory_id) VALUES
  (1, 'A1', 'Acme GmbH', 'Manufacturing', 'DE', 'EMEA', '10115', 250, 5000000000, 2, 'T-EMEA'),
  (2, 'A2', 'Globex', 'Software', 'US', 'NA', '94105', 1200, NULL, 3, NULL);
INSERT INTO contact(external_id, account_id, name, email, phone, title) VALUES
  ('C1', 1, 'Hans Meier', 'hans@acme.example', '+49 30 1234', 'CFO'),
  ('C2', 2, 'Jo Park', NULL, NULL, 'VP Sales');
INSERT INTO opportunity(id, external_id, account_id, owner_rep_id, name, type, stage_id, amount, currency, probability,
                        created_date, close_date, forecast_category, lead_source) VALUES
  (1, 'O1', 1, 2, 'Acme expansion', 'expansion', (SELECT id FROM stage WHERE name = 'Proposal'), 12000000, 'EUR',
   NULL, '2025-01-10', '2025-06-30', 'best_case', 'web'),
  (2, 'O2', 2, 3, 'Globex new', 'new_business', (SELECT id FROM stage WHERE name = 'Closed Won'), 5000000, 'USD',
   10000, '2025-02-01', '2025-03-31', 'closed', 'referral'),
  (3, 'O3', 2, 3, 'Globex renewal', 'renewal', (SELECT id FROM stage WHERE name = 'Closed Lost'), 2000050, NULL,
   NULL, '2025-03-01', '2025-04-15', 'omitted', NULL);
INSERT INTO opportunity_split(opportunity_id, rep_id, percent) VALUES (1, 2, 6250), (1, 3, 3750);
INSERT INTO opportunity_history(opportunity_id, changed_at, stage_id, amount, close_date, probability,
                                forecast_category) VALUES
  (1, '2025-01-10T09:00:00Z', (SELECT id FROM stage WHERE name = 'Prospecting'), 10000000, '2025-05-31', NULL,
   'pipeline'),
  (1, '2025-03-02T14:30:00Z', (SELECT id FROM stage WHERE name = 'Proposal'), 12000000, '2025-06-30', 5500,
   'best_case');
INSERT INTO lead(external_id, created_at, source, owner_rep_id, first_response_at, converted_opportunity_id) VALUES
  ('L1', '2025-01-05T08:00:00Z', 'web', 2, '2025-01-05T09:15:00Z', 1),
  ('L2', '2025-02-11T10:00:00Z', 'event', 3, NULL, NULL);
INSERT INTO activity(external_id, rep_id, account_id, opportunity_id, lead_id, type, started_at, duration_minutes,
                     selling) VALUES
  ('X1', 2, 1, 1, NULL, 'meeting', '2025-01-20T13:00:00Z', 60, 1),
  ('X2', 3, 2, NULL, 2, 'call', '2025-02-12T16:00:00Z', 15, NULL),
  ('X3', 3, NULL, NULL, NULL, 'admin', '2025-02-13T08:00:00Z', 30, 0);
INSERT INTO quota(rep_id, period_start, period_end, amount, currency) VALUES
  (2, '2025-01-01', '2025-03-31', 10000000, 'USD'),
  (3, '2025-01-01', '2025-03-31', 8000000, 'EUR');
INSERT INTO forecast_submission(rep_id, period_start, period_end, submitted_at, category, amount, currency) VALUES
  (2, '2025-04-01', '2025-06-30', '2025-04-03T17:00:00Z', 'commit', 9000000, 'USD'),
  (1, '2025-04-01', '2025-06-30', '2025-04-04T17:00:00Z', 'best_case', 20000000, NULL);
)sql";

std::unique_ptr<Workbook> seeded(const TempDir& dir) {
  auto workbook = Workbook::create(dir / "w.salesops");
  workbook->db().exec(kSeed);
  return workbook;
}

std::string render(const std::vector<CheckFinding>& findings) {
  std::string text;
  for (const auto& f : findings) text += f.where + ": " + f.message + "\n";
  return text;
}

bool has(const std::vector<CheckFinding>& findings, const std::string& where, const std::string& part) {
  return std::any_of(findings.begin(), findings.end(), [&](const CheckFinding& f) {
    return f.where == where && f.message.find(part) != std::string::npos;
  });
}

TEST(CheckTest, NewAndSeededWorkbooksAreClean) {
  TempDir dir;
  auto workbook = seeded(dir);
  EXPECT_EQ(render(checkWorkbook(*workbook)), "");
  TempDir other;
  EXPECT_EQ(render(checkWorkbook(*Workbook::create(other / "empty.salesops"))), "");
}

TEST(CheckTest, FindsEveryBrokenInvariantAndNamesTheRow) {
  TempDir dir;
  auto workbook = seeded(dir);
  Database& db = workbook->db();
  // Rows that import would never write, as a file edited by another tool might hold them.
  db.exec("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON");
  db.exec(R"sql(
    UPDATE opportunity_split SET percent = 5000 WHERE opportunity_id = 1 AND rep_id = 3;
    UPDATE rep SET manager_id = 3 WHERE external_id = 'R1';
    UPDATE rep SET manager_id = 2 WHERE external_id = 'R3';
    UPDATE rep SET manager_id = 3 WHERE external_id = 'R2';
    UPDATE quota SET period_end = '2024-12-31' WHERE rep_id = 2;
    UPDATE forecast_submission SET period_start = '2025-07-01' WHERE rep_id = 1;
    UPDATE opportunity SET currency = 'GBP' WHERE external_id = 'O1';
    INSERT INTO quota(rep_id, period_start, period_end, amount, currency) VALUES (1, '2025-01-01', '2025-03-31', 1, 'JPY');
    UPDATE opportunity SET probability = 8000 WHERE external_id = 'O2';
    UPDATE opportunity SET probability = 5000, close_date = '2025-02-01' WHERE external_id = 'O3';
    UPDATE account SET owner_rep_id = 99 WHERE external_id = 'A2';
  )sql");
  const auto findings = checkWorkbook(*workbook);
  const auto text = render(findings);
  EXPECT_TRUE(has(findings, "opportunity O1", "splits sum to 112.5%, not 100%")) << text;
  EXPECT_TRUE(has(findings, "rep R3", "the manager chain loops: R3 -> R2 -> R3")) << text;
  EXPECT_TRUE(has(findings, "quota R2 2025-01-01 2024-12-31", "period_end 2024-12-31 is before period_start")) << text;
  EXPECT_TRUE(has(findings, "forecast_submission R1 2025-07-01 2025-06-30 2025-04-04T17:00:00Z best_case",
                  "period_end 2025-06-30 is before period_start 2025-07-01"))
      << text;
  EXPECT_TRUE(has(findings, "opportunity O1", "currency GBP has no fx_rate (used by 1 opportunity row)")) << text;
  EXPECT_TRUE(has(findings, "quota R1 2025-01-01 2025-03-31", "currency JPY has no fx_rate")) << text;
  EXPECT_TRUE(has(findings, "opportunity O2", "probability 80 in won stage \"Closed Won\" (must be 100 or empty)"))
      << text;
  EXPECT_TRUE(has(findings, "opportunity O3", "probability 50 in lost stage \"Closed Lost\" (must be 0 or empty)"))
      << text;
  EXPECT_TRUE(has(findings, "opportunity O3", "close_date 2025-02-01 is before created_date 2025-03-01")) << text;
  EXPECT_TRUE(has(findings, "account A2", "owner_rep_id refers to a rep that does not exist")) << text;
  EXPECT_EQ(findings.size(), 10u) << text;
}

TEST(CheckTest, ForeignKeyProblemsOnNaturalKeysNameTheReferences) {
  TempDir dir;
  auto workbook = seeded(dir);
  workbook->db().exec("PRAGMA foreign_keys = OFF");
  workbook->db().exec("INSERT INTO opportunity_split(opportunity_id, rep_id, percent) VALUES (2, 42, 10000)");
  const auto findings = checkWorkbook(*workbook);
  EXPECT_TRUE(has(findings, "opportunity_split O2 #42", "rep_id refers to a rep that does not exist"))
      << render(findings);
}

TEST(WorkbookInfoTest, CountsEveryEntityAndTheCloseDateRange) {
  TempDir dir;
  auto workbook = seeded(dir);
  const auto info = readWorkbookInfo(*workbook);
  EXPECT_EQ(info.path, (dir / "w.salesops").string());
  EXPECT_EQ(info.schemaVersion, Workbook::currentSchemaVersion());
  EXPECT_EQ(info.settings.currency, "USD");
  ASSERT_EQ(info.rowCounts.size(), entities().size());  // 12 of DOMAIN.md, 6 of TERRITORY.md, comp_assignment
  ASSERT_EQ(info.rowCounts.size(), 19u);
  EXPECT_EQ(info.rowCounts[0], (std::pair<std::string, std::int64_t>{"stage", 7}));
  EXPECT_EQ(info.rowCounts[2], (std::pair<std::string, std::int64_t>{"rep", 3}));
  EXPECT_EQ(info.rowCounts[5], (std::pair<std::string, std::int64_t>{"opportunity", 3}));
  EXPECT_EQ(info.firstCloseDate, Date::fromCivil(2025, 3, 31));
  EXPECT_EQ(info.lastCloseDate, Date::fromCivil(2025, 6, 30));

  const auto text = formatWorkbookInfo(info);
  EXPECT_NE(text.find("Workbook:      " + (dir / "w.salesops").string() + "\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Currency:      USD\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Fiscal year:   starts in January (month 1)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("As of:         today\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Close dates:   2025-03-31 .. 2025-06-30\n"), std::string::npos) << text;
  // Names padded to the longest ("territory_named_account", 23 characters) plus two spaces, counts
  // right-aligned.
  EXPECT_NE(text.find("  stage                    7\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  forecast_submission      2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  territory_named_account  0\n"), std::string::npos) << text;
}

TEST(WorkbookInfoTest, EmptyWorkbookHasNoCloseDates) {
  TempDir dir;
  WorkbookSettings settings;
  settings.fiscalYearStartMonth = 10;
  settings.asOf = Date::fromCivil(2026, 1, 15);
  auto workbook = Workbook::create(dir / "e.salesops", settings);
  const auto info = readWorkbookInfo(*workbook);
  EXPECT_FALSE(info.firstCloseDate.has_value());
  const auto text = formatWorkbookInfo(info);
  EXPECT_NE(text.find("Close dates:   none (no opportunities)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("starts in October (month 10)"), std::string::npos) << text;
  EXPECT_NE(text.find("As of:         2026-01-15\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace salesops
