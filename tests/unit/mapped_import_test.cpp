// The mapped import pipeline (io/MappedImport.h) end to end on small files written here, whose expected
// values are worked out by hand in the comments, and on the shared datasets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/Error.h"
#include "io/MappedImport.h"
#include "storage/Database.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

// Deals and companies of an imaginary CRM, read with every kind of column the pipeline knows.
const std::string kAcme = R"({
  "profile_id": "acme", "name": "Acme CRM", "source_note": "written for the test",
  "locale": {"date_order": "mdy", "decimal_mark": "."},
  "stages": [{"stage": "Open", "kind": "open", "probability": 10}, {"stage": "Won", "kind": "won", "probability": 100}],
  "files": [{
    "id": "Deals", "entity": "opportunity",
    "match": {"file_name_patterns": ["deals*.csv"], "required_headers": ["Deal", "Stage", "Closes"]},
    "columns": {
      "Deal": {"field": "opportunity_id"},
      "Title": {"field": "name"},
      "Owner": {"field": "owner_rep_id"},
      "Rep": {"field": "owner_rep_id", "match_by": "name"},
      "Stage": {"field": "stage"},
      "Value": {"field": "amount", "format": "money"},
      "Closes": {"field": "close_date", "format": "date"},
      "Created": {"field": "created_date", "format": "date"},
      "Prob": {"field": "probability", "format": "percent"},
      "Deleted": {"ignore": true}
    },
    "defaults": {"created_date": {"value": "$import_date", "why": "no created date in the file"}},
    "rules": [{"when": {"column": "Deleted", "equals": "yes"}, "skip_row": true, "why": "deleted deals"}]
  }, {
    "id": "Companies", "entity": "account",
    "match": {"file_name_patterns": ["companies*.csv"], "required_headers": ["Company", "Country"]},
    "columns": {"Company Id": {"field": "account_id"}, "Company": {"field": "name"}, "Country": {"field": "country"}}
  }]
})";

class MappedImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WorkbookSettings settings;
    settings.currency = "EUR";  // so "1.234,56 €" is the corporate currency
    workbook = Workbook::create(dir / "book.salesops", settings);
    profiles.push_back(MappingProfile::fromJson(kAcme, "acme.json"));
  }

  std::vector<MappedSource> sources(const std::vector<std::string>& names) {
    std::vector<std::filesystem::path> paths;
    for (const auto& n : names) paths.push_back(dir / n);
    std::vector<MappedSource> out;
    for (const DetectedSource& d : detectSources(paths, profiles)) {
      EXPECT_TRUE(d.source.has_value()) << d.path << ": " << d.detection.summary();
      if (d.source) out.push_back(*d.source);
    }
    return out;
  }

  ImportReport run(const std::string& name, const std::string& content, const MappedImportOptions& options = {}) {
    testing::writeFile(dir / name, content);
    return importMappedCsv(*workbook, sources({name}), options);
  }

  std::string text(const std::string& sql) {
    Statement s = workbook->db().prepare(sql);
    return s.step() ? std::string(s.text(0)) : "<no row>";
  }
  std::int64_t number(const std::string& sql) { return workbook->db().queryInt(sql); }

  static bool anyContains(const std::vector<std::string>& lines, const std::string& a, const std::string& b = "") {
    for (const auto& l : lines) {
      if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
    }
    return false;
  }

  testing::TempDir dir;
  std::unique_ptr<Workbook> workbook;
  std::vector<MappingProfile> profiles;
};

const std::string kDeals =
    "Deal,Title,Owner,Stage,Value,Closes,Created,Prob,Deleted\n"
    "D1,First,R1,Open,\"1.234,56 €\",03/04/2024,01/02/2024,#N/A,\n"
    "D2,Second,R1,Open,\"2.000,00 €\",05/06/2024,,50%,\n"
    "D3,Third,R2,Open,\"10,00 €\",07/08/2024,01/02/2024,10,yes\n";

