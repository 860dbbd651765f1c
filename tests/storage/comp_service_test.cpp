// The compensation service against a real workbook: a payout run replaces its open periods' lines in one
// transaction, a cancelled run changes nothing, and a locked period's stored lines never change.
#include <gtest/gtest.h>

#include "common/Error.h"
#include "services/CompService.h"
#include "services/DemoGenerator.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::TempDir;

std::vector<std::string> ledgerRows(Database& db, const std::string& start) {
  auto q = db.prepare(
      "SELECT rep_id || '|' || period_end || '|' || component || '|' || kind || '|' || amount || '|' || detail || '|' "
      "|| (SELECT count(*) FROM comp_credit c WHERE c.line_id = l.id) FROM comp_ledger_line l WHERE period_start = ?1 "
      "ORDER BY 1");
  q.bind(1, start);
  std::vector<std::string> rows;
  while (q.step()) rows.emplace_back(q.text(0));
  return rows;
}

class CompServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    workbook_ = Workbook::create(dir_ / "demo.salesops");
    generateDemo(*workbook_, DemoOptions{3000, 11});
  }
  Period quarter(int q) { return workbook_->fiscalCalendar().quarter(2026, q); }
  const Date today_ = Date::fromCivil(2026, 11, 15);
  TempDir dir_;
  std::unique_ptr<Workbook> workbook_;
};

TEST_F(CompServiceTest, APayoutRunReplacesItsLinesAndACancelledOneChangesNothing) {
  CompService service(*workbook_);
  service.payout(quarter(2), today_);
  Database& db = workbook_->db();
  const auto lines = db.queryInt("SELECT count(*) FROM comp_ledger_line");
  const auto credits = db.queryInt("SELECT count(*) FROM comp_credit");
  ASSERT_GT(lines, 0);
  ASSERT_GT(credits, 0);
  const auto q1 = ledgerRows(db, "2026-01-01");
  service.payout(quarter(2), today_);
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM comp_ledger_line"), lines) << "replaced, not added";
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM comp_credit"), credits);
  EXPECT_EQ(ledgerRows(db, "2026-01-01"), q1);

  CancelToken cancel;
  cancel.cancel();
  LongTask task;
  task.cancel = &cancel;
  try {
    service.payout(quarter(3), today_, task);
    FAIL() << "a cancelled run must throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
  }
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM comp_ledger_line"), lines);
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM comp_period WHERE period_start >= '2026-07-01'"), 0);
}

TEST_F(CompServiceTest, ALockedPeriodsStoredLinesNeverChange) {
  CompService service(*workbook_);
  const auto locked = service.lock(quarter(1), today_);
  // The quarter of the quarterly plans and the three months of the monthly SDR plan.
  ASSERT_EQ(locked.size(), 4u);
  Database& db = workbook_->db();
  const auto before = ledgerRows(db, "2026-01-01");
  ASSERT_FALSE(before.empty());
  // Every won deal of the quarter is lost on 2026-04-10: Q1 stays as paid; Q2 takes the clawbacks of those
  // closed within the AE plan's 90 days (February and March).
  db.exec(
      "INSERT INTO opportunity_history (opportunity_id, changed_at, stage_id) SELECT id, '2026-04-10T00:00:01Z', "
      "(SELECT id FROM stage WHERE kind = 'lost') FROM opportunity WHERE close_date BETWEEN '2026-01-01' AND "
      "'2026-03-31' AND stage_id IN (SELECT id FROM stage WHERE kind = 'won')");
  db.exec(
      "UPDATE opportunity SET stage_id = (SELECT id FROM stage WHERE kind = 'lost') WHERE close_date BETWEEN "
      "'2026-01-01' AND '2026-03-31' AND stage_id IN (SELECT id FROM stage WHERE kind = 'won')");
  service.payout(quarter(2), today_);
  EXPECT_EQ(ledgerRows(db, "2026-01-01"), before);
  EXPECT_GT(
      db.queryInt("SELECT count(*) FROM comp_ledger_line WHERE kind = 'clawback' AND for_period_start = '2026-01-01'"),
      0);
  EXPECT_LT(db.queryInt("SELECT sum(amount) FROM comp_ledger_line WHERE kind = 'clawback'"), 0);
}

}  // namespace
}  // namespace salesops
