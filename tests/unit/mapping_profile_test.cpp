#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "common/Error.h"
#include "io/CsvReader.h"
#include "io/MappingProfile.h"
#include "io/TextEncoding.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

const std::string kMinimal = R"({
  "profile_id": "acme",
  "name": "Acme CRM",
  "source_note": "written for the test",
  "files": [{
    "id": "Deals",
    "entity": "opportunity",
    "match": {"required_headers": ["Deal Id", "Close Date"]},
    "columns": {
      "Deal Id": {"field": "opportunity_id"},
      "Close Date": {"field": "close_date"},
      "Value": {"field": "amount", "decimal_mark": ","},
      "Owner": {"field": "owner_rep_id", "match_by": "name"},
      "Phase": {"field": "forecast_category", "values": {"Best": "best_case"}},
      "Internal": {"ignore": true}
    },
    "defaults": {"currency": "EUR", "created_date": {"value": "$import_date", "why": "no created date"}},
    "rules": [{"when": {"column": "Internal", "equals": "x"}, "skip_row": true, "why": "internal deals"}]
  }]
})";

// Replaces the first occurrence of `from` in the minimal profile.
std::string variant(std::string_view from, std::string_view to) {
  std::string text = kMinimal;
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  return text;
}

std::vector<std::string> problemsOf(const std::string& json) {
  std::vector<std::string> problems;
  EXPECT_FALSE(MappingProfile::parse(json, "acme.json", problems).has_value());
  return problems;
}

