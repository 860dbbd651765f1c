#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/Error.h"
#include "io/MappingProfile.h"
#include "io/MappingProfileWriter.h"

namespace salesops {
namespace {

std::vector<MappedSource> sourcesOf(const MappingProfile& profile) {
  std::vector<MappedSource> sources;
  for (const auto& file : profile.files()) {
    sources.push_back(MappedSource{file.id + ".csv", profile.id(), file, profile.locale(), profile.stages()});
  }
  return sources;
}

void expectSameColumn(const ColumnMapping& a, const ColumnMapping& b) {
  SCOPED_TRACE(a.header);
  EXPECT_EQ(a.header, b.header);
  EXPECT_EQ(a.fields, b.fields);
  EXPECT_EQ(a.ignore, b.ignore);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.dateOrder, b.dateOrder);
  EXPECT_EQ(a.decimalMark, b.decimalMark);
  EXPECT_EQ(a.percentScale, b.percentScale);
  EXPECT_EQ(a.powerOfTen, b.powerOfTen);
  EXPECT_EQ(a.matchByName, b.matchByName);
  EXPECT_EQ(a.idPrefixes, b.idPrefixes);
  EXPECT_EQ(a.values, b.values);
  EXPECT_EQ(a.note, b.note);
}

void expectSameFile(const FileMapping& a, const FileMapping& b) {
  SCOPED_TRACE(a.id);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.entity, b.entity);
  EXPECT_EQ(a.match.fileNamePatterns, b.match.fileNamePatterns);
  EXPECT_EQ(a.match.requiredHeaders, b.match.requiredHeaders);
  EXPECT_EQ(a.match.optionalHeaders, b.match.optionalHeaders);
  ASSERT_EQ(a.columns.size(), b.columns.size());
  for (std::size_t i = 0; i < a.columns.size(); ++i) expectSameColumn(a.columns[i], b.columns[i]);
  ASSERT_EQ(a.defaults.size(), b.defaults.size());
  for (std::size_t i = 0; i < a.defaults.size(); ++i) {
    EXPECT_EQ(a.defaults[i].field, b.defaults[i].field);
    EXPECT_EQ(a.defaults[i].value, b.defaults[i].value);
    EXPECT_EQ(a.defaults[i].why, b.defaults[i].why);
  }
  ASSERT_EQ(a.rules.size(), b.rules.size());
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    const auto& x = a.rules[i];
    const auto& y = b.rules[i];
    EXPECT_EQ(x.when.column, y.when.column);
    EXPECT_EQ(x.when.field, y.when.field);
    EXPECT_EQ(x.when.op, y.when.op);
    EXPECT_EQ(x.when.values, y.when.values);
    EXPECT_EQ(x.skipRow, y.skipRow);
    EXPECT_EQ(x.set, y.set);
    EXPECT_EQ(x.copy, y.copy);
    EXPECT_EQ(x.why, y.why);
  }
  EXPECT_EQ(a.trailerPrefixes, b.trailerPrefixes);
}

// Every built-in profile, written from its entries and read back, is the same mapping: the writer covers
// every key the built-ins use (formats, orders, scales, powers, prefixes, values, defaults, rules, stages).
TEST(MappingProfileWriter, EveryBuiltinProfileRoundTrips) {
  ASSERT_FALSE(builtinMappingProfiles().empty());
  for (const auto& profile : builtinMappingProfiles()) {
    SCOPED_TRACE(profile.id());
    const auto sources = sourcesOf(profile);
    const std::string json = writeMappingProfileJson({profile.id(), profile.name(), profile.sourceNote()}, sources);
    const MappingProfile back = MappingProfile::fromJson(json, "written.json");
    EXPECT_EQ(back.id(), profile.id());
    EXPECT_EQ(back.name(), profile.name());
    EXPECT_EQ(back.sourceNote(), profile.sourceNote());
    EXPECT_EQ(back.locale().dateOrder, profile.locale().dateOrder);
    EXPECT_EQ(back.locale().decimalMark, profile.locale().decimalMark);
    EXPECT_EQ(back.locale().twoDigitYearPivot, profile.locale().twoDigitYearPivot);
    EXPECT_EQ(back.locale().currency, profile.locale().currency);
    ASSERT_EQ(back.stages().size(), profile.stages().size());
    for (std::size_t i = 0; i < back.stages().size(); ++i) {
      EXPECT_EQ(back.stages()[i].stage, profile.stages()[i].stage);
      EXPECT_EQ(back.stages()[i].kind, profile.stages()[i].kind);
      EXPECT_EQ(back.stages()[i].probability, profile.stages()[i].probability);
    }
    ASSERT_EQ(back.files().size(), profile.files().size());
    for (std::size_t i = 0; i < back.files().size(); ++i) expectSameFile(back.files()[i], profile.files()[i]);
  }
}

