#include <gtest/gtest.h>

#include <map>

#include "common/Error.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "storage/EntityStore.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::readFile;
using testing::TempDir;
using testing::writeFile;

class NativeExport : public ::testing::Test {
 protected:
  void SetUp() override { workbook = Workbook::create(dir / "book.salesops"); }
  void load(const std::map<std::string, std::string>& files) {
    auto in = dir / "in";
    std::filesystem::create_directories(in);
    for (const auto& [name, content] : files) writeFile(in / name, content);
    auto report = importNativeCsv(*workbook, {in}, {});
    ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  }
  TempDir dir;
  std::unique_ptr<Workbook> workbook;
};

TEST_F(NativeExport, WritesEveryEntityFileWithHeadersWhenEmpty) {
  auto files = exportNativeCsv(*workbook, dir / "out");
  ASSERT_EQ(files.size(), entities().size());
  EXPECT_EQ(readFile(dir / "out" / "reps.csv"), "rep_id,name,email,team,manager_id,role,start_date,end_date\n");
  EXPECT_EQ(readFile(dir / "out" / "stages.csv"),
            "stage,kind,probability,sort_order\nProspecting,open,10,1\nQualification,open,20,2\n"
            "Needs Analysis,open,30,3\nProposal,open,60,4\nNegotiation,open,80,5\nClosed Won,won,100,6\n"
            "Closed Lost,lost,0,7\n");
  for (const auto& f : files) EXPECT_TRUE(std::filesystem::exists(f.path)) << f.path;
}

TEST_F(NativeExport, WritesCanonicalValues) {
  load({{"fx_rates.csv", "currency,valid_from,rate\nJPY,2024-01-01,0.00670\nKWD,2024-01-01,3.25\n"},
        {"reps.csv", "rep_id,name\nR1,Ann\n"},
        {"opportunities.csv",
         "opportunity_id,owner_rep_id,stage,amount,currency,probability,created_date,close_date\n"
         "O1,R1,Proposal,1000,JPY,12.50,2026-01-01,2026-02-01\n"
         "O2,R1,Proposal,7.5,KWD,,2026-01-01,2026-02-01\n"
         "O3,R1,Proposal,7.5,,55,2026-01-01,2026-02-01\n"},
        {"activities.csv",
         "activity_id,rep_id,type,started_at,duration_minutes,selling\n"
         "AC1,R1,call,2026-01-01T10:00:00+01:00,30,YES\nAC2,R1,admin,2026-01-01T10:00:00Z,,0\n"}});
  exportNativeCsv(*workbook, dir / "out");
  EXPECT_EQ(readFile(dir / "out" / "opportunities.csv"),
            "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,"
            "close_date,forecast_category,lead_source\n"
            "O1,,R1,,,Proposal,1000,JPY,12.5,2026-01-01,2026-02-01,,\n"
            "O2,,R1,,,Proposal,7.500,KWD,,2026-01-01,2026-02-01,,\n"
            "O3,,R1,,,Proposal,7.50,,55,2026-01-01,2026-02-01,,\n");
  EXPECT_EQ(readFile(dir / "out" / "fx_rates.csv"),
            "currency,valid_from,rate\nJPY,2024-01-01,0.0067\nKWD,2024-01-01,3.25\n");
  EXPECT_EQ(readFile(dir / "out" / "activities.csv"),
            "activity_id,rep_id,account_id,opportunity_id,lead_id,type,started_at,duration_minutes,selling\n"
            "AC1,R1,,,,call,2026-01-01T09:00:00Z,30,true\nAC2,R1,,,,admin,2026-01-01T10:00:00Z,,false\n");
}

TEST_F(NativeExport, ReaderFetchesRowsByIdAndCounts) {
  load({{"reps.csv", "rep_id,name,manager_id\nR1,Ann,\nR2,Bob,R1\nR3,Cy,R2\n"}});
  EntityReader reader(workbook->db(), *findEntity("rep"), "USD");
  EXPECT_EQ(reader.count(), 3);
  auto rows = reader.fetch({3, 99, 1});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "R3");
  EXPECT_EQ(rows[0][4], "R2");
  EXPECT_EQ(rows[1][0], "R1");
  std::vector<std::string> row;
  ASSERT_TRUE(reader.next(row));
  EXPECT_EQ(reader.currentId(), 1);
  EXPECT_EQ(row[1], "Ann");
}

TEST_F(NativeExport, CancellationLeavesNoFileBehind) {
  std::string reps = "rep_id,name\n";
  for (int i = 0; i < 20000; ++i) reps += "R" + std::to_string(i) + ",N\n";
  load({{"reps.csv", reps}});
  CancelToken token;
  LongTask task{[&](const std::string&, std::int64_t, std::int64_t) { token.cancel(); }, &token};
  EXPECT_THROW(exportNativeCsv(*workbook, dir / "out", {}, task), Error);
  ASSERT_TRUE(std::filesystem::exists(dir / "out"));
  EXPECT_TRUE(std::filesystem::is_empty(dir / "out"));
}

}  // namespace
}  // namespace salesops
