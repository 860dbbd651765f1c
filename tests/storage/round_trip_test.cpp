#include <gtest/gtest.h>

#include <map>

#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::readFile;
using testing::TempDir;
using testing::writeFile;

// Rows in every entity, with text that needs quoting: quotes, commas, newlines, unicode, leading spaces.
const std::map<std::string, std::string> kFiles = {
    {"stages.csv", "stage,kind,probability,sort_order\nProspecting,open,15,1\n\"Won, finally\",won,100,8\n"},
    {"fx_rates.csv", "currency,valid_from,rate\nEUR,2024-01-01,1.08\nEUR,2025-01-01,1.1\nJPY,2024-01-01,0.0067\n"},
    {"reps.csv",
     "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
     "R1,\"Zoë \"\"Z\"\" Ødegård\",z@x.com,Nord,R2,ae,2024-01-01,\n"
     "R2,\" Bob\",b@x.com,\"East,West\",,manager,2023-01-01,2026-06-30\n"},
    {"accounts.csv",
     "account_id,name,industry,country,region,postal_code,employees,annual_revenue,owner_rep_id,territory_id\n"
     "A1,\"Acme\nInc\",Tech,DE,EMEA,01234,120,1500000.25,R1,T1\nA2,日本株式会社,,JP,APAC,,,,,\n"},
    {"contacts.csv",
     "contact_id,account_id,name,email,phone,title\nC1,A1,Ann,a@acme.com,+49 1,\"CTO, \"\"boss\"\"\"\n"},
    {"opportunities.csv",
     "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
     "forecast_category,lead_source\n"
     "O1,A1,R1,\"Big \"\"one\"\"\",new_business,Proposal,1000.5,EUR,62.5,2026-01-01,2026-03-01,commit,web\n"
     "O2,A2,R2,Yen deal,renewal,\"Won, finally\",250000,JPY,100,2026-01-01,2026-02-01,closed,\n"
     "O3,,R2,,,Prospecting,10,,,2026-01-05,2026-04-01,,\n"},
    {"opportunity_splits.csv", "opportunity_id,rep_id,percent\nO1,R1,62.5\nO1,R2,37.5\n"},
    {"opportunity_history.csv",
     "opportunity_id,changed_at,stage,amount,close_date,probability,forecast_category\n"
     "O1,2026-01-02T10:00:00Z,Prospecting,900,2026-03-01,10,pipeline\nO2,2026-01-03T00:00:00Z,,240000,,,\n"},
    {"leads.csv",
     "lead_id,created_at,source,owner_rep_id,first_response_at,converted_opportunity_id\n"
     "L1,2026-01-01T08:00:00Z,web,R1,2026-01-01T09:15:00Z,O1\nL2,2026-01-02T08:00:00Z,,,,\n"},
    {"activities.csv",
     "activity_id,rep_id,account_id,opportunity_id,lead_id,type,started_at,duration_minutes,selling\n"
     "AC1,R1,A1,O1,L1,meeting,2026-01-05T14:00:00Z,45,true\nAC2,R2,,,,admin,2026-01-06T09:00:00Z,,false\n"
     "AC3,R2,,,,email,2026-01-06T09:00:00Z,,\n"},
    {"quotas.csv",
     "rep_id,period_start,period_end,amount,currency\nR1,2026-01-01,2026-03-31,50000,USD\n"
     "R2,2026-01-01,2026-03-31,1000000,JPY\n"},
    {"forecast_submissions.csv",
     "rep_id,period_start,period_end,submitted_at,category,amount,currency\n"
     "R1,2026-01-01,2026-03-31,2026-01-15T12:00:00Z,commit,40000.1,EUR\n"
     "R1,2026-01-01,2026-03-31,2026-01-15T12:00:00Z,best_case,45000,\n"},
    {"territory_models.csv",
     "model_id,name,status,active_from\nM1,\"Current, 2026\",active,2026-01-01\nM0,Old,archived,2025-01-01\n"
     "P1,Draft,planning,\n"},
    {"territories.csv",
     "model_id,territory_id,name,parent_id,type,priority,owner_rep_id\nM1,EMEA,Europe,,region,0,\n"
     "M1,DE,\"Deutschland \"\"Nord\"\"\",EMEA,territory,10,R1\nP1,DE,Germany,,territory,0,R2\n"},
    {"territory_overlays.csv", "model_id,territory_id,rep_id,role\nM1,DE,R2,se\n"},
    {"territory_rules.csv",
     "model_id,territory_id,rule_id,field,operator,value\nM1,EMEA,r1,region,eq,EMEA\n"
     "M1,DE,r1,country,in,DE|AT\nM1,DE,r1,employees,range,100..\nM1,DE,r2,postal_code,prefix,01|02\n"},
    {"territory_named_accounts.csv", "model_id,territory_id,account_id\nM1,DE,A1\n"},
    {"territory_assignments.csv",
     "account_id,territory_id,effective_from,effective_to,source\nA1,EMEA,2025-01-01,2025-12-31,rule\n"
     "A1,DE,2026-01-01,,named\n"},
    {"comp_assignments.csv",
     "rep_id,plan_id,effective_from,effective_to\nR1,AE,2026-01-01,2026-06-30\nR1,AE-2,2026-07-01,\nR2,MGR,2026-01-01,"
     "\n"},
};

