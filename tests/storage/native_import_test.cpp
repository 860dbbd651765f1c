#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "common/Error.h"
#include "io/NativeImport.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::TempDir;
using testing::writeFile;

const std::string kFx = "currency,valid_from,rate\nEUR,2024-01-01,1.1\nJPY,2024-01-01,0.0067\n";
const std::string kReps =
    "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
    "R1,Ann,ann@x.com,East,R2,ae,2024-01-01,\n"
    "R2,Bob,bob@x.com,East,,manager,2023-01-01,\n";
const std::string kAccounts = "account_id,name,employees,annual_revenue,owner_rep_id\nA1,Acme,50,1000000.5,R1\n";
const std::string kOppHeader =
    "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
    "forecast_category,lead_source\n";
const std::string kOpp1 = "O1,A1,R1,Deal,new_business,Prospecting,1000.50,USD,,2026-01-01,2026-03-01,pipeline,web\n";
const std::string kOpp2 = "O2,A1,R2,Deal 2,renewal,Closed Won,500,EUR,100,2026-01-01,2026-02-01,closed,\n";

class NativeImport : public ::testing::Test {
 protected:
  void SetUp() override { workbook = Workbook::create(dir / "book.salesops"); }

  // Writes the files into a fresh folder and imports that folder.
  ImportReport importFiles(const std::map<std::string, std::string>& files, ImportOptions options = {},
                           const LongTask& task = {}) {
    auto folder = dir / ("in" + std::to_string(++runs));
    std::filesystem::create_directories(folder);
    for (const auto& [name, content] : files) writeFile(folder / name, content);
    return importNativeCsv(*workbook, {folder}, options, task);
  }
  ImportReport importBase(ImportOptions options = {}) {
    return importFiles({{"fx_rates.csv", kFx},
                        {"reps.csv", kReps},
                        {"accounts.csv", kAccounts},
                        {"opportunities.csv", kOppHeader + kOpp1 + kOpp2}},
                       options);
  }
  std::int64_t count(const std::string& table) { return workbook->db().queryInt("SELECT count(*) FROM " + table); }
  static bool has(const std::vector<std::string>& list, const std::string& text) {
    return std::find(list.begin(), list.end(), text) != list.end();
  }
  static std::string joined(const std::vector<std::string>& list) {
    std::string all;
    for (const auto& s : list) all += s + "\n";
    return all;
  }
  // Imports the base data, then one opportunities.csv with the given rows; returns the second report.
  ImportReport importOpportunities(const std::string& rows, ImportOptions options = {}) {
    EXPECT_TRUE(importBase().committed);
    return importFiles({{"opportunities.csv", kOppHeader + rows}}, options);
  }

  TempDir dir;
  std::unique_ptr<Workbook> workbook;
  int runs = 0;
};

TEST_F(NativeImport, ImportsAFolderInDependencyOrderWithCounts) {
  auto report = importBase();
  ASSERT_TRUE(report.problems.empty()) << joined(report.problems);
  EXPECT_TRUE(report.committed);
  ASSERT_EQ(report.files.size(), 4u);
  EXPECT_EQ(report.files[0].file, "fx_rates.csv");
  EXPECT_EQ(report.files[1].file, "reps.csv");
  EXPECT_EQ(report.files[3].file, "opportunities.csv");
  EXPECT_EQ(report.files[3].inserted, 2);
  EXPECT_EQ(count("opportunity"), 2);
  EXPECT_EQ(workbook->db().queryInt("SELECT amount FROM opportunity WHERE external_id = 'O1'"), 100050);
  EXPECT_EQ(workbook->db().queryInt("SELECT annual_revenue FROM account"), 100000050);
  // R1's manager R2 comes later in the file and still resolves.
  EXPECT_EQ(workbook->db().queryInt("SELECT m.external_id = 'R2' FROM rep r JOIN rep m ON m.id = r.manager_id "
                                    "WHERE r.external_id = 'R1'"),
            1);
  EXPECT_EQ(workbook->db().queryInt("SELECT id FROM rep WHERE external_id = 'R1'"), 1);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM audit_log WHERE action = 'import'"), 1);
}