TEST_F(MappedImportTest, ValuesAsCrmsWriteThemBecomeStoredValues) {
  const ImportReport report = run("deals.csv", kDeals);
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  EXPECT_GT(report.batchId, 0);
  // "1.234,56 €": both marks, the last (',') is the decimal mark -> 1234.56 EUR = 123456 cents.
  EXPECT_EQ(number("SELECT amount FROM opportunity WHERE external_id = 'D1'"), 123456);
  EXPECT_EQ(number("SELECT amount FROM opportunity WHERE external_id = 'D2'"), 200000);
  // Only 03/04, 05/06, 07/08: nothing above 12, so ambiguous -> the profile's locale, month first.
  EXPECT_EQ(text("SELECT close_date FROM opportunity WHERE external_id = 'D1'"), "2024-03-04");
  EXPECT_EQ(text("SELECT created_date FROM opportunity WHERE external_id = 'D1'"), "2024-01-02");
  EXPECT_TRUE(anyContains(report.warnings, "Closes", "ambiguous"));
  // "#N/A" is an empty cell; "50%" is 50 points = 5000 hundredths.
  EXPECT_EQ(number("SELECT count(*) FROM opportunity WHERE external_id = 'D1' AND probability IS NULL"), 1);
  EXPECT_EQ(number("SELECT probability FROM opportunity WHERE external_id = 'D2'"), 5000);
  // D2 has no created date: the default fills it with the import date, and the notes say so once.
  EXPECT_EQ(text("SELECT created_date FROM opportunity WHERE external_id = 'D2'").size(), 10u);
  EXPECT_TRUE(anyContains(report.notes, "1 row: created_date empty", "no created date in the file"));
  // D3 is deleted: skipped by the rule, and its owner R2 is not created.
  EXPECT_EQ(number("SELECT count(*) FROM opportunity"), 2);
  EXPECT_TRUE(anyContains(report.notes, "1 row: when column Deleted", "skipped"));
  // R1 is an owner id the workbook lacks: one placeholder rep named by the id.
  ASSERT_EQ(report.placeholders.size(), 1u);
  EXPECT_NE(report.placeholders[0].find("rep \"R1\": placeholder for Owner in deals.csv (line 2 and 1 more row)"),
            std::string::npos)
      << report.placeholders[0];
  EXPECT_EQ(text("SELECT name FROM rep WHERE external_id = 'R1'"), "R1");
  EXPECT_EQ(number("SELECT count(*) FROM rep WHERE external_id = 'R2'"), 0);
  // The profile's stages the workbook lacked (Open, Won) were created.
  EXPECT_EQ(number("SELECT count(*) FROM stage WHERE name IN ('Open', 'Won')"), 2);
}

TEST_F(MappedImportTest, PreviewShowsStoredTextsDecisionsAndRules) {
  testing::writeFile(dir / "deals.csv", kDeals);
  const MappedPreview preview = previewMappedFile(sources({"deals.csv"}).at(0), 50);
  EXPECT_EQ(preview.entity, "opportunity");
  EXPECT_EQ(preview.rowsScanned, 3);
  const auto field = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(preview.fields.begin(), preview.fields.end(), name) -
                                    preview.fields.begin());
  };
  ASSERT_LT(field("close_date"), preview.fields.size());
  ASSERT_EQ(preview.rows.size(), 3u);
  EXPECT_EQ(preview.rows[0].line, 2);
  EXPECT_EQ(preview.rows[0].values[field("close_date")], "2024-03-04");
  EXPECT_EQ(preview.rows[0].values[field("amount")], "1234.56");
  EXPECT_EQ(preview.rows[1].filledBy[field("created_date")], "default: no created date in the file");
  EXPECT_TRUE(preview.rows[2].skipped);
  bool flagged = false;
  for (const ColumnDecision& c : preview.columns) flagged |= c.header == "Closes" && c.flagged && !c.error;
  EXPECT_TRUE(flagged);
  EXPECT_TRUE(anyContains(preview.rules, "when column Deleted equals \"yes\": the row is skipped"));
}

TEST_F(MappedImportTest, ConflictingDateColumnIsAnErrorNamingBothLines) {
  const ImportReport report = run("deals.csv",
                                  "Deal,Owner,Stage,Value,Closes\n"
                                  "D1,R1,Open,10,13/04/2024\n"
                                  "D2,R1,Open,10,04/13/2024\n");
  EXPECT_FALSE(report.committed);
  ASSERT_FALSE(report.problems.empty());
  EXPECT_TRUE(anyContains(report.problems, "line 2", "line 3")) << report.problems[0];
  EXPECT_EQ(number("SELECT count(*) FROM opportunity"), 0);
}

