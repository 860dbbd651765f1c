// TableQuery is the SQL behind the GUI's tables; it is tested here, beside its only user.
#include <gtest/gtest.h>

#include "GuiTestSupport.h"
#include "common/Error.h"
#include "storage/TableQuery.h"
#include "support/TempDir.h"

namespace {

class TableQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    guitest::createSmallWorkbook(dir_ / "q.salesops");
    workbook_ = salesops::Workbook::open(dir_ / "q.salesops");
  }
  std::vector<std::int64_t> ids(const std::string& sort, bool ascending = true, const std::string& filter = "") {
    salesops::TableQuerySpec query;
    query.sortField = sort;
    query.ascending = ascending;
    query.filter = filter;
    return salesops::queryRowIds(workbook_->db(), *salesops::findEntity("opportunity"), query);
  }
  void setOpportunity(std::int64_t id, std::int64_t minorUnits, const char* currency) {
    auto statement = workbook_->db().prepare("UPDATE opportunity SET amount = ?, currency = ? WHERE id = ?");
    statement.bind(1, minorUnits).bind(2, std::string_view(currency)).bind(3, id).run();
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<salesops::Workbook> workbook_;
};

TEST_F(TableQueryTest, DefaultOrderIsInsertionOrder) {
  EXPECT_EQ(ids(""), (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(salesops::countRows(workbook_->db(), *salesops::findEntity("opportunity")), 6);
}

TEST_F(TableQueryTest, SortsByAmountAndReverses) {
  // Amounts in cents: 500000, 12000000, 75050, 3000000, 990000, 1.
  EXPECT_EQ(ids("amount"), (std::vector<std::int64_t>{6, 3, 1, 5, 4, 2}));
  EXPECT_EQ(ids("amount", false), (std::vector<std::int64_t>{2, 4, 5, 1, 3, 6}));
}

TEST_F(TableQueryTest, MoneySortsByTheWrittenAmountAcrossCurrencies) {
  setOpportunity(1, 1250, "USD");    // 12.50
  setOpportunity(2, 1000, "JPY");    // 1000
  setOpportunity(3, 999, "EUR");     // 9.99
  setOpportunity(4, 5, "KWD");       // 0.005
  setOpportunity(5, 100100, "USD");  // 1001.00
  setOpportunity(6, 2000, "JPY");
  EXPECT_EQ(ids("amount"), (std::vector<std::int64_t>{4, 3, 1, 2, 5, 6}));
}

TEST_F(TableQueryTest, MoneySortsWhenNoRowNamesACurrency) {
  // Rows without a currency are in the corporate one; with no code at all the order is the amounts' order.
  workbook_->db().prepare("UPDATE opportunity SET currency = NULL").run();
  EXPECT_EQ(ids("amount"), (std::vector<std::int64_t>{6, 3, 1, 5, 4, 2}));
}

TEST_F(TableQueryTest, SortsReferencesByKeyAndStagesByPipelineOrder) {
  EXPECT_EQ(ids("account_id"), (std::vector<std::int64_t>{1, 4, 2, 3, 6, 5}));
  // Prospecting, Qualification, Proposal, Negotiation, Closed Won, Closed Lost.
  EXPECT_EQ(ids("stage"), (std::vector<std::int64_t>{1, 5, 2, 3, 4, 6}));
}

TEST_F(TableQueryTest, FilterMatchesTextAndReferencedKeysLiterally) {
  EXPECT_EQ(ids("", true, "initech"), (std::vector<std::int64_t>{3, 6}));
  EXPECT_EQ(ids("", true, "R002"), (std::vector<std::int64_t>{2, 5}));
  EXPECT_EQ(ids("", true, "2026-02"), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(ids("", true, "100%").empty());
  // Unescaped, "r_n" would match "Acme renewal".
  EXPECT_TRUE(ids("", true, "r_n").empty());
  EXPECT_EQ(ids("amount", false, "acme"), (std::vector<std::int64_t>{4, 1}));
}

// The fixture: O001 R001 Prospecting 2026-03-31, O002 R002 Proposal 04-30, O003 R003 Negotiation 05-15,
// O004 R001 Closed Won 02-28, O005 R002 Qualification 06-30, O006 R003 Closed Lost 01-31.
TEST_F(TableQueryTest, ConditionsNarrowByOwnerDatesAndStageKind) {
  using Op = salesops::TableCondition::Op;
  const auto query = [&](std::vector<salesops::TableCondition> conditions, const std::string& filter = "") {
    salesops::TableQuerySpec spec;
    spec.filter = filter;
    spec.conditions = std::move(conditions);
    return salesops::queryRowIds(workbook_->db(), *salesops::findEntity("opportunity"), spec);
  };
  EXPECT_EQ(query({{"owner_rep_id", Op::In, {"R001", "R003"}}}), (std::vector<std::int64_t>{1, 3, 4, 6}));
  EXPECT_EQ(query({{"close_date", Op::Between, {"2026-02-01", "2026-04-30"}}}), (std::vector<std::int64_t>{1, 2, 4}));
  EXPECT_EQ(query({{"stage", Op::StageKindIn, {"won", "lost"}}}), (std::vector<std::int64_t>{4, 6}));
  EXPECT_EQ(query({{"stage", Op::StageKindIn, {"open"}},
                   {"owner_rep_id", Op::In, {"R001", "R002"}},
                   {"close_date", Op::Between, {"2026-01-01", "2026-03-31"}}}),
            (std::vector<std::int64_t>{1}));
  // The filter text still applies, AND-ed as a whole: "Initech" names O003 and O006, of which R003 owns both.
  EXPECT_EQ(query({{"owner_rep_id", Op::In, {"R003"}}}, "initech"), (std::vector<std::int64_t>{3, 6}));
  EXPECT_EQ(query({{"owner_rep_id", Op::In, {"R002"}}}, "initech"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(query({{"owner_rep_id", Op::In, {}}}), (std::vector<std::int64_t>{}));  // nobody in scope: nothing
  // A field of the referenced row: the accounts in Germany and France are A002 and A004.
  EXPECT_EQ(query({{"account_id", Op::In, {"DE", "FR"}, "country"}}), (std::vector<std::int64_t>{2, 5}));
  EXPECT_THROW(query({{"account_id", Op::In, {"x"}, "nonsense"}}), salesops::Error);
  EXPECT_THROW(query({{"nonsense", Op::In, {"x"}}}), salesops::Error);
  EXPECT_THROW(query({{"name", Op::StageKindIn, {"won"}}}), salesops::Error);
}

TEST_F(TableQueryTest, UnknownFieldAndCancellationThrow) {
  EXPECT_THROW(ids("nope"), salesops::Error);
  salesops::CancelToken cancel;
  cancel.cancel();
  try {
    salesops::queryRowIds(workbook_->db(), *salesops::findEntity("opportunity"), {}, &cancel);
    FAIL() << "expected cancellation";
  } catch (const salesops::Error& e) {
    EXPECT_EQ(e.kind(), salesops::ErrorKind::Cancelled);
  }
}

}  // namespace