// Plan files as a user writes them (spacing and key order of their own), in two versions of one plan.
const std::map<std::string, std::string> kPlans = {
    {"AE.json",
     "{\"plan_id\": \"AE\", \"effective_from\": \"2026-07-01\",\n \"components\": [{\"id\": \"c\", \"kind\": "
     "\"commission\", \"rates\": {\"semantics\": \"marginal\", \"tiers\": [{\"from\": 0, \"rate\": \"0.1\"}]}}]}\n"},
    {"AE@2026-01-01.json",
     "{\"effective_from\": \"2026-01-01\", \"plan_id\": \"AE\", \"name\": \"AE \u00e9t\u00e9\", \"components\": []}"},
    {"MGR.json",
     "{\"plan_id\": \"MGR\", \"effective_from\": \"2026-01-01\", \"components\": [{\"id\": \"o\", "
     "\"kind\": \"override\", \"rate\": \"0.02\"}]}"},
};

TEST(RoundTrip, ExportImportExportIsByteIdenticalInEveryEntity) {
  TempDir dir;
  auto source = Workbook::create(dir / "source.salesops");
  std::filesystem::create_directories(dir / "in");
  for (const auto& [name, content] : kFiles) writeFile(dir / "in" / name, content);
  std::filesystem::create_directories(dir / "in" / "plans");
  for (const auto& [name, content] : kPlans) writeFile(dir / "in" / "plans" / name, content);
  auto report = importNativeCsv(*source, {dir / "in"}, {});
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  auto first = exportNativeCsv(*source, dir / "first");

  auto target = Workbook::create(dir / "target.salesops");
  report = importNativeCsv(*target, {dir / "first"}, {});
  ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  EXPECT_TRUE(report.warnings.empty()) << report.warnings[0];
  auto second = exportNativeCsv(*target, dir / "second");

  ASSERT_EQ(first.size(), second.size());
  for (const auto& f : first) {
    EXPECT_GT(f.rows, 0) << f.entity << " has no rows: the test would not cover it";
    EXPECT_EQ(readFile(f.path), readFile(dir / "second" / f.path.filename())) << f.path.filename();
  }
  // Plans come back as the very text that went in, each version under its own name.
  for (const auto& [name, content] : kPlans) {
    EXPECT_EQ(readFile(dir / "first" / "plans" / name), content) << name;
    EXPECT_EQ(readFile(dir / "second" / "plans" / name), content) << name;
  }
  // Spot checks that the text really went through quoting unchanged.
  const std::string reps = readFile(dir / "second" / "reps.csv");
  EXPECT_NE(reps.find("\"Zoë \"\"Z\"\" Ødegård\""), std::string::npos) << reps;
  EXPECT_NE(reps.find("\" Bob\""), std::string::npos) << reps;
  EXPECT_NE(readFile(dir / "second" / "accounts.csv").find("\"Acme\nInc\""), std::string::npos);
  // Importing the export into the source again changes nothing.
  report = importNativeCsv(*source, {dir / "second"}, {});
  for (const auto& f : report.files) EXPECT_EQ(f.inserted + f.updated, 0) << f.file;
}

TEST(RoundTrip, ABadPlanFileIsNamedWithItsJsonPathAndNothingIsImported) {
  TempDir dir;
  auto workbook = Workbook::create(dir / "w.salesops");
  std::filesystem::create_directories(dir / "in" / "plans");
  writeFile(dir / "in" / "reps.csv", "rep_id,name\nR1,Ann\n");
  writeFile(dir / "in" / "plans" / "X.json",
            "{\"plan_id\": \"X\", \"effective_from\": \"2026-01-01\", \"components\": [{\"id\": \"b\", \"kind\": "
            "\"bonus\", \"min_attainment\": 1, \"amount\": 5}]}");
  const auto report = importNativeCsv(*workbook, {dir / "in"}, {});
  EXPECT_FALSE(report.committed);
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_EQ(report.problems[0], "plans/X.json: components[0].amount: must be a money string such as \"5000.00\"");
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM rep"), 0);
  EXPECT_EQ(workbook->db().queryInt("SELECT count(*) FROM comp_plan"), 0);
}

}  // namespace
}  // namespace salesops