TEST_F(NativeImport, MalformedDateIsReportedWithFileLineAndColumn) {
  auto report = importOpportunities(kOpp1 + "O3,A1,R1,x,,Prospecting,1,USD,,2026-01-01,2026-02-30,,\n");
  ASSERT_EQ(report.problems.size(), 1u) << joined(report.problems);
  EXPECT_EQ(report.problems[0].rfind("opportunities.csv:3: close_date: ", 0), 0u) << report.problems[0];
  EXPECT_NE(report.problems[0].find("2026-02-30"), std::string::npos);
  EXPECT_FALSE(report.committed);
}

TEST_F(NativeImport, WrongTypesAreReported) {
  auto report = importFiles({{"accounts.csv", "account_id,employees,annual_revenue\nA9,many,1.234\n"},
                             {"stages.csv", "stage,kind,probability\nX,open,12.345\nY,maybe,5\n"}});
  EXPECT_TRUE(has(report.problems, "accounts.csv:2: employees: \"many\" is not a whole number >= 0"))
      << joined(report.problems);
  EXPECT_TRUE(has(report.problems, "stages.csv:2: probability: \"12.345\" has more than 2 decimals"))
      << joined(report.problems);
  EXPECT_TRUE(has(report.problems, "stages.csv:3: kind: \"maybe\" is not one of open, won, lost"));
  bool moneyProblem = std::any_of(report.problems.begin(), report.problems.end(), [](const std::string& p) {
    return p.rfind("accounts.csv:2: annual_revenue: ", 0) == 0;
  });
  EXPECT_TRUE(moneyProblem) << joined(report.problems);
  EXPECT_EQ(count("account"), 0);
}

TEST_F(NativeImport, UnknownStageAndMissingReferenceAreReported) {
  auto report = importOpportunities("O3,A1,R999,x,,Nope,1,USD,,2026-01-01,2026-02-01,,\n");
  EXPECT_TRUE(has(report.problems, "opportunities.csv:2: owner_rep_id: unknown rep \"R999\""))
      << joined(report.problems);
  EXPECT_TRUE(has(report.problems, "opportunities.csv:2: stage: unknown stage \"Nope\""));
  EXPECT_EQ(report.files[0].rejected, 1);
}

TEST_F(NativeImport, DuplicateKeyInOneFileNamesBothLines) {
  auto report = importOpportunities(kOpp1 + kOpp2 + kOpp1);
  EXPECT_TRUE(has(report.problems, "opportunities.csv:4: opportunity_id: duplicate key \"O1\" (also on line 2)"))
      << joined(report.problems);
}

TEST_F(NativeImport, RaggedRowBecomesARowProblem) {
  auto report = importOpportunities(kOpp1 + "O5,A1,R1\n");
  ASSERT_EQ(report.problems.size(), 1u) << joined(report.problems);
  EXPECT_EQ(report.problems[0].rfind("opportunities.csv:3: ", 0), 0u) << report.problems[0];
  EXPECT_EQ(report.files[0].rejected, 1);
}

TEST_F(NativeImport, MissingRequiredColumnIsAFileProblem) {
  auto report = importFiles({{"quotas.csv", "rep_id,period_start,period_end,currency\n"}});
  EXPECT_TRUE(has(report.problems, "quotas.csv:1: amount: required column is missing")) << joined(report.problems);
  EXPECT_FALSE(report.committed);
}

TEST_F(NativeImport, CurrencyWithoutRateIsARowError) {
  auto report = importOpportunities("O7,A1,R1,x,,Prospecting,1,GBP,,2026-01-01,2026-02-01,,\n");
  ASSERT_EQ(report.problems.size(), 1u) << joined(report.problems);
  EXPECT_EQ(report.problems[0].rfind("opportunities.csv:2: currency: no fx_rate for \"GBP\"", 0), 0u);
}

TEST_F(NativeImport, SplitsMustSumToOneHundred) {
  ASSERT_TRUE(importBase().committed);
  auto report = importFiles({{"opportunity_splits.csv",
                              "opportunity_id,rep_id,percent\nO1,R1,60\nO1,R2,30\n"
                              "O2,R1,50\nO2,R2,50\n"}});
  EXPECT_TRUE(
      has(report.problems, "opportunity_splits.csv:3: percent: splits of opportunity \"O1\" sum to 90, not 100"))
      << joined(report.problems);
  EXPECT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(count("opportunity_split"), 0);

  ImportOptions skip;
  skip.skipBadRows = true;
  report = importFiles({{"opportunity_splits.csv",
                         "opportunity_id,rep_id,percent\nO1,R1,60\nO1,R2,30\n"
                         "O2,R1,50\nO2,R2,50\n"}},
                       skip);
  EXPECT_TRUE(report.committed);
  EXPECT_EQ(count("opportunity_split"), 2);
  EXPECT_EQ(report.files[0].inserted, 2);
  EXPECT_EQ(report.files[0].rejected, 2);
}

