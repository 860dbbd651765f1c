#pragma once
// A small workbook with two territory models, used by the storage and CLI tests of territories. The figures
// are chosen so that balances, moves and quota relief can be worked out by hand (see the tests).
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

#include "io/NativeImport.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops::testing {

// CSV files of the native format: 4 reps, 5 accounts, 5 opportunities, 3 quotas; model M1 (active from
// 2026-01-01: EMEA > DE {DE, AT}, FR; owners R1, R2) and M2 (planning: M1 plus DE-ENT, priority 10, for German
// accounts of 1000+ employees, owner R3). A4 (JP) matches nothing. No assignment rows yet.
inline std::map<std::string, std::string> territoryFixtureFiles() {
  return {
      {"reps.csv",
       "rep_id,name,email,team,manager_id,role,start_date,end_date\n"
       "R1,Rita,,,,ae,,\nR2,Ravi,,,,ae,,\nR3,Rosa,,,,ae,,\nR4,Remy,,,,se,,\n"},
      {"accounts.csv",
       "account_id,name,industry,country,region,postal_code,employees,annual_revenue,owner_rep_id,territory_id\n"
       "A1,Alpha GmbH,Tech,DE,EMEA,10115,5000,1000000,R1,\n"
       "A2,Beta GmbH,Retail,de ,EMEA,80331,50,200000,R1,\n"
       "A3,Gamma SA,Tech,FR,EMEA,75008,100,300000,R2,\n"
       "A4,Delta KK,Tech,JP,APAC,100-0001,10,50000,,\n"
       "A5,Epsilon AG,Bank,AT,EMEA,1010,20,100000,,\n"},
      {"opportunities.csv",
       "opportunity_id,account_id,owner_rep_id,name,type,stage,amount,currency,probability,created_date,close_date,"
       "forecast_category,lead_source\n"
       "O1,A1,R1,,,Proposal,1000,USD,,2026-01-05,2026-03-15,,\n"
       "O2,A1,R1,,,Closed Won,500,USD,,2026-01-05,2026-02-01,,\n"
       "O3,A3,R2,,,Closed Won,700,USD,,2026-01-05,2026-06-30,,\n"
       "O4,A2,R1,,,Proposal,300,USD,,2026-01-05,2026-05-01,,\n"
       "O5,A1,R1,,,Proposal,50,USD,,2026-01-05,2026-05-10,,\n"},
      {"quotas.csv",
       "rep_id,period_start,period_end,amount,currency\n"
       "R1,2026-01-01,2026-03-31,10000,USD\nR1,2026-04-01,2026-06-30,10000,USD\n"
       "R2,2026-01-01,2026-06-30,5000,USD\n"},
      {"territory_models.csv", "model_id,name,status,active_from\nM1,Current,active,2026-01-01\nM2,Next,planning,\n"},
      {"territories.csv",
       "model_id,territory_id,name,parent_id,type,priority,owner_rep_id\n"
       "M1,EMEA,Europe,,region,0,\nM1,DE,Germany,EMEA,territory,0,R1\n"
       "M1,FR,France,EMEA,territory,0,R2\n"
       "M2,EMEA,Europe,,region,0,\nM2,DE,Germany,EMEA,territory,0,R1\n"
       "M2,FR,France,EMEA,territory,0,R2\nM2,DE-ENT,Germany enterprise,EMEA,territory,10,R3\n"},
      {"territory_overlays.csv", "model_id,territory_id,rep_id,role\nM1,DE,R4,se\nM2,DE,R4,se\n"},
      {"territory_rules.csv",
       "model_id,territory_id,rule_id,field,operator,value\n"
       "M1,EMEA,r1,region,eq,EMEA\nM1,DE,r1,country,in,DE|AT\nM1,FR,r1,country,eq,FR\n"
       "M2,EMEA,r1,region,eq,EMEA\nM2,DE,r1,country,in,DE|AT\nM2,FR,r1,country,eq,FR\n"
       "M2,DE-ENT,r1,country,eq,DE\nM2,DE-ENT,r1,employees,range,1000..\n"},
  };
}

// The fixture imported into a new workbook `dir/t.salesops` (the files written under `dir/in`). Throws with
// the first problem when the import does not commit, which fails the test that set it up.
inline std::unique_ptr<Workbook> createTerritoryFixtureWorkbook(const std::filesystem::path& dir) {
  auto workbook = Workbook::create(dir / "t.salesops");
  std::filesystem::create_directories(dir / "in");
  for (const auto& [name, content] : territoryFixtureFiles()) writeFile(dir / "in" / name, content);
  const auto report = importNativeCsv(*workbook, {dir / "in"}, {});
  if (!report.committed) {
    throw std::runtime_error("territory fixture not imported: " +
                             (report.problems.empty() ? std::string("?") : report.problems[0]));
  }
  return workbook;
}

}  // namespace salesops::testing