bool mentions(const std::vector<std::string>& problems, std::string_view a, std::string_view b = {}) {
  for (const auto& p : problems) {
    if (p.find(a) != std::string::npos && p.find(b) != std::string::npos) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}

TEST(MappingProfile, ParsesAMinimalProfile) {
  const auto p = MappingProfile::fromJson(kMinimal, "acme.json");
  EXPECT_EQ(p.id(), "acme");
  EXPECT_EQ(p.origin(), "acme.json");
  ASSERT_EQ(p.files().size(), 1u);
  const FileMapping& f = p.files()[0];
  EXPECT_EQ(f.entity, "opportunity");
  ASSERT_EQ(f.columns.size(), 6u);
  EXPECT_EQ(f.columns[0].header, "Deal Id");  // profile order is kept
  const ColumnMapping* close = f.column("  close date ");
  ASSERT_NE(close, nullptr);
  EXPECT_EQ(close->format, ValueFormat::Date);  // from the field's type
  EXPECT_EQ(f.column("Value")->format, ValueFormat::Money);
  EXPECT_EQ(f.column("Value")->decimalMark, DecimalMark::Comma);
  EXPECT_TRUE(f.column("Owner")->matchByName);
  EXPECT_EQ(f.column("Phase")->format, ValueFormat::Enum);
  EXPECT_TRUE(f.column("Internal")->ignore);
  ASSERT_EQ(f.defaults.size(), 2u);
  EXPECT_EQ(f.defaults[1].value, "$import_date");
  EXPECT_EQ(f.defaults[1].why, "no created date");
  ASSERT_EQ(f.rules.size(), 1u);
  EXPECT_TRUE(f.rules[0].skipRow);
  EXPECT_EQ(p.locale().dateOrder, DayMonthOrder::MonthFirst);
}

TEST(MappingProfile, UnknownEntityNamesTheJsonPath) {
  const auto problems = problemsOf(variant("\"entity\": \"opportunity\"", "\"entity\": \"oportunity\""));
  EXPECT_TRUE(mentions(problems, "acme.json: files[0].entity: unknown entity \"oportunity\"", "opportunity"))
      << joined(problems);
}

TEST(MappingProfile, UnknownFieldNamesTheJsonPathAndTheKnownFields) {
  const auto problems = problemsOf(variant("\"field\": \"close_date\"", "\"field\": \"close\""));
  EXPECT_TRUE(mentions(
      problems, "files[0].columns[\"Close Date\"].field: unknown field \"close\" of entity opportunity", "close_date"))
      << joined(problems);
}

TEST(MappingProfile, EveryProblemIsReportedAtOnce) {
  std::string text = variant("\"field\": \"close_date\"", "\"field\": \"close_date\", \"format\": \"money\"");
  text.replace(text.find("\"match_by\": \"name\""), 18, "\"match_by\": \"email\"");
  text.replace(text.find("best_case"), 9, "best");
  text.replace(text.find("$import_date"), 12, "$tomorrow");
  text.replace(text.find("\"skip_row\": true, "), 18, "");
  text.replace(text.find("\"Internal\": {\"ignore\": true}"), 28, "\"Internal\": {\"ignore\": true, \"feild\": 1}");
  const auto problems = problemsOf(text);
  EXPECT_TRUE(mentions(problems, "columns[\"Close Date\"].format: format money cannot fill field close_date"));
  EXPECT_TRUE(mentions(problems, "columns.Owner.match_by: must be"));
  EXPECT_TRUE(mentions(problems, "values.Best: \"best\" is not a value of forecast_category"));
  EXPECT_TRUE(mentions(problems, "defaults.created_date: \"$tomorrow\" is not a known token"));
  EXPECT_TRUE(mentions(problems, "rules[0]: does nothing"));
  EXPECT_TRUE(mentions(problems, "columns.Internal.feild: unknown key"));
  EXPECT_EQ(problems.size(), 6u) << joined(problems);
  try {
    MappingProfile::fromJson(text, "acme.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(std::string(e.what()).find("has 6 problems"), std::string::npos) << e.what();
  }
}

TEST(MappingProfile, MoreValidation) {
  EXPECT_TRUE(mentions(problemsOf(variant("\"match_by\": \"name\"", "\"match_by\": \"name\", \"decimal_mark\": \";\"")),
                       "columns.Owner.decimal_mark"));
  EXPECT_TRUE(mentions(problemsOf(variant("\"Internal\": {\"ignore\": true}",
                                          "\"Name\": {\"field\": \"name\", \"match_by\": \"name\"}")),
                       "columns.Name.match_by: field name references no entity"));
  EXPECT_TRUE(mentions(problemsOf(variant("\"column\": \"Internal\"", "\"column\": \"Nope\"")),
                       "rules[0].when.column: \"Nope\" is not a header of this entry"));
  EXPECT_TRUE(
      mentions(problemsOf(variant("\"required_headers\": [\"Deal Id\", \"Close Date\"]", "\"required_headers\": []")),
               "files[0].match.required_headers"));
  EXPECT_TRUE(mentions(problemsOf(variant("\"profile_id\": \"acme\"", "\"profile_id\": \"Acme CRM\"")), "profile_id"));
  EXPECT_TRUE(mentions(problemsOf(variant("\"Internal\": {\"ignore\": true}",
                                          "\"Internal\": {\"ignore\": true}, \"internal\": {\"ignore\": true}")),
                       "listed twice"));
  EXPECT_TRUE(mentions(problemsOf(variant("\"files\": [", "\"locale\": {\"date_order\": \"ymd\"}, \"files\": [")),
                       "locale.date_order"));
}

TEST(MappingProfile, JsonSyntaxErrorsGiveTheLine) {
  const auto problems = problemsOf(variant("\"name\": \"Acme CRM\",", "\"name\": \"Acme CRM\""));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("acme.json:4: not valid JSON", 0), 0u) << problems[0];
}

TEST(MappingProfile, LoadsUserProfilesFromDisk) {
  testing::TempDir dir;
  testing::writeFile(dir / "acme.json", kMinimal);
  const auto p = MappingProfile::fromFile(dir / "acme.json");
  EXPECT_EQ(p.name(), "Acme CRM");
  EXPECT_EQ(p.json(), kMinimal);
  EXPECT_THROW(MappingProfile::fromFile(dir / "missing.json"), Error);
}

TEST(MappingProfile, BuiltinsAreEmbeddedAndValid) {
  const auto& builtins = builtinMappingProfiles();
  std::vector<std::string> ids;
  for (const auto& p : builtins) {
    ids.push_back(p.id());
    EXPECT_EQ(p.origin(), "built-in");
    EXPECT_GT(p.sourceNote().size(), 100u) << p.id();
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"hubspot", "maven-crm", "pipedrive", "salesforce-report", "salesforce"}));
  const MappingProfile* sf = findBuiltinMappingProfile("salesforce");
  ASSERT_NE(sf, nullptr);
  std::vector<std::string> files;
  for (const auto& f : sf->files()) files.push_back(f.id);
  EXPECT_EQ(files, (std::vector<std::string>{"Opportunity", "Account", "Contact", "User", "OpportunityHistory",
                                             "OpportunitySplit", "Lead", "Task", "Event"}));
  EXPECT_EQ(sf->stages().size(), 10u);
  EXPECT_EQ(findBuiltinMappingProfile("nope"), nullptr);
}

