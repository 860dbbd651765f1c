// CSV "for spreadsheets": exactly = + - @ tab and CR at the start of a text cell are neutralised, number
// cells stay numbers (a negative amount is not a formula), BOM / CRLF / ';' / decimal comma as asked, and
// the report CSV takes the same options.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/CsvReportWriter.h"
#include "io/CsvWriter.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

CsvWriteOptions forSpreadsheets() {
  CsvWriteOptions options;
  options.neutralizeFormulas = true;
  return options;
}

std::string text(std::string_view value, const CsvWriteOptions& options) {
  std::string out;
  CsvWriter::appendField(out, value, options);
  return out;
}

std::string number(std::string_view value, const CsvWriteOptions& options) {
  std::string out;
  CsvWriter::appendNumberField(out, value, options);
  return out;
}

TEST(CsvForSpreadsheets, NeutralisesEachFormulaStarterInText) {
  const CsvWriteOptions on = forSpreadsheets();
  EXPECT_EQ(text("=1+1", on), "'=1+1");
  EXPECT_EQ(text("+1", on), "'+1");
  EXPECT_EQ(text("-12.50", on), "'-12.50");  // in a text column a leading '-' is prefixed like the others
  EXPECT_EQ(text("@SUM(A1)", on), "'@SUM(A1)");
  EXPECT_EQ(text("\tcmd", on), "'\tcmd");
  EXPECT_EQ(text("\rcmd", on), "\"'\rcmd\"");  // CR forces quotes; the prefix goes inside them
}

TEST(CsvForSpreadsheets, LeavesOtherTextAlone) {
  const CsvWriteOptions on = forSpreadsheets();
  // Characters that are not formula starters, and the starters anywhere but first.
  for (const char* value : {"Acme", "1+1", "a=b", " =x", "'quoted", "#N/A", "%", "(1)", "x@y.com", "2026-07-01"}) {
    std::string expected;
    CsvWriter::appendField(expected, value, {});
    EXPECT_EQ(text(value, on), expected) << value;
  }
  EXPECT_EQ(text("", on), "");
}

TEST(CsvForSpreadsheets, NumberCellsStayNumbers) {
  const CsvWriteOptions on = forSpreadsheets();
  EXPECT_EQ(number("-12.50", on), "-12.50");
  EXPECT_EQ(number("-3", on), "-3");
  EXPECT_EQ(number("0.0067", on), "0.0067");
  // Whatever is not a plain decimal is text, and neutralised as text: a number cell is no way around it.
  EXPECT_EQ(number("-1+cmd", on), "'-1+cmd");
  EXPECT_EQ(number("=1", on), "'=1");
  EXPECT_EQ(number("-", on), "'-");
  EXPECT_EQ(number("-.5", on), "'-.5");
}

TEST(CsvForSpreadsheets, DecimalCommaOnlyInNumberCells) {
  CsvWriteOptions semicolon;
  semicolon.delimiter = ';';
  semicolon.decimalComma = true;
  EXPECT_EQ(number("-1234.50", semicolon), "-1234,50");
  EXPECT_EQ(number("12", semicolon), "12");
  EXPECT_EQ(text("v1.2", semicolon), "v1.2");  // text keeps its dots
  // With ',' as the delimiter a decimal comma needs quotes to stay one cell.
  CsvWriteOptions comma;
  comma.decimalComma = true;
  EXPECT_EQ(number("7.5", comma), "\"7,5\"");
}

TEST(CsvForSpreadsheets, SemicolonQuotesOnlyWhatHoldsASemicolon) {
  CsvWriteOptions semicolon;
  semicolon.delimiter = ';';
  std::string out;
  CsvWriter::appendRow(out, {"Smith, John", "a;b", "1234.50", "-0.25"}, semicolon, {false, false, true, true});
  EXPECT_EQ(out, "Smith, John;\"a;b\";1234.50;-0.25\n");
}

TEST(CsvForSpreadsheets, BomAndLineEndsInFiles) {
  testing::TempDir dir;
  CsvWriteOptions excel = forSpreadsheets();
  excel.bom = true;
  excel.crlf = true;
  excel.delimiter = ';';
  excel.decimalComma = true;
  {
    CsvWriter writer(dir / "x.csv", excel);
    writer.field("name");
    writer.field("amount");
    writer.endRow();
    writer.field("=cmd");
    writer.numberField("-12.50");
    writer.endRow();
    writer.commit();
  }
  EXPECT_EQ(testing::readFile(dir / "x.csv"), "\xEF\xBB\xBFname;amount\r\n'=cmd;-12,50\r\n");
  {
    CsvWriter writer(dir / "plain.csv");
    writer.field("a");
    writer.endRow();
    writer.commit();
  }
  EXPECT_EQ(testing::readFile(dir / "plain.csv"), "a\n");  // no BOM, LF: the defaults
}

TEST(CsvForSpreadsheets, ReportCsvTakesTheOptions) {
  ReportDocument doc;
  doc.minorDigits = 2;
  ReportTable table{"t",
                    {{"name", "Name", ReportCellKind::Text},
                     {"bookings", "Bookings", ReportCellKind::Money},
                     {"growth", "Growth", ReportCellKind::Ratio}},
                    {}};
  table.rows.push_back({{ReportCell::ofText("-Team"), ReportCell::ofMoney(-1250), ReportCell::ofRatio(-0.5)}});
  doc.tables.push_back(table);
  CsvWriteOptions options = forSpreadsheets();
  options.delimiter = ';';
  options.bom = true;
  options.crlf = true;
  options.decimalComma = true;
  // -1250 minor units = -12.50; the ratio is the KPI formatter's six decimals: -0.500000.
  EXPECT_EQ(CsvReportWriter::tablesCsv(doc, options),
            "\xEF\xBB\xBFname;bookings;growth\r\n'-Team;-12,50;-0,500000\r\n");
  EXPECT_EQ(CsvReportWriter::tablesCsv(doc), "name,bookings,growth\n-Team,-12.50,-0.500000\n");
}

}  // namespace
}  // namespace salesops