TEST_F(MappedImportTest, RaggedRowIsAProblemAndChangesNothing) {
  const ImportReport report = run("deals.csv",
                                  "Deal,Owner,Stage,Value,Closes\n"
                                  "D1,R1,Open,10,2024-01-01\n"
                                  "D2,R1,Open\n");
  EXPECT_FALSE(report.committed);
  EXPECT_TRUE(anyContains(report.problems, "deals.csv:3"));
  EXPECT_EQ(number("SELECT count(*) FROM opportunity"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM rep"), 0);
}

TEST_F(MappedImportTest, Windows1252AndUtf16FilesAreDecoded) {
  // "M\xFC" is "Mü" in Windows-1252 (0xFC = U+00FC).
  const ImportReport cp1252 =
      run("deals.csv", "Deal,Title,Owner,Stage,Value,Closes\nD1,M\xFCller,R1,Open,10,2024-01-01\n");
  ASSERT_TRUE(cp1252.committed);
  EXPECT_EQ(text("SELECT name FROM opportunity WHERE external_id = 'D1'"), "M\xC3\xBCller");
  EXPECT_TRUE(anyContains(cp1252.notes, "read as Windows-1252"));
  // The same row in UTF-16LE with a byte-order mark, as Excel's "Unicode text" writes it.
  const std::u16string utf16 = u"Deal,Title,Owner,Stage,Value,Closes\nD2,M\u00FCller,R1,Open,10,2024-01-01\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : utf16) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  const ImportReport wide = run("deals2.csv", bytes);
  ASSERT_TRUE(wide.committed) << (wide.problems.empty() ? "" : wide.problems[0]);
  EXPECT_EQ(text("SELECT name FROM opportunity WHERE external_id = 'D2'"), "M\xC3\xBCller");
}

const std::string kTwice =
    "Deal,Owner,Stage,Value,Closes\n"
    "D1,R1,Open,100,2024-01-01\n"
    "D1,R1,Open,200,2024-01-02\n";

TEST_F(MappedImportTest, DuplicatesInTheFileFollowThePolicy) {
  MappedImportOptions last;
  const ImportReport merged = run("deals.csv", kTwice, last);
  ASSERT_TRUE(merged.committed);
  EXPECT_EQ(number("SELECT amount FROM opportunity WHERE external_id = 'D1'"), 20000);  // line 3 wins: 200.00
  EXPECT_TRUE(anyContains(merged.duplicates, "\"D1\" on lines 2 and 3", "the last row of each key wins"));
}

TEST_F(MappedImportTest, FirstWinsKeepsTheFirstRowAndTheWorkbooksRecord) {
  MappedImportOptions first;
  first.duplicates = DuplicateRows::FirstWins;
  ASSERT_TRUE(run("deals.csv", kTwice, first).committed);
  EXPECT_EQ(number("SELECT amount FROM opportunity WHERE external_id = 'D1'"), 10000);  // line 2: 100.00
  const ImportReport again = run("deals2.csv", "Deal,Owner,Stage,Value,Closes\nD1,R1,Open,300,2024-01-01\n", first);
  ASSERT_TRUE(again.committed);
  EXPECT_EQ(number("SELECT amount FROM opportunity WHERE external_id = 'D1'"), 10000);
  EXPECT_TRUE(anyContains(again.duplicates, "1 row have a opportunity_id the workbook already had", "kept"));
}

TEST_F(MappedImportTest, RejectMakesEveryDuplicateAProblem) {
  MappedImportOptions reject;
  reject.duplicates = DuplicateRows::Reject;
  const ImportReport report = run("deals.csv", kTwice, reject);
  EXPECT_FALSE(report.committed);
  EXPECT_TRUE(anyContains(report.problems, "deals.csv:3", "duplicate key"));
  EXPECT_EQ(number("SELECT count(*) FROM opportunity"), 0);
}

TEST_F(MappedImportTest, MatchKeyFindsTheWorkbooksAccountByNameAndCountry) {
  ASSERT_TRUE(run("companies.csv", "Company Id,Company,Country\nA1,Acme,DE\n").committed);
  MappedImportOptions options;
  options.matchKeys["account"] = {"name", "country"};
  // X9 is another system's id for the same company (name and country equal, case aside).
  const ImportReport report = run("companies2.csv", "Company Id,Company,Country\nX9,ACME,DE\nX10,Acme,FR\n", options);
  ASSERT_TRUE(report.committed);
  EXPECT_EQ(number("SELECT count(*) FROM account"), 2);  // A1 (matched by X9) and X10
  EXPECT_EQ(text("SELECT name FROM account WHERE external_id = 'A1'"), "ACME");
  EXPECT_EQ(number("SELECT count(*) FROM account WHERE external_id = 'X9'"), 0);
}

TEST_F(MappedImportTest, NamesAreCreatedOrMatchedAsTheUserChooses) {
  const std::string deals = "Deal,Rep,Stage,Value,Closes\nD1,Jane Doe,Open,10,2024-01-01\n";
  MappedImportOptions matchOnly;
  matchOnly.names = NameReferences::MatchOnly;
  const ImportReport refused = run("deals.csv", deals, matchOnly);
  EXPECT_FALSE(refused.committed);
  EXPECT_TRUE(anyContains(refused.problems, "deals.csv:2: Rep: no rep is named \"Jane Doe\""));
  const ImportReport created = run("deals.csv", deals);
  ASSERT_TRUE(created.committed);
  EXPECT_EQ(text("SELECT r.name FROM opportunity o JOIN rep r ON r.id = o.owner_rep_id WHERE o.external_id = 'D1'"),
            "Jane Doe");
  EXPECT_TRUE(anyContains(created.placeholders, "rep \"Jane Doe\": created for Rep"));
}

TEST(MappedImportDatasets, MavenSampleImportsWithItsRulesShown) {
  SALESOPS_REQUIRE_DATASETS();
  testing::TempDir dir;
  auto workbook = Workbook::create(dir / "maven.salesops");
  const auto detected = detectSources({testing::datasetsDir() / "maven-crm"}, builtinMappingProfiles());
  std::vector<MappedSource> sources;
  for (const auto& d : detected) {
    if (d.source) sources.push_back(*d.source);
  }
  ASSERT_EQ(sources.size(), 3u);  // sales_pipeline, sales_teams, accounts; not products or the dictionary
  const ImportReport report = importMappedCsv(*workbook, sources);
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  Database& db = workbook->db();
  // awk -F, 'NR>1' sales_pipeline.csv | wc -l -> 8800; accounts.csv -> 85 rows.
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM opportunity"), 8800);
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM account"), 85);
  // 35 agents (awk -F, 'NR>1{print $1}' sales_teams.csv | sort -u | wc -l) and their 6 managers, who have no
  // row of their own (awk -F, 'NR>1{print $2}' ... | sort -u | wc -l -> 6): created by name.
  EXPECT_EQ(db.queryInt("SELECT count(*) FROM rep"), 41);
  EXPECT_EQ(report.placeholders.size(), 6u);
  // awk -F, 'NR>1 && $7==""' sales_pipeline.csv | wc -l -> 2089 open deals without close date or value.
  bool closeDateRule = false;
  for (const auto& n : report.notes) closeDateRule |= n.find("2,089 rows: close_date empty") != std::string::npos;
  EXPECT_TRUE(closeDateRule);
  // awk -F, 'NR>1 && $5=="Won"{s+=$8} END{print s}' sales_pipeline.csv -> 10005534 (whole dollars).
  EXPECT_EQ(
      db.queryInt("SELECT sum(o.amount) FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE s.kind = 'won'"),
      1000553400);
}

TEST(MappedImportDatasets, ExcelResavedUsDatesGiveTheSameDates) {
  SALESOPS_REQUIRE_DATASETS();
  testing::TempDir dir;
  auto workbook = Workbook::create(dir / "maven.salesops");
  const auto maven = testing::datasetsDir() / "maven-crm";
  const auto detected = detectSources({maven / "variant_excel_resaved_us_dates" / "sales_pipeline.csv",
                                       maven / "sales_teams.csv", maven / "accounts.csv"},
                                      builtinMappingProfiles());
  std::vector<MappedSource> sources;
  for (const auto& d : detected) sources.push_back(d.source.value());
  const ImportReport report = importMappedCsv(*workbook, sources);
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  // Line 2: 1C1I7A6R, engage 10/20/2016, close 3/1/2017 -> 2016-10-20 and 2017-03-01 as in the ISO original.
  Statement s =
      workbook->db().prepare("SELECT created_date, close_date FROM opportunity WHERE external_id = '1C1I7A6R'");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.text(0), "2016-10-20");
  EXPECT_EQ(s.text(1), "2017-03-01");
}

TEST(MappedImportDatasets, SalesforceOpportunitiesAloneGetPlaceholders) {
  SALESOPS_REQUIRE_DATASETS();
  testing::TempDir dir;
  auto workbook = Workbook::create(dir / "sf.salesops");
  const auto detected =
      detectSources({testing::datasetsDir() / "salesforce-dataloader" / "Opportunity.csv"}, builtinMappingProfiles());
  ASSERT_TRUE(detected.at(0).source.has_value());
  const ImportReport report = importMappedCsv(*workbook, {*detected[0].source});
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  // python: 50 rows, 1 distinct OwnerId, 18 distinct AccountId, no row without one; stages Discovery and
  // Proposal/Quote are neither in the profile nor in a new workbook -> 1 + 18 + 2 placeholders.
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM opportunity"), 50);
  EXPECT_EQ(report.placeholders.size(), 21u);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM account WHERE name = external_id"), 18);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM rep WHERE external_id = '005Ec000004oBPNIA2'"), 1);
}

}  // namespace
}  // namespace salesops

namespace salesops {
namespace {

TEST_F(MappedImportTest, CancelBetweenFilesLeavesTheWorkbookUnchanged) {
  testing::writeFile(dir / "companies.csv", "Company Id,Company,Country\nA1,Acme,DE\n");
  testing::writeFile(dir / "deals.csv", "Deal,Owner,Stage,Value,Closes\nD1,R1,Open,10,2024-01-01\n");
  CancelToken token;
  LongTask task;
  task.cancel = &token;
  task.progress = [&](const std::string&, std::int64_t, std::int64_t) { token.cancel(); };
  EXPECT_THROW(importMappedCsv(*workbook, sources({"companies.csv", "deals.csv"}), {}, task), Error);
  EXPECT_EQ(number("SELECT count(*) FROM account"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM opportunity"), 0);
}

}  // namespace
}  // namespace salesops