TEST(MappingProfile, DetectionScoresHeaders) {
  const std::vector<MappingProfile> profiles{MappingProfile::fromJson(kMinimal, "acme.json")};
  const std::vector<std::string> all{"Deal Id", "Close Date", "Value", "Owner", "Phase", "Internal"};
  const auto full = detectMappingProfile(profiles, all, "deals.csv");
  ASSERT_TRUE(full.best);
  EXPECT_NEAR(full.best->confidence, 0.95, 1e-9);  // no file name pattern: N = 0
  EXPECT_EQ(full.best->describe(), "acme Deals (0.95)");
  EXPECT_FALSE(full.runnerUp);

  const std::vector<std::string> partial{
      "\xEF\xBB\xBF"
      "deal id",
      "Something else"};
  const auto half = detectMappingProfile(profiles, partial, "x.csv");
  ASSERT_TRUE(half.best);
  EXPECT_LT(half.best->confidence, 0.3);
  EXPECT_EQ(half.best->missingRequired, std::vector<std::string>{"Close Date"});
  EXPECT_NE(half.summary().find("missing required headers: \"Close Date\""), std::string::npos);

  const std::vector<std::string> unrelated{"a", "b"};
  EXPECT_FALSE(detectMappingProfile(profiles, unrelated, "x.csv").best);
  EXPECT_EQ(detectMappingProfile(profiles, unrelated, "x.csv").summary(), "no mapping profile matches these headers");
}

std::vector<std::string> headersOf(const std::filesystem::path& path) {
  const auto decoded = readTextFileAsUtf8(path);
  auto reader = CsvReader::fromString(decoded.utf8, path.filename().string());
  std::vector<std::string_view> fields;
  reader.next(fields);
  return {fields.begin(), fields.end()};
}

ProfileDetection detectFile(const std::filesystem::path& path) {
  const auto d = detectMappingProfile(builtinMappingProfiles(), headersOf(path), path.filename().string());
  std::cout << "[ detect   ] " << path.parent_path().filename().string() << "/" << path.filename().string() << " -> "
            << d.summary() << "\n";
  return d;
}

void expectDetected(const std::filesystem::path& path, std::string_view profile, std::string_view file,
                    double minConfidence) {
  const auto d = detectFile(path);
  ASSERT_TRUE(d.best) << path;
  EXPECT_EQ(d.best->profile->id(), profile) << d.summary();
  EXPECT_EQ(d.best->file().id, file) << d.summary();
  EXPECT_GE(d.best->confidence, minConfidence) << d.summary();
  EXPECT_TRUE(d.best->missingRequired.empty()) << d.summary();
  if (d.runnerUp) {
    EXPECT_LT(d.runnerUp->confidence, d.best->confidence - 0.1) << d.summary();
  }
}

TEST(MappingProfile, DetectsSalesforceDataLoaderFiles) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir() / "salesforce-dataloader";
  expectDetected(dir / "Opportunity.csv", "salesforce", "Opportunity", 0.85);
  expectDetected(dir / "Account.csv", "salesforce", "Account", 0.85);
  expectDetected(dir / "Contact.csv", "salesforce", "Contact", 0.75);
  expectDetected(dir / "Lead.csv", "salesforce", "Lead", 0.85);
  expectDetected(dir / "Task.csv", "salesforce", "Task", 0.75);
}

TEST(MappingProfile, DetectsMavenFiles) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir() / "maven-crm";
  expectDetected(dir / "sales_pipeline.csv", "maven-crm", "sales_pipeline", 0.95);
  expectDetected(dir / "sales_teams.csv", "maven-crm", "sales_teams", 0.95);
  expectDetected(dir / "accounts.csv", "maven-crm", "accounts", 0.95);
  expectDetected(dir / "variant_excel_resaved_us_dates" / "sales_pipeline.csv", "maven-crm", "sales_pipeline", 0.95);
}

TEST(MappingProfile, UnrelatedFilesAreNotRecognisedConfidently) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir();
  for (const auto& path : {dir / "superstore" / "Sample - Superstore.csv", dir / "maven-crm" / "products.csv",
                           dir / "salesforce-dataloader" / "Campaign.csv"}) {
    const auto d = detectFile(path);
    if (d.best) {
      EXPECT_LT(d.best->confidence, 0.5) << path << ": " << d.summary();
    }
  }
}

std::filesystem::path fixtures() { return std::filesystem::current_path() / "tests" / "data" / "crm"; }

TEST(MappingProfile, DetectsVendorFixtures) {
  expectDetected(fixtures() / "hubspot" / "hubspot-crm-exports-all-deals-2024-03-01.csv", "hubspot", "Deals", 0.85);
  expectDetected(fixtures() / "hubspot" / "hubspot-crm-exports-all-companies-2024-03-01.csv", "hubspot", "Companies",
                 0.85);
  expectDetected(fixtures() / "pipedrive" / "deals-4242-17.csv", "pipedrive", "Deals", 0.85);
  expectDetected(fixtures() / "pipedrive" / "organizations-4242-18.csv", "pipedrive", "Organizations", 0.85);
  expectDetected(fixtures() / "salesforce-report" / "report1709280000000.csv", "salesforce-report",
                 "Opportunities report", 0.85);
}