TEST_F(NativeImport, BadLastRowChangesNothing) {
  ASSERT_TRUE(importBase().committed);
  const auto audits = count("audit_log");
  auto report =
      importFiles({{"reps.csv", "rep_id,name\nR3,Cy\nR4,Di\n"},
                   {"opportunities.csv", kOppHeader + "O8,A1,R3,x,,Prospecting,1,USD,,2026-01-01,2026-02-01,,\n"
                                                      "O9,A1,R1,x,,Prospecting,1,USD,,2026-01-01,bad,,\n"}});
  EXPECT_TRUE(report.failed());
  EXPECT_EQ(report.problems.size(), 1u) << joined(report.problems);
  EXPECT_EQ(count("rep"), 2);
  EXPECT_EQ(count("opportunity"), 2);
  EXPECT_EQ(count("audit_log"), audits);
}

TEST_F(NativeImport, SkipBadRowsCommitsTheGoodRows) {
  ImportOptions skip;
  skip.skipBadRows = true;
  auto report = importOpportunities(
      "O8,A1,R1,x,,Prospecting,1,USD,,2026-01-01,2026-02-01,,\n"
      "O9,A1,R1,x,,Prospecting,1,USD,,2026-01-01,bad,,\n",
      skip);
  EXPECT_TRUE(report.committed);
  EXPECT_FALSE(report.failed());
  EXPECT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.files[0].inserted, 1);
  EXPECT_EQ(report.files[0].rejected, 1);
  EXPECT_EQ(count("opportunity"), 3);
}

TEST_F(NativeImport, DryRunValidatesAcrossFilesAndChangesNothing) {
  ImportOptions dry;
  dry.dryRun = true;
  auto report = importBase(dry);
  EXPECT_TRUE(report.problems.empty()) << joined(report.problems);  // O1 names A1 and R1 of earlier files
  EXPECT_FALSE(report.committed);
  EXPECT_EQ(report.files[3].inserted, 2);
  EXPECT_EQ(count("rep"), 0);
  EXPECT_EQ(count("opportunity"), 0);
  EXPECT_EQ(count("audit_log WHERE action = 'import'"), 0);
}

TEST_F(NativeImport, SecondImportIsUnchangedAndAModifiedRowIsUpdated) {
  ASSERT_TRUE(importBase().committed);
  auto again = importBase();
  ASSERT_TRUE(again.committed) << joined(again.problems);
  for (const auto& f : again.files) {
    EXPECT_EQ(f.inserted + f.updated, 0) << f.file;
    EXPECT_GT(f.unchanged, 0) << f.file;
  }
  auto report = importFiles({{"opportunities.csv", kOppHeader + kOpp1 +
                                                       "O2,A1,R2,Deal 2,renewal,Closed Won,600,EUR,100,2026-01-01,"
                                                       "2026-02-01,closed,\n"}});
  EXPECT_EQ(report.files[0].updated, 1);
  EXPECT_EQ(report.files[0].unchanged, 1);
  EXPECT_EQ(workbook->db().queryInt("SELECT amount FROM opportunity WHERE external_id = 'O2'"), 60000);
  EXPECT_EQ(count("opportunity"), 2);
}

TEST_F(NativeImport, WonStageForcesProbabilityWithAWarning) {
  auto report = importOpportunities("O3,A1,R1,x,,Closed Won,1,USD,40,2026-01-01,2026-02-01,,\n");
  EXPECT_TRUE(report.committed) << joined(report.problems);
  EXPECT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].rfind("opportunities.csv:2: probability: ", 0), 0u);
  EXPECT_EQ(workbook->db().queryInt("SELECT probability FROM opportunity WHERE external_id = 'O3'"), 10000);
}

