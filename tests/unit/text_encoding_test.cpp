#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/Error.h"
#include "io/CrmNumbers.h"
#include "io/CsvReader.h"
#include "io/TextEncoding.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using namespace std::string_literals;

const std::string kMueller = "M\xC3\xBCller";  // "Müller" in UTF-8

std::string utf16(std::string_view ascii, bool little, bool bom) {
  std::string out;
  if (bom) out += little ? "\xFF\xFE"s : "\xFE\xFF"s;
  for (const char c : ascii) {
    // Latin-1 text: every UTF-16 unit is the character's byte and a zero byte.
    out += little ? std::string{c, '\0'} : std::string{'\0', c};
  }
  return out;
}

// Feeds `bytes` in chunks of `size` and returns the UTF-8.
std::string transcodeInChunks(std::string_view bytes, TextEncoding encoding, std::size_t size,
                              std::int64_t* replacements = nullptr) {
  Utf8Transcoder t(encoding);
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += size) t.feed(bytes.substr(i, size), out);
  t.finish(out);
  if (replacements) *replacements = t.replacements();
  return out;
}

TEST(TextEncoding, Utf16LittleEndianWithBom) {
  const std::string bytes = utf16("M\xFCller", true, true);  // U+00FC as the unit FC 00
  const auto decoded = decodeToUtf8(bytes);
  EXPECT_EQ(decoded.guess.encoding, TextEncoding::Utf16LE);
  EXPECT_EQ(decoded.guess.bomBytes, 2u);
  EXPECT_EQ(decoded.utf8, kMueller);
  EXPECT_EQ(decoded.replacements, 0);
}

TEST(TextEncoding, Utf16BigEndianWithBomAndSurrogates) {
  // "€😀" : U+20AC, then U+1F600 as D83D DE00.
  const std::string bytes = "\xFE\xFF\x20\xAC\xD8\x3D\xDE\x00"s;
  const auto decoded = decodeToUtf8(bytes);
  EXPECT_EQ(decoded.guess.encoding, TextEncoding::Utf16BE);
  EXPECT_EQ(decoded.utf8, "\xE2\x82\xAC\xF0\x9F\x98\x80");
  for (std::size_t chunk = 1; chunk <= 4; ++chunk) {
    EXPECT_EQ(transcodeInChunks(bytes, TextEncoding::Utf16BE, chunk), decoded.utf8) << chunk;
  }
}

TEST(TextEncoding, Utf16WithoutBomIsRecognisedByItsZeroBytes) {
  EXPECT_EQ(detectTextEncoding(utf16("Name,City\r\n", true, false)).encoding, TextEncoding::Utf16LE);
  EXPECT_EQ(detectTextEncoding(utf16("Name,City\r\n", false, false)).encoding, TextEncoding::Utf16BE);
}

TEST(TextEncoding, LoneSurrogatesAndOddBytesBecomeReplacementCharacters) {
  std::int64_t replacements = 0;
  const std::string lone = "\xFF\xFE\x3D\xD8\x41\x00"s;  // high surrogate, then 'A'
  EXPECT_EQ(transcodeInChunks(lone, TextEncoding::Utf16LE, 64, &replacements),
            "\xEF\xBF\xBD"
            "A");
  EXPECT_EQ(replacements, 1);
  EXPECT_EQ(transcodeInChunks("\xFF\xFE\x41\x00\x42"s, TextEncoding::Utf16LE, 64, &replacements), "A\xEF\xBF\xBD");
  EXPECT_EQ(replacements, 1);
}

TEST(TextEncoding, Windows1252IsDetectedWhenTheBytesAreNotUtf8) {
  const std::string bytes = "Name;Price\r\nM\xFCller;\x80 5\r\n";
  const auto guess = detectTextEncoding(bytes);
  EXPECT_EQ(guess.encoding, TextEncoding::Windows1252);
  EXPECT_NE(guess.reason.find("0xFC at offset 13"), std::string::npos) << guess.reason;
  const auto decoded = decodeToUtf8(bytes);
  EXPECT_EQ(decoded.utf8, "Name;Price\r\n" + kMueller + ";\xE2\x82\xAC 5\r\n");
}

TEST(TextEncoding, Windows1252HighBytes) {
  Utf8Transcoder t(TextEncoding::Windows1252);
  std::string out;
  t.feed("\x80\x8A\x99\x9F\xA0\xE9\xFF\x81", out);
  t.finish(out);
  EXPECT_EQ(out, "\xE2\x82\xAC\xC5\xA0\xE2\x84\xA2\xC5\xB8\xC2\xA0\xC3\xA9\xC3\xBF\xC2\x81");
  EXPECT_EQ(t.replacements(), 0);
}

TEST(TextEncoding, Utf8WithAndWithoutBom) {
  const auto withBom = decodeToUtf8("\xEF\xBB\xBFId," + kMueller);
  EXPECT_EQ(withBom.guess.encoding, TextEncoding::Utf8Bom);
  EXPECT_EQ(withBom.utf8, "Id," + kMueller);
  const auto plain = decodeToUtf8("Id," + kMueller);
  EXPECT_EQ(plain.guess.encoding, TextEncoding::Utf8);
  EXPECT_EQ(plain.utf8, "Id," + kMueller);
  EXPECT_EQ(decodeToUtf8("Id,Name").guess.reason, "is plain ASCII (read as UTF-8)");
  EXPECT_EQ(decodeToUtf8("").utf8, "");
}

