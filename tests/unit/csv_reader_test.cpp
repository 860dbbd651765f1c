#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/Error.h"
#include "io/CsvReader.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using namespace std::string_literals;
using Row = std::vector<std::string>;

struct Record {
  std::int64_t line = 0;
  Row fields;
  std::string problem;  // empty when the record has none
};

std::vector<Record> readAll(CsvReader& reader) {
  std::vector<Record> out;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    Record r;
    r.line = reader.recordLine();
    for (const auto f : fields) r.fields.emplace_back(f);
    if (const CsvProblem* p = reader.problem()) {
      EXPECT_EQ(p->line, r.line);
      r.problem = p->message;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Record> parse(std::string text, CsvOptions options = {}) {
  CsvReader reader = CsvReader::fromString(std::move(text), "t.csv", options);
  return readAll(reader);
}

TEST(CsvReader, PlainRecordsWithLineNumbers) {
  const auto recs = parse("a,b,c\n1,2,3\n4,5,6\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields, (Row{"a", "b", "c"}));
  EXPECT_EQ(recs[2].fields, (Row{"4", "5", "6"}));
  EXPECT_EQ(recs[0].line, 1);
  EXPECT_EQ(recs[2].line, 3);
  for (const auto& r : recs) EXPECT_EQ(r.problem, "");
}

TEST(CsvReader, QuotedDelimiter) {
  const auto recs = parse("name,city\n\"Smith, John\",Oslo\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (Row{"Smith, John", "Oslo"}));
  EXPECT_EQ(recs[1].problem, "");
}

TEST(CsvReader, DoubledQuotes) {
  const auto recs = parse("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n\"\",x\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].fields, (Row{"say \"hi\"", "\""}));
  EXPECT_EQ(recs[2].fields, (Row{"", "x"}));
}

TEST(CsvReader, EmbeddedNewlinesKeepLaterLineNumbers) {
  const auto recs = parse("a,b\r\n\"line1\r\nline2\r\nline3\",x\r\n1,\"p\nq\rr\"\r\nlast,row\r\n");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[1].fields, (Row{"line1\r\nline2\r\nline3", "x"}));
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[2].fields, (Row{"1", "p\nq\rr"}));
  EXPECT_EQ(recs[2].line, 5);  // the quoted CRLFs count once each
  EXPECT_EQ(recs[3].line, 8);  // a lone LF and a lone CR are lines of their own
  EXPECT_EQ(recs[3].fields, (Row{"last", "row"}));
}

TEST(CsvReader, CarriageReturnOnlyFile) {
  const auto recs = parse("a,b\r1,2\r\r3,4\r");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].fields, (Row{"1", "2"}));
  EXPECT_EQ(recs[2].fields, (Row{"3", "4"}));
  EXPECT_EQ(recs[2].line, 4);
}

TEST(CsvReader, BlankLinesSkippedButCounted) {
  const auto recs = parse("a\n\n\r\n1\n\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].fields, (Row{"1"}));
  EXPECT_EQ(recs[1].line, 4);
}

TEST(CsvReader, BomStripped) {
  CsvReader withBom = CsvReader::fromString("\xEF\xBB\xBFid,name\n1,x\n", "t.csv");
  const auto recs = readAll(withBom);
  EXPECT_TRUE(withBom.hadBom());
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].fields, (Row{"id", "name"}));

  CsvReader noBom = CsvReader::fromString("id,name\n", "t.csv");
  EXPECT_EQ(readAll(noBom)[0].fields, (Row{"id", "name"}));
  EXPECT_FALSE(noBom.hadBom());
}

TEST(CsvReader, DetectsSemicolonAndTab) {
  CsvReader semi = CsvReader::fromString("a;b;\"c,d,e,f\"\n1;2,5;3\n", "t.csv");
  EXPECT_EQ(semi.delimiter(), ';');  // the commas inside quotes do not count
  const auto recs = readAll(semi);
  EXPECT_EQ(recs[1].fields, (Row{"1", "2,5", "3"}));

  CsvReader tab = CsvReader::fromString("a\tb,c\td\n1\t2\t3\n", "t.csv");
  EXPECT_EQ(tab.delimiter(), '\t');
  EXPECT_EQ(readAll(tab)[0].fields, (Row{"a", "b,c", "d"}));
}