// Reads every mapped column of a file with its profile format, deciding date order, decimal mark and
// percent scale over the column as the import will, and returns the problems as file:line: column: reason.
std::vector<std::string> readWithProfile(const std::filesystem::path& path, const MappingProfile& profile,
                                         const FileMapping& entry) {
  const auto decoded = readTextFileAsUtf8(path);
  const std::string name = path.filename().string();
  auto reader = CsvReader::fromString(decoded.utf8, name);
  std::vector<std::string_view> fields;
  reader.next(fields);
  const std::vector<std::string> headers(fields.begin(), fields.end());
  std::vector<std::vector<std::pair<std::string, std::int64_t>>> cells(headers.size());
  while (reader.next(fields)) {
    if (!fields.empty() && std::any_of(entry.trailerPrefixes.begin(), entry.trailerPrefixes.end(),
                                       [&](const std::string& p) { return fields[0].starts_with(p); })) {
      break;
    }
    if (fields.size() != headers.size()) continue;  // the blank line before a report footer
    for (std::size_t i = 0; i < fields.size(); ++i) cells[i].emplace_back(std::string(fields[i]), reader.recordLine());
  }
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const ColumnMapping* c = entry.column(headers[i]);
    if (!c || c->ignore) continue;
    DateColumnScanner dates;
    NumberColumnScanner numbers;
    for (const auto& [text, line] : cells[i]) {
      dates.add(text, line);
      numbers.add(text, line);
    }
    const auto dateGuess = dates.finish(headers[i], profile.locale().dateOrder, "the profile's locale");
    const auto numberGuess = numbers.finish(headers[i], profile.locale().decimalMark, "the profile's locale");
    const DayMonthOrder order = c->dateOrder.value_or(dateGuess.order);
    const DecimalMark mark = c->decimalMark.value_or(numberGuess.mark);
    const PercentScale scale = c->percentScale.value_or(numberGuess.scale);
    for (const auto& [text, line] : cells[i]) {
      std::string reason;
      switch (c->format) {
        case ValueFormat::Date:
        case ValueFormat::Timestamp:
          reason = parseCrmDateTime(text, {order, profile.locale().twoDigitYearPivot}).reason;
          if (!parseCrmDateTime(text, {order}).isInvalid()) reason.clear();
          break;
        case ValueFormat::Money:
          if (const auto m = parseCrmMoney(text, mark, ""); m.isInvalid()) reason = m.reason;
          break;
        case ValueFormat::Integer:
        case ValueFormat::Number:
          if (const auto n = parseCrmNumber(text, mark); n.isInvalid()) reason = n.reason;
          break;
        case ValueFormat::Percent:
          if (const auto p = parseCrmPercent(text, mark, scale); p.isInvalid()) reason = p.reason;
          break;
        case ValueFormat::Bool:
          if (const auto b = parseCrmBool(text); b.isInvalid()) reason = b.reason;
          break;
        case ValueFormat::Text:
        case ValueFormat::Enum:
          break;
      }
      if (!reason.empty()) problems.push_back(formatProblem(Location{name, line, headers[i]}, reason));
    }
  }
  return problems;
}

void expectReadable(const std::filesystem::path& path) {
  const auto d = detectMappingProfile(builtinMappingProfiles(), headersOf(path), path.filename().string());
  ASSERT_TRUE(d.best) << path;
  const auto problems = readWithProfile(path, *d.best->profile, d.best->file());
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems, first: " << problems.front();
}

TEST(MappingProfile, EveryMappedValueOfTheFixturesReads) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fixtures())) {
    if (entry.path().extension() == ".csv") {
      expectReadable(entry.path());
    }
  }
}

TEST(MappingProfile, EveryMappedValueOfTheRealFilesReads) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir();
  for (const char* file : {"Opportunity.csv", "Account.csv", "Contact.csv", "Lead.csv", "Task.csv"}) {
    expectReadable(dir / "salesforce-dataloader" / file);
  }
  for (const char* file :
       {"sales_pipeline.csv", "sales_teams.csv", "accounts.csv", "variant_excel_resaved_us_dates/sales_pipeline.csv"}) {
    expectReadable(dir / "maven-crm" / file);
  }
}

}  // namespace
}  // namespace salesops