TEST_F(NativeImport, TimestampWithoutOffsetWarnsOncePerFile) {
  ASSERT_TRUE(importBase().committed);
  auto report = importFiles({{"leads.csv",
                              "lead_id,created_at,owner_rep_id\nL1,2026-03-04T09:30:00,R1\n"
                              "L2,2026-03-04 10:00,R1\nL3,2026-03-04T11:30:00+02:00,R1\n"}});
  EXPECT_TRUE(report.committed) << joined(report.problems);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].rfind("leads.csv:2: ", 0), 0u);
  auto st = workbook->db().prepare("SELECT created_at FROM lead ORDER BY id");
  std::vector<std::string> stored;
  while (st.step()) stored.emplace_back(st.text(0));
  EXPECT_EQ(stored, (std::vector<std::string>{"2026-03-04T09:30:00Z", "2026-03-04T10:00:00Z", "2026-03-04T09:30:00Z"}));
}

TEST_F(NativeImport, PeriodEndBeforeStartIsRejected) {
  ASSERT_TRUE(importBase().committed);
  auto report = importFiles({{"quotas.csv",
                              "rep_id,period_start,period_end,amount,currency\n"
                              "R1,2026-02-01,2026-01-31,100,USD\n"}});
  EXPECT_TRUE(has(report.problems, "quotas.csv:2: period_end: 2026-01-31 is before period_start 2026-02-01"))
      << joined(report.problems);
}

TEST_F(NativeImport, UnknownColumnsAndFilesAreWarnings) {
  auto report = importFiles({{"reps.csv", "rep_id,name,shoe_size,hat\nR1,Ann,42,no\n"}, {"notes.csv", "a\n1\n"}});
  EXPECT_TRUE(report.committed) << joined(report.problems);
  EXPECT_TRUE(has(report.warnings, "reps.csv:1: unknown columns ignored: \"shoe_size\", \"hat\""))
      << joined(report.warnings);
  EXPECT_TRUE(has(report.warnings, "notes.csv: not a workbook file, ignored")) << joined(report.warnings);
}

TEST_F(NativeImport, OnlyEntityImportsAFileOfAnyName) {
  writeFile(dir / "people.txt", "rep_id,name\nR1,Ann\n");
  ImportOptions options;
  options.onlyEntity = "rep";
  auto report = importNativeCsv(*workbook, {dir / "people.txt"}, options);
  EXPECT_TRUE(report.committed) << joined(report.problems);
  EXPECT_EQ(count("rep"), 1);
}

TEST_F(NativeImport, UnknownForwardManagerIsReported) {
  auto report = importFiles({{"reps.csv", "rep_id,manager_id\nR1,R9\nR2,R1\n"}});
  EXPECT_TRUE(has(report.problems, "reps.csv:2: manager_id: unknown rep \"R9\"")) << joined(report.problems);
  EXPECT_TRUE(has(report.problems, "reps.csv:3: manager_id: unknown rep \"R1\"")) << joined(report.problems);
  EXPECT_EQ(count("rep"), 0);
}

TEST_F(NativeImport, CancellationLeavesNothing) {
  std::string rows;
  for (int i = 0; i < 10000; ++i) rows += "R" + std::to_string(i) + ",Name\n";
  CancelToken token;
  int calls = 0;
  LongTask task{[&](const std::string&, std::int64_t, std::int64_t) {
                  if (++calls == 1) token.cancel();
                },
                &token};
  try {
    importFiles({{"reps.csv", "rep_id,name\n" + rows}}, {}, task);
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
  }
  EXPECT_EQ(count("rep"), 0);
  EXPECT_EQ(count("stage"), 7);
  // The workbook is usable afterwards (the transaction was rolled back, not left open).
  EXPECT_TRUE(importFiles({{"reps.csv", "rep_id,name\nR1,A\n"}}).committed);
}

TEST_F(NativeImport, CancelAfterTheLastRowStillLeavesNothing) {
  // The last progress call comes once every row is read and written: a cancel there must still win.
  CancelToken token;
  LongTask task{[&](const std::string&, std::int64_t done, std::int64_t total) {
                  if (total > 0 && done >= total) token.cancel();
                },
                &token};
  try {
    importFiles({{"reps.csv", "rep_id,name\nR1,A\nR2,B\n"}}, {}, task);
    FAIL() << "not cancelled";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
  }
  EXPECT_EQ(count("rep"), 0);
}

}  // namespace
}  // namespace salesops