TEST(CsvReader, DelimiterTiesAndNoneFallBackToComma) {
  EXPECT_EQ(CsvReader::fromString("a,b;c\n", "t.csv").delimiter(), ',');
  EXPECT_EQ(CsvReader::fromString("single\n1\n", "t.csv").delimiter(), ',');
  EXPECT_EQ(CsvReader::fromString("", "t.csv").delimiter(), ',');
  CsvOptions chosen;
  chosen.delimiter = ';';
  CsvReader forced = CsvReader::fromString("a,b,c;d\n", "t.csv", chosen);
  EXPECT_EQ(forced.delimiter(), ';');
  EXPECT_EQ(readAll(forced)[0].fields, (Row{"a,b,c", "d"}));
}

TEST(CsvReader, RaggedRowsReportedWithLineNumbers) {
  const auto recs = parse("a,b,c,d,e,f,g\n1,2,3,4,5,6,7\n\"x\ny\",2,3,4,5\n1,2,3,4,5,6,7,8\n");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[1].problem, "");
  EXPECT_EQ(recs[2].problem, "has 5 fields, the header has 7");
  EXPECT_EQ(recs[2].line, 3);
  EXPECT_EQ(recs[2].fields.size(), 5u);
  EXPECT_EQ(recs[3].problem, "has 8 fields, the header has 7");
  EXPECT_EQ(recs[3].line, 5);
}

TEST(CsvReader, NulByteReported) {
  const auto recs = parse("a,b\nok,fine\nx,y\0z\n"s);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].problem, "");
  EXPECT_EQ(recs[2].problem, "field 2 contains a NUL byte");
  EXPECT_EQ(recs[2].line, 3);
}

TEST(CsvReader, InvalidUtf8Reported) {
  // Overlong '/', a truncated 3-byte sequence, a surrogate, a stray continuation byte, above U+10FFFF.
  const auto recs = parse("a,b\n1,\xC0\xAF\n\xE2\x82,2\n3,\xED\xA0\x80\n\x80,4\n5,\xF4\x90\x80\x80\n");
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_EQ(recs[1].problem, "field 2 is not valid UTF-8");
  EXPECT_EQ(recs[2].problem, "field 1 is not valid UTF-8");
  EXPECT_EQ(recs[3].problem, "field 2 is not valid UTF-8");
  EXPECT_EQ(recs[4].problem, "field 1 is not valid UTF-8");
  EXPECT_EQ(recs[5].problem, "field 2 is not valid UTF-8");
  EXPECT_EQ(recs[2].line, 3);
}

TEST(CsvReader, ValidMultiByteTextAccepted) {
  // Two-, three- and four-byte characters, also split by a delimiter-free long ASCII run (fast path).
  const auto recs = parse("a,b\nZoë Müller,東京 📈 and a long ascii tail beyond eight bytes\n");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[1].problem, "");
  EXPECT_EQ(recs[1].fields[0], "Zoë Müller");
}