TEST(TextEncoding, StrictUtf8) {
  // Overlong '/', an encoded surrogate and a code point above U+10FFFF are not UTF-8.
  for (const std::string& bad : {"\xC0\xAF"s, "\xED\xA0\x80"s, "\xF4\x90\x80\x80"s}) {
    EXPECT_EQ(detectTextEncoding(bad).encoding, TextEncoding::Windows1252);
  }
  std::int64_t replacements = 0;
  EXPECT_EQ(transcodeInChunks("a\xC0z", TextEncoding::Utf8, 64, &replacements), "a\xEF\xBF\xBDz");
  EXPECT_EQ(replacements, 1);
}

TEST(TextEncoding, ASampleCutInsideACharacterIsStillUtf8) {
  const std::string cut = "Id," + kMueller.substr(0, 2);
  EXPECT_EQ(detectTextEncoding(cut, false).encoding, TextEncoding::Utf8);
  EXPECT_EQ(detectTextEncoding(cut, true).encoding, TextEncoding::Windows1252);
}

TEST(TextEncoding, StreamingGivesTheSameTextWhateverTheChunkSize) {
  const std::string text = "\xEF\xBB\xBFName\n" + kMueller + " \xE2\x82\xAC \xF0\x9F\x98\x80\n";
  const std::string whole = decodeToUtf8(text).utf8;
  for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
    std::int64_t replacements = -1;
    EXPECT_EQ(transcodeInChunks(text, TextEncoding::Utf8Bom, chunk, &replacements), whole) << chunk;
    EXPECT_EQ(replacements, 0);
  }
  // A file shorter than a BOM, and one that ends inside a character.
  EXPECT_EQ(transcodeInChunks("\xEF\xBB", TextEncoding::Utf8, 1), "\xEF\xBF\xBD");
  EXPECT_EQ(transcodeInChunks("ab", TextEncoding::Utf8, 1), "ab");
}

TEST(TextEncoding, ReadingAMissingFileIsAnError) {
  testing::TempDir dir;
  EXPECT_THROW(readTextFileAsUtf8(dir / "missing.csv"), Error);
  testing::writeFile(dir / "x.csv",
                     "\xFF\xFE"
                     "A\0"s);
  EXPECT_EQ(readTextFileAsUtf8(dir / "x.csv").utf8, "A");
}

TEST(TextEncoding, RealFiles) {
  SALESOPS_REQUIRE_DATASETS();
  const auto dir = testing::datasetsDir();
  EXPECT_EQ(readTextFileAsUtf8(dir / "salesforce-dataloader" / "Opportunity.csv").guess.encoding,
            TextEncoding::Utf8Bom);
  const auto maven = readTextFileAsUtf8(dir / "maven-crm" / "sales_pipeline.csv");
  EXPECT_EQ(maven.guess.encoding, TextEncoding::Utf8);
  EXPECT_EQ(maven.replacements, 0);
}

TEST(TextEncoding, SuperstoreEuropeanVariantIsCp1252SemicolonAndDecimalComma) {
  SALESOPS_REQUIRE_DATASETS();
  const auto decoded = readTextFileAsUtf8(testing::datasetsDir() / "superstore" /
                                          "variant_semicolon_decimal-comma_cp1252" / "Sample - Superstore.csv");
  EXPECT_EQ(decoded.guess.encoding, TextEncoding::Windows1252) << decoded.guess.reason;
  EXPECT_EQ(decoded.replacements, 0);
  // 0xA0 (a no-break space in product names) became U+00A0.
  EXPECT_NE(decoded.utf8.find("Conference\xC2\xA0phone"), std::string::npos);

  auto reader = CsvReader::fromString(decoded.utf8, "Sample - Superstore.csv");
  std::vector<std::string_view> fields;
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.delimiter(), ';');
  const auto sales = std::find(fields.begin(), fields.end(), "Sales") - fields.begin();
  ASSERT_LT(static_cast<std::size_t>(sales), fields.size());
  std::vector<std::pair<std::string, std::int64_t>> values;
  while (reader.next(fields)) {
    ASSERT_EQ(reader.problem(), nullptr) << reader.problem()->message;
    values.emplace_back(std::string(fields[static_cast<std::size_t>(sales)]), reader.recordLine());
  }
  EXPECT_EQ(values.size(), 9994u);
  NumberColumnScanner scanner;
  for (const auto& [text, line] : values) scanner.add(text, line);
  const auto guess = scanner.finish("Sales", DecimalMark::Dot, "the default");
  EXPECT_EQ(guess.markVerdict, ColumnVerdict::Decided) << guess.markReason;
  EXPECT_EQ(guess.mark, DecimalMark::Comma) << guess.markReason;
  // Sales carry up to 4 decimals (discounted prices), so they are numbers here, not 2-digit money.
  for (const auto& [text, line] : values) {
    const auto cell = parseCrmNumber(text, guess.mark);
    ASSERT_TRUE(cell.hasValue()) << line << ": " << cell.reason;
  }
  EXPECT_EQ(parseCrmNumber(values.front().first, guess.mark).value.toString(), "261.96");
}

}  // namespace
}  // namespace salesops