// What the wizard produces from a hand-edited mapping: a column forced to day-first dates, a column the
// user unmapped, a reference matched by name, and no required headers of its own.
TEST(MappingProfileWriter, HandMadeMappingRequiresItsMappedColumnsAndIgnoresUnmappedOnes) {
  FileMapping file;
  file.entity = "opportunity";
  ColumnMapping id{.header = "Deal No", .fields = {"opportunity_id"}};
  ColumnMapping close{.header = "Closing", .fields = {"close_date"}, .format = ValueFormat::Date};
  close.dateOrder = DayMonthOrder::DayFirst;
  ColumnMapping owner{.header = "Seller", .fields = {"owner_rep_id"}, .matchByName = true};
  ColumnMapping unmapped{.header = "Colour"};  // mapped to nothing in the editor
  file.columns = {id, close, owner, unmapped};
  file.defaults = {{"currency", "EUR", "the shop sells in euros"}};
  ProfileLocale locale;
  locale.dateOrder = DayMonthOrder::DayFirst;
  locale.decimalMark = DecimalMark::Comma;
  const MappedSource source{"deals.csv", "", file, locale, {}};

  const auto back = MappingProfile::fromJson(
      writeMappingProfileJson({"shop-deals", "Shop deals", ""}, std::span(&source, 1)), "shop.json");
  ASSERT_EQ(back.files().size(), 1U);
  const FileMapping& f = back.files()[0];
  EXPECT_EQ(f.id, "opportunity");  // no id of its own: named by its entity
  EXPECT_EQ(f.match.requiredHeaders, (std::vector<std::string>{"Deal No", "Closing", "Seller"}));
  ASSERT_NE(f.column("Colour"), nullptr);
  EXPECT_TRUE(f.column("Colour")->ignore);
  EXPECT_EQ(f.column("Closing")->dateOrder, DayMonthOrder::DayFirst);
  EXPECT_EQ(f.column("Closing")->format, ValueFormat::Date);
  EXPECT_TRUE(f.column("Seller")->matchByName);
  EXPECT_EQ(back.locale().decimalMark, DecimalMark::Comma);
  ASSERT_EQ(f.defaults.size(), 1U);
  EXPECT_EQ(f.defaults[0].why, "the shop sells in euros");
  EXPECT_EQ(back.sourceNote(), "saved from the import wizard");
}

// Non-ASCII headers survive as \u escapes (the built-ins' convention) and load back as UTF-8.
TEST(MappingProfileWriter, NonAsciiHeadersAreEscapedAndReadBack) {
  FileMapping file;
  file.entity = "account";
  file.columns = {ColumnMapping{.header = "Kundennummer", .fields = {"account_id"}},
                  ColumnMapping{.header = "Firmenname (Gro\xC3\x9F)", .fields = {"name"}}};
  const MappedSource source{"kunden.csv", "", file, {}, {}};
  const std::string json = writeMappingProfileJson({"kunden", "Kunden", ""}, std::span(&source, 1));
  EXPECT_NE(json.find("\\u00df"), std::string::npos);
  const auto back = MappingProfile::fromJson(json, "kunden.json");
  EXPECT_NE(back.files()[0].column("Firmenname (Gro\xC3\x9F)"), nullptr);
}

TEST(MappingProfileWriter, RefusesNoFilesAndBadIds) {
  EXPECT_THROW(writeMappingProfileJson({"x", "X", ""}, {}), Error);
  const auto sources = sourcesOf(builtinMappingProfiles().front());
  EXPECT_THROW(writeMappingProfileJson({"Has Spaces", "X", ""}, sources), Error);
  EXPECT_THROW(writeMappingProfileJson({"", "X", ""}, sources), Error);
}

TEST(MappingProfileWriter, ProfileIdFromName) {
  EXPECT_EQ(profileIdFromName("Acme CRM (2024)"), "acme-crm-2024");
  EXPECT_EQ(profileIdFromName("  --Deals__export  "), "deals-export");  // '_' is not kept: only [a-z0-9-]
  EXPECT_EQ(profileIdFromName("\xC3\xA9\xC3\xA9"), "profile");
}

}  // namespace
}  // namespace salesops