TEST(CsvReader, UnclosedQuoteAtEnd) {
  const auto recs = parse("a,b\n1,2\n3,\"never closed,\n4,5\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[2].problem, "has an unclosed quote");
  EXPECT_EQ(recs[2].line, 3);
  EXPECT_EQ(recs[2].fields[1], "never closed,\n4,5\n");
}

TEST(CsvReader, TextAfterClosingQuote) {
  const auto recs = parse("a,b\n\"ab\"c,d\n\"ok\",e\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].problem, "has text after a closing quote");
  EXPECT_EQ(recs[1].fields, (Row{"abc", "d"}));
  EXPECT_EQ(recs[2].problem, "");
}

TEST(CsvReader, OverlongFieldIsReportedAndSkipped) {
  CsvOptions small;
  small.maxFieldBytes = 8;
  const auto recs = parse("a,b\n12345678,x\n123456789,y\n\"quoted \"\"beyond\"\" limit\",z\nnext,row\n", small);
  ASSERT_EQ(recs.size(), 5u);
  EXPECT_EQ(recs[1].problem, "");
  EXPECT_EQ(recs[2].problem, "has a field longer than 8 bytes");
  EXPECT_EQ(recs[2].fields.size(), 2u);
  EXPECT_LE(recs[2].fields[0].size(), 8u);
  EXPECT_EQ(recs[2].fields[1], "y");
  EXPECT_EQ(recs[3].problem, "has a field longer than 8 bytes");
  EXPECT_EQ(recs[3].fields[1], "z");
  EXPECT_EQ(recs[4].fields, (Row{"next", "row"}));
  EXPECT_EQ(recs[4].line, 5);
}

TEST(CsvReader, EmptyFileHasNoRecords) {
  EXPECT_TRUE(parse("").empty());
  EXPECT_TRUE(parse("\n\r\n").empty());
  CsvReader bomOnly = CsvReader::fromString("\xEF\xBB\xBF", "t.csv");
  EXPECT_TRUE(readAll(bomOnly).empty());
  EXPECT_TRUE(bomOnly.hadBom());
}

TEST(CsvReader, HeaderOnlyAndNoFinalNewline) {
  const auto header = parse("a,b,c");
  ASSERT_EQ(header.size(), 1u);
  EXPECT_EQ(header[0].fields, (Row{"a", "b", "c"}));
  const auto last = parse("a,b\n1,\"two\"");
  ASSERT_EQ(last.size(), 2u);
  EXPECT_EQ(last[1].fields, (Row{"1", "two"}));
  EXPECT_EQ(last[1].problem, "");
  const auto trailing = parse("a,b\n1,");
  EXPECT_EQ(trailing[1].fields, (Row{"1", ""}));
}

TEST(CsvReader, MissingFileIsDataErrorNamingThePath) {
  try {
    CsvReader reader("/nonexistent/folder/deals.csv");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Data);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/folder/deals.csv"), std::string::npos);
  }
}

// Boundaries of the 1 MiB read buffer: a CRLF, a doubled quote and a multi-byte character split across fills.
TEST(CsvReader, FileReadsAcrossBufferBoundaries) {
  testing::TempDir dir;
  const std::size_t kBuf = 1u << 20;
  std::string text = "a,b\n";
  std::vector<std::string> expected;
  while (text.size() < 3 * kBuf + 100) {
    const std::string value = "v" + std::to_string(expected.size()) + " \"q\" é";
    expected.push_back(value);
    text += "\"v" + std::to_string(expected.size() - 1) + " \"\"q\"\" é\",x\r\n";
  }
  testing::writeFile(dir / "big.csv", text);
  CsvReader reader(dir / "big.csv");
  EXPECT_EQ(reader.totalBytes(), static_cast<std::int64_t>(text.size()));
  const auto recs = readAll(reader);
  ASSERT_EQ(recs.size(), expected.size() + 1);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    ASSERT_EQ(recs[i + 1].fields, (Row{expected[i], "x"})) << "record " << i;
    ASSERT_EQ(recs[i + 1].line, static_cast<std::int64_t>(i + 2));
    ASSERT_EQ(recs[i + 1].problem, "");
  }
  EXPECT_EQ(reader.bytesRead(), reader.totalBytes());
}

std::vector<Record> readFileText(const std::string& text) {
  testing::TempDir dir;
  testing::writeFile(dir / "t.csv", text);
  CsvReader reader(dir / "t.csv");
  return readAll(reader);
}

TEST(CsvReader, SeparatorsSplitExactlyAtTheBufferEnd) {
  const std::size_t kBuf = 1u << 20;
  const auto crlf = readFileText("a\n" + std::string(kBuf - 3, 'x') + "\r\nb\n");
  ASSERT_EQ(crlf.size(), 3u);
  EXPECT_EQ(crlf[2].fields, (Row{"b"}));
  EXPECT_EQ(crlf[2].line, 3);

  const auto doubled = readFileText("a\n\"" + std::string(kBuf - 4, 'x') + "\"\"\"\nb\n");
  ASSERT_EQ(doubled.size(), 3u);
  EXPECT_EQ(doubled[1].fields, (Row{std::string(kBuf - 4, 'x') + "\""}));
  EXPECT_EQ(doubled[1].problem, "");

  const auto quotedCrlf = readFileText("a\n\"" + std::string(kBuf - 4, 'x') + "\r\ny\"\nb\n");
  ASSERT_EQ(quotedCrlf.size(), 3u);
  EXPECT_EQ(quotedCrlf[1].fields, (Row{std::string(kBuf - 4, 'x') + "\r\ny"}));
  EXPECT_EQ(quotedCrlf[2].line, 4);
}

