// The three report writers on a hand-built report with hostile text: CSV in KPIS.md's file shape, HTML
// escaped and footed with the definitions, XLSX a real zip with the sheets and numbers stored as numbers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "common/Error.h"
#include "io/CsvReportWriter.h"
#include "io/HtmlReportWriter.h"
#include "io/XlsxReportWriter.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

ReportDocument hostileReport() {
  ReportDocument doc;
  doc.id = "test";
  doc.title = "Q3 <script>alert('x')</script> & more";
  doc.subtitle = "FY2026-Q3 \"quoted\"";
  doc.currency = "USD";
  doc.minorDigits = 2;
  doc.definitions = {{"win_rate_basis", "count", "won / (won + lost) & <b>not</b> value"},
                     {"bookings", "Bookings", "Credited amount of won opportunities"}};
  ReportTable table{"Scorecard: [Q3]/all?",
                    {{"name", "Name", ReportCellKind::Text},
                     {"bookings", "Bookings", ReportCellKind::Money},
                     {"win_rate", "Win rate", ReportCellKind::Ratio},
                     {"cycle_days", "Cycle", ReportCellKind::Number},
                     {"deals", "Deals", ReportCellKind::Count},
                     {"period_start", "Start", ReportCellKind::Date}},
                    {}};
  table.rows.push_back({{ReportCell::ofText("<script>evil()</script> & Sons, \"Ltd\""), ReportCell::ofMoney(123456789),
                         ReportCell::ofRatio(0.25), ReportCell::ofNumber(41.5), ReportCell::ofCount(12),
                         ReportCell::ofDate(Date::fromCivil(2026, 7, 1))},
                        1});
  table.rows.push_back({{ReportCell::ofText("Total"), ReportCell::ofMoney(-5), ReportCell::empty(), ReportCell::empty(),
                         ReportCell::ofCount(0), ReportCell::empty()},
                        0,
                        true});
  doc.tables.push_back(std::move(table));
  return doc;
}

bool haveUnzip() { return std::system("command -v unzip >/dev/null 2>&1") == 0; }

std::string unzipped(const std::filesystem::path& zip, const std::string& member, const testing::TempDir& dir) {
  const auto out = dir / "member.txt";
  const std::string command = "unzip -p '" + zip.string() + "' '" + member + "' > '" + out.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return {};
  return testing::readFile(out);
}

TEST(ReportCsvWriter, KpiFileShapeAndSidecar) {
  const ReportDocument doc = hostileReport();
  const std::string csv = CsvReportWriter::tablesCsv(doc);
  EXPECT_EQ(csv,
            "name,bookings,win_rate,cycle_days,deals,period_start\n"
            "\"<script>evil()</script> & Sons, \"\"Ltd\"\"\",1234567.89,0.250000,41.500000,12,2026-07-01\n"
            "Total,-0.05,,,0,\n");
  const std::string definitions = CsvReportWriter::definitionsCsv(doc);
  EXPECT_EQ(definitions.rfind("name,value,description\nwin_rate_basis,count,", 0), 0u) << definitions;
  testing::TempDir dir;
  CsvReportWriter::writeTables(doc, dir / "r.csv");
  EXPECT_EQ(testing::readFile(dir / "r.csv"), csv);
}

TEST(ReportHtmlWriter, EscapesHostileTextAndStatesTheDefinitions) {
  const std::string html = HtmlReportWriter::html(hostileReport());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;evil()&lt;/script&gt; &amp; Sons, &quot;Ltd&quot;"), std::string::npos);
  EXPECT_NE(html.find("Q3 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"), std::string::npos);
  EXPECT_EQ(html.find("<b>not</b>"), std::string::npos);
  const auto footer = html.find("<footer>");
  ASSERT_NE(footer, std::string::npos);
  EXPECT_NE(html.find("win_rate_basis", footer), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;not&lt;/b&gt;", footer), std::string::npos);
  EXPECT_NE(html.find("1,234,567.89"), std::string::npos);
  EXPECT_NE(html.find("25.0%"), std::string::npos);
  EXPECT_NE(html.find("—"), std::string::npos);  // undefined
  EXPECT_NE(html.find("<style>"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);  // self-contained
  EXPECT_EQ(HtmlReportWriter::escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST(ReportXlsxWriter, ZipWithSheetsAndRealNumbers) {
  testing::TempDir dir;
  const auto path = dir / "r.xlsx";
  XlsxReportWriter::write(hostileReport(), path);
  const std::string bytes = testing::readFile(path);
  ASSERT_GE(bytes.size(), 4u);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  // Member names are stored uncompressed in the local headers and the central directory.
  EXPECT_NE(bytes.find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes.find("xl/worksheets/sheet2.xml"), std::string::npos);
  if (!haveUnzip()) GTEST_SKIP() << "unzip is not installed: the sheet contents are not checked";
  const std::string workbook = unzipped(path, "xl/workbook.xml", dir);
  EXPECT_NE(workbook.find("name=\"Definitions\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Scorecard_ _Q3__all_\""), std::string::npos) << workbook;
  const std::string sheet = unzipped(path, "xl/worksheets/sheet1.xml", dir);
  EXPECT_NE(sheet.find("<v>1234567.89</v>"), std::string::npos) << sheet;  // money as a number
  EXPECT_NE(sheet.find("<v>0.25</v>"), std::string::npos);
  EXPECT_NE(sheet.find("<v>46204</v>"), std::string::npos);  // 2026-07-01 as an Excel serial date
  EXPECT_NE(sheet.find("<pane"), std::string::npos);         // frozen header
  EXPECT_NE(sheet.find("<col "), std::string::npos);         // widths
  const std::string styles = unzipped(path, "xl/styles.xml", dir);
  EXPECT_NE(styles.find("#,##0.00"), std::string::npos);
  EXPECT_NE(styles.find("0.0%"), std::string::npos);
  EXPECT_NE(styles.find("yyyy-mm-dd"), std::string::npos);
  const std::string strings = unzipped(path, "xl/sharedStrings.xml", dir);
  EXPECT_NE(strings.find("&lt;script&gt;evil()"), std::string::npos);
  EXPECT_NE(strings.find("win_rate_basis"), std::string::npos);
}

TEST(ReportXlsxWriter, UnwritableFolderIsAWorkbookError) {
  testing::TempDir dir;
  EXPECT_THROW(XlsxReportWriter::write(hostileReport(), dir / "missing" / "r.xlsx"), Error);
}

}  // namespace
}  // namespace salesops
