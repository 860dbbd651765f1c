// `salesops-cli import --mapping auto|NAME|FILE.json` on the fixtures of tests/data/crm: the detection
// summary, the refusal of files it does not recognise, the options, and the summary of placeholders.
#include <gtest/gtest.h>

#include "cli/CliTestSupport.h"
#include "storage/Database.h"
#include "storage/Workbook.h"

namespace salesops {
namespace {

using testing::runCli;

class ImportMappedCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(runCli({"init", book()}).code, 0);  // corporate USD
    // Pipedrive deals are in EUR and SEK: the workbook needs their rates first.
    testing::writeFile(dir / "fx_rates.csv", "currency,valid_from,rate\nEUR,2023-01-01,1.1\nSEK,2023-01-01,0.095\n");
    const auto rates = runCli({"import", book(), (dir / "fx_rates.csv").string()});
    ASSERT_EQ(rates.code, 0) << rates.err;
  }
  std::string book() const { return (dir / "book.salesops").string(); }
  std::int64_t count(const std::string& sql) {
    auto workbook = Workbook::open(book());
    return workbook->db().queryInt(sql);
  }

  testing::TempDir dir;
};

TEST_F(ImportMappedCli, AutoSaysWhatItRecognisedAndImports) {
  const auto result = runCli({"import", book(), "tests/data/crm/pipedrive", "--mapping", "auto"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("deals-4242-17.csv: pipedrive Deals (0.91)"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("organizations-4242-18.csv: pipedrive Organizations (0.89)"), std::string::npos);
  // Two organizations; deals name four: Müller GmbH and Nordlicht AB match them by name, Acme Corp and
  // Globex are created. Owners Anna Schmidt and Lars Berg are created by name from the organizations.
  EXPECT_EQ(count("SELECT count(*) FROM account"), 4);
  EXPECT_EQ(count("SELECT count(*) FROM rep"), 2);
  EXPECT_EQ(count("SELECT count(*) FROM opportunity"), 4);
  EXPECT_NE(result.out.find("account \"Acme Corp\": created for Deal - Organization"), std::string::npos);
  // Deal 103 is won: the rule sets stage Won, and the close date comes from "Deal - Won time".
  EXPECT_EQ(count("SELECT count(*) FROM opportunity o JOIN stage s ON s.id = o.stage_id "
                  "WHERE o.external_id = '103' AND s.name = 'Won' AND o.close_date = '2024-01-05'"),
            1);
  EXPECT_NE(result.out.find("Imported as batch"), std::string::npos);
  EXPECT_EQ(runCli({"kpi", book(), "--period", "FY2024"}).code, 0);
}

TEST_F(ImportMappedCli, AutoRefusesAFileItDoesNotRecognise) {
  testing::writeFile(dir / "stuff.csv", "colour,size\nred,3\n");
  const auto result = runCli({"import", book(), (dir / "stuff.csv").string(), "--mapping", "auto"});
  EXPECT_EQ(result.code, 3);
  EXPECT_NE(result.err.find("stuff.csv: not recognised well enough to import"), std::string::npos) << result.err;
  EXPECT_EQ(count("SELECT count(*) FROM opportunity"), 0);
}

TEST_F(ImportMappedCli, NamedProfileDryRunWritesNothing) {
  const auto result = runCli({"import", book(), "tests/data/crm/pipedrive", "--mapping", "pipedrive", "--dry-run"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_NE(result.out.find("Dry run: nothing was written."), std::string::npos);
  EXPECT_EQ(count("SELECT count(*) FROM account"), 0);
}

TEST_F(ImportMappedCli, ProfileFileAndOptions) {
  testing::writeFile(dir / "acme.json", R"({"profile_id": "acme", "name": "Acme", "source_note": "test",
    "files": [{"id": "Companies", "entity": "account",
      "match": {"required_headers": ["Company", "Country"]},
      "columns": {"Id": {"field": "account_id"}, "Company": {"field": "name"}, "Country": {"field": "country"}}}]})");
  testing::writeFile(dir / "companies.csv", "Id,Company,Country\nA1,Acme,DE\nA1,Acme AG,DE\nA2,Acme,DE\n");
  const auto result = runCli({"import", book(), (dir / "companies.csv").string(), "--mapping",
                              (dir / "acme.json").string(), "--duplicates", "first", "--match-key",
                              "account=name+country", "--report", (dir / "report.txt").string()});
  ASSERT_EQ(result.code, 0) << result.err;
  // Line 3 repeats A1 (first wins: "Acme" stays); line 4 is A2 but has A1's name and country: the match key
  // makes it A1 again, so one account in all.
  EXPECT_EQ(count("SELECT count(*) FROM account"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM account WHERE external_id = 'A1' AND name = 'Acme'"), 1);
  EXPECT_NE(result.out.find("Duplicates"), std::string::npos);
  EXPECT_NE(testing::readFile(dir / "report.txt").find("duplicates"), std::string::npos);
}

TEST_F(ImportMappedCli, BadOptionValuesAreUsageErrors) {
  EXPECT_EQ(runCli({"import", book(), "tests/data/crm/pipedrive", "--mapping", "auto", "--duplicates", "maybe"}).code,
            2);
  EXPECT_EQ(runCli({"import", book(), "tests/data/crm/pipedrive", "--mapping", "nosuchcrm"}).code, 2);
  EXPECT_EQ(runCli({"import", book(), "tests/data/crm/pipedrive", "--mapping", "auto", "--match-key", "account"}).code,
            2);
}

}  // namespace
}  // namespace salesops