std::int64_t statusKb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string word;
  while (in >> word)
    if (word == key) {
      std::int64_t kb = 0;
      in >> kb;
      return kb;
    }
  return -1;
}

TEST(CsvReader, TwentyMegabyteLineKeepsMemoryBounded) {
  testing::TempDir dir;
  {
    std::ofstream out(dir / "huge.csv", std::ios::binary);
    out << "a,b\n";
    const std::string chunk(1u << 20, 'x');
    for (int i = 0; i < 20; ++i) out << chunk;
    out << ",tail\nnext,row\n";
  }
  // Resetting the peak resident size makes the peak below belong to this read alone.
  {
    std::ofstream reset("/proc/self/clear_refs");
    reset << "5";
    if (!reset.flush()) GTEST_SKIP() << "cannot reset the peak resident size here";
  }
  const std::int64_t before = statusKb("VmRSS:");
  if (before < 0 || statusKb("VmHWM:") < 0) GTEST_SKIP() << "no /proc/self/status";
  CsvOptions options;
  options.maxFieldBytes = 1u << 20;
  CsvReader reader(dir / "huge.csv", options);
  std::vector<std::string_view> fields;
  ASSERT_TRUE(reader.next(fields));
  ASSERT_TRUE(reader.next(fields));
  ASSERT_NE(reader.problem(), nullptr);
  EXPECT_EQ(reader.problem()->message, "has a field longer than 1048576 bytes");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_LE(fields[0].size(), std::size_t{1} << 20);
  EXPECT_EQ(fields[1], "tail");
  ASSERT_TRUE(reader.next(fields));
  EXPECT_EQ(reader.recordLine(), 3);
  EXPECT_EQ(reader.problem(), nullptr);
  EXPECT_FALSE(reader.next(fields));
  const std::int64_t grown = statusKb("VmHWM:") - before;
  EXPECT_LT(grown, 10 * 1024) << "peak grew by " << grown << " KiB for a 20 MiB line";
}

TEST(CsvReader, ManyShortFieldsOnOneLineAreBounded) {
  CsvOptions options;
  options.maxFieldBytes = 4;
  std::string text = "a\n";
  text += std::string(200000, ',');
  text += "\nb\n";
  const auto recs = parse(text, options);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].problem, "has more than 100000 fields");
  EXPECT_LE(recs[1].fields.size(), 100000u);
  EXPECT_EQ(recs[2].fields, (Row{"b"}));
  EXPECT_EQ(recs[2].line, 3);
}

TEST(CsvReader, LongRecordOfShortFieldsIsBounded) {
  CsvOptions options;
  options.maxFieldBytes = 4;
  const auto recs = parse("a,b\n1234,1234,1234,1234,1234,1234\n1,2\n", options);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].problem, "is longer than 16 bytes");
  EXPECT_LE(recs[1].fields.size(), 5u);
  EXPECT_EQ(recs[2].fields, (Row{"1", "2"}));
}

TEST(CsvReader, BinaryJunkNeverCrashes) {
  std::string junk;
  std::uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1664525u + 1013904223u;
    junk.push_back(static_cast<char>(x >> 24));
  }
  CsvOptions options;
  options.maxFieldBytes = 64;
  CsvReader reader = CsvReader::fromString(junk, "junk.bin", options);
  std::vector<std::string_view> fields;
  std::int64_t lastLine = 0;
  std::size_t records = 0;
  while (reader.next(fields)) {
    EXPECT_GE(reader.recordLine(), lastLine);
    lastLine = reader.recordLine();
    for (const auto f : fields) EXPECT_LE(f.size(), 64u);
    ++records;
  }
  EXPECT_GT(records, 0u);
  EXPECT_EQ(reader.bytesRead(), static_cast<std::int64_t>(junk.size()));
}

}  // namespace
}  // namespace salesops
