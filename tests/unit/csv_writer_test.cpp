#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "common/Error.h"
#include "io/CsvReader.h"
#include "io/CsvWriter.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

std::string encode(std::string_view value, CsvWriteOptions options = {}) {
  std::string out;
  CsvWriter::appendField(out, value, options);
  return out;
}

fs::path tempOf(const fs::path& target) {
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  return temp;
}

Rows readBack(const fs::path& path, char delimiter) {
  CsvOptions options;
  options.delimiter = delimiter;
  CsvReader reader(path, options);
  Rows rows;
  std::vector<std::string_view> fields;
  while (reader.next(fields)) {
    EXPECT_EQ(reader.problem(), nullptr) << reader.problem()->message << " at line " << reader.recordLine();
    rows.emplace_back(fields.begin(), fields.end());
  }
  return rows;
}

TEST(CsvWriter, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(encode("plain text"), "plain text");
  EXPECT_EQ(encode(""), "");
  EXPECT_EQ(encode("a,b"), "\"a,b\"");
  EXPECT_EQ(encode("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(encode("\""), "\"\"\"\"");
  EXPECT_EQ(encode("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(encode("cr\ronly"), "\"cr\ronly\"");
  EXPECT_EQ(encode(" lead"), "\" lead\"");
  EXPECT_EQ(encode("trail "), "\"trail \"");
  EXPECT_EQ(encode("in side"), "in side");
  CsvWriteOptions semi;
  semi.delimiter = ';';
  EXPECT_EQ(encode("a,b", semi), "a,b");
  EXPECT_EQ(encode("a;b", semi), "\"a;b\"");
}

TEST(CsvWriter, AppendFieldAppendsWithoutClearing) {
  std::string out = "x,";
  CsvWriter::appendField(out, "y", {});
  EXPECT_EQ(out, "x,y");
}

TEST(CsvWriter, NeutralizesFormulasOnlyWhenAsked) {
  CsvWriteOptions on;
  on.neutralizeFormulas = true;
  EXPECT_EQ(encode("=SUM(A1:A9)", on), "'=SUM(A1:A9)");
  EXPECT_EQ(encode("+1", on), "'+1");
  EXPECT_EQ(encode("-5", on), "'-5");
  EXPECT_EQ(encode("@cmd", on), "'@cmd");
  EXPECT_EQ(encode("\tx", on), "'\tx");
  EXPECT_EQ(encode("\rx", on), "\"'\rx\"");
  EXPECT_EQ(encode("=HYPERLINK(\"a\",\"b\")", on), "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\"");
  EXPECT_EQ(encode("safe=1", on), "safe=1");
  EXPECT_EQ(encode("", on), "");
  EXPECT_EQ(encode("=SUM(A1:A9)"), "=SUM(A1:A9)");
  EXPECT_EQ(encode("-5"), "-5");
}

TEST(CsvWriter, WritesBomCrlfAndDelimiter) {
  testing::TempDir dir;
  CsvWriteOptions options;
  options.bom = true;
  options.crlf = true;
  options.delimiter = '\t';
  {
    CsvWriter writer(dir / "out.csv", options);
    writer.row({"id", "name"});
    writer.field("1");
    writer.field("a\tb");
    writer.endRow();
    writer.commit();
  }
  EXPECT_EQ(testing::readFile(dir / "out.csv"), "\xEF\xBB\xBFid\tname\r\n1\t\"a\tb\"\r\n");
  CsvReader reader(dir / "out.csv");
  EXPECT_TRUE(reader.hadBom());
  EXPECT_EQ(reader.delimiter(), '\t');
}

TEST(CsvWriter, LoneEmptyFieldSurvivesAsARow) {
  testing::TempDir dir;
  {
    CsvWriter writer(dir / "one.csv");
    writer.row({"note"});
    writer.row({""});
    writer.row({"x"});
    writer.commit();
  }
  EXPECT_EQ(testing::readFile(dir / "one.csv"), "note\n\"\"\nx\n");
  EXPECT_EQ(readBack(dir / "one.csv", ','), (Rows{{"note"}, {""}, {"x"}}));
}

std::string randomValue(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {"a",  "Z",    "9", " ", ",", ";",  "\t", "\"", "\"\"", "\r",
                                                  "\n", "\r\n", "=", "-", "é", "東", "📈",  "'",  "x y"};
  std::uniform_int_distribution<int> length(0, 12);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string value;
  for (int n = length(rng); n > 0; --n) value += pieces[pick(rng)];
  return value;
}

// Enough rows to cross the 1 MiB buffers of both the writer and the reader several times.
void roundTrip(CsvWriteOptions options, unsigned seed) {
  testing::TempDir dir;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> widthDist(1, 6);
  const int width = widthDist(rng);
  Rows rows;
  std::size_t bytes = 0;
  while (bytes < (3u << 20)) {
    std::vector<std::string> row;
    for (int c = 0; c < width; ++c) {
      row.push_back(randomValue(rng));
      bytes += row.back().size() + 1;
    }
    rows.push_back(std::move(row));
  }
  {
    CsvWriter writer(dir / "rt.csv", options);
    for (const auto& row : rows) {
      for (const auto& value : row) writer.field(value);
      writer.endRow();
    }
    writer.commit();
  }
  EXPECT_EQ(readBack(dir / "rt.csv", options.delimiter), rows) << "seed " << seed;
}

TEST(CsvWriter, RoundTripsRandomText) { roundTrip({}, 20240601); }

TEST(CsvWriter, RoundTripsRandomTextWithSemicolonCrlfBom) {
  CsvWriteOptions options;
  options.delimiter = ';';
  options.crlf = true;
  options.bom = true;
  roundTrip(options, 7);
}

TEST(CsvWriter, RoundTripsRandomTextWithTabs) {
  CsvWriteOptions options;
  options.delimiter = '\t';
  roundTrip(options, 99);
}

TEST(CsvWriter, CommitIsAtomic) {
  testing::TempDir dir;
  const fs::path target = dir / "reps.csv";
  testing::writeFile(target, "old content\n");
  {
    CsvWriter writer(target);
    writer.row({"id", "name"});
    writer.row({"1", "Ann"});
    EXPECT_TRUE(fs::exists(tempOf(target)));
    EXPECT_EQ(testing::readFile(target), "old content\n");
    writer.commit();
    EXPECT_FALSE(fs::exists(tempOf(target)));
  }
  EXPECT_EQ(testing::readFile(target), "id,name\n1,Ann\n");
}

TEST(CsvWriter, NoTargetBeforeCommit) {
  testing::TempDir dir;
  const fs::path target = dir / "fresh.csv";
  CsvWriter writer(target);
  writer.row({"a"});
  EXPECT_FALSE(fs::exists(target));
  writer.commit();
  EXPECT_TRUE(fs::exists(target));
}

TEST(CsvWriter, WithoutCommitTheTempFileIsRemoved) {
  testing::TempDir dir;
  const fs::path target = dir / "reps.csv";
  testing::writeFile(target, "keep me\n");
  {
    CsvWriter writer(target);
    for (int i = 0; i < 100000; ++i) writer.row({"some", "row", "data"});  // forces flushes to disk
    EXPECT_TRUE(fs::exists(tempOf(target)));
  }
  EXPECT_FALSE(fs::exists(tempOf(target)));
  EXPECT_EQ(testing::readFile(target), "keep me\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(CsvWriter, MissingFolderIsWorkbookErrorNamingTheFile) {
  testing::TempDir dir;
  const fs::path target = dir / "no-such-folder" / "reps.csv";
  try {
    CsvWriter writer(target);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Workbook);
    EXPECT_NE(e.message().find(target.string()), std::string::npos) << e.message();
  }
}

TEST(CsvWriter, ReadOnlyFolderIsWorkbookErrorNamingTheFile) {
  testing::TempDir dir;
  const fs::path folder = dir / "locked";
  fs::create_directory(folder);
  ::chmod(folder.c_str(), 0555);
  if (std::FILE* probe = std::fopen((folder / "probe").c_str(), "w")) {
    std::fclose(probe);
    ::chmod(folder.c_str(), 0755);
    GTEST_SKIP() << "running with rights that ignore folder permissions (root?)";
  }
  const fs::path target = folder / "reps.csv";
  try {
    CsvWriter writer(target);
    ::chmod(folder.c_str(), 0755);
    FAIL() << "no error";
  } catch (const Error& e) {
    ::chmod(folder.c_str(), 0755);
    EXPECT_EQ(e.kind(), ErrorKind::Workbook);
    EXPECT_NE(e.message().find(target.string()), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("permission denied"), std::string::npos) << e.message();
  }
}

TEST(CsvWriter, DiskFullIsWorkbookErrorNamingTheFile) {
  // /dev/full fails every write with ENOSPC; a symlink to it stands in for a full disk's temp file.
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  testing::TempDir dir;
  const fs::path target = dir / "reps.csv";
  fs::create_symlink("/dev/full", tempOf(target));
  CsvWriter writer(target);
  writer.row({"id"});
  try {
    writer.commit();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Workbook);
    EXPECT_EQ(e.message(), "cannot write " + target.string() + ": disk full");
  }
  EXPECT_FALSE(fs::exists(target));
}

}  // namespace
}  // namespace salesops
