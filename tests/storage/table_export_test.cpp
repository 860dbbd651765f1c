// One table exported as a view shows it: the query's rows in its order, the chosen columns under their
// headers; CSV with the spreadsheet options; XLSX with typed cells read back from the sheet XML; sheets
// split at the row limit; cancel and failures leave no file.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <regex>

#include "common/Error.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "io/TableExport.h"
#include "storage/Workbook.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::readFile;
using testing::TempDir;
using testing::writeFile;

bool haveUnzip() { return std::system("command -v unzip >/dev/null 2>&1") == 0; }

std::string unzipped(const std::filesystem::path& zip, const std::string& member, const TempDir& dir) {
  const auto out = dir / "member.xml";
  const std::string command = "unzip -p '" + zip.string() + "' '" + member + "' > '" + out.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return {};
  return readFile(out);
}

// A cell of sheet XML as written: its type attribute, its number format's code and its value.
struct SheetCell {
  bool found = false;
  std::string type;  // "" number, "b" boolean, "inlineStr"
  std::string format;
  std::string value;  // <v> or the inline string's <t>
};

class SheetXml {
 public:
  SheetXml(std::string sheet, const std::string& styles) : sheet_(std::move(sheet)) {
    static const std::regex numFmt(R"re(<numFmt numFmtId="(\d+)" formatCode="([^"]*)")re");
    // Excel's built-in formats have ids without a <numFmt> entry.
    std::map<std::string, std::string> codes{{"0", "General"},  {"1", "0"},  {"2", "0.00"},  {"3", "#,##0"},
                                             {"4", "#,##0.00"}, {"9", "0%"}, {"10", "0.00%"}};
    for (std::sregex_iterator it(styles.begin(), styles.end(), numFmt), end; it != end; ++it)
      codes[(*it)[1]] = (*it)[2];
    const auto from = styles.find("<cellXfs");
    const auto to = styles.find("</cellXfs>");
    const std::string xfs = styles.substr(from, to - from);
    static const std::regex xf(R"re(<xf numFmtId="(\d+)")re");
    for (std::sregex_iterator it(xfs.begin(), xfs.end(), xf), end; it != end; ++it) formats_.push_back(codes[(*it)[1]]);
  }

  SheetCell cell(const std::string& ref) const {
    const std::regex one("<c r=\"" + ref + "\"([^>]*?)(/>|>(.*?)</c>)");
    std::smatch m;
    SheetCell c;
    if (!std::regex_search(sheet_, m, one)) return c;
    c.found = true;
    const std::string attributes = m[1];
    const std::string body = m[3];
    std::smatch a;
    if (std::regex_search(attributes, a, std::regex(R"re(t="([^"]*)")re"))) c.type = a[1];
    std::size_t style = 0;
    if (std::regex_search(attributes, a, std::regex(R"re(s="(\d+)")re"))) style = std::stoul(a[1]);
    c.format = style < formats_.size() ? formats_[style] : "?";
    if (std::regex_search(body, a, std::regex("<v>(.*)</v>")) ||
        std::regex_search(body, a, std::regex("<t[^>]*>(.*)</t>")))
      c.value = a[1];
    return c;
  }

 private:
  std::string sheet_;
  std::vector<std::string> formats_;
};

class TableExport : public ::testing::Test {
 protected:
  void SetUp() override {
    workbook = Workbook::create(dir / "book.salesops");
    load({{"fx_rates.csv", "currency,valid_from,rate\nJPY,2024-01-01,0.00670\nKWD,2024-01-01,3.25\n"},
          {"reps.csv", "rep_id,name\nR1,Ann\nR2,=HYPERLINK(\"http://x\")\n"},
          {"opportunities.csv",
           "opportunity_id,owner_rep_id,name,stage,amount,currency,probability,created_date,close_date\n"
           "O1,R1,Yen deal,Proposal,1000,JPY,12.50,2026-01-01,2026-02-01\n"
           "O2,R2,-Dinar deal,Proposal,7.5,KWD,,2026-01-01,2026-03-15\n"
           "O3,R1,@Dollar deal,Negotiation,1234567.5,,55,2026-01-01,2026-01-31\n"},
          {"activities.csv",
           "activity_id,rep_id,type,started_at,duration_minutes,selling\nAC1,R1,call,2026-01-01T09:00:00Z,30,true\n"}});
  }
  void load(const std::map<std::string, std::string>& files) {
    const auto in = dir / "in";
    std::filesystem::create_directories(in);
    for (const auto& [name, content] : files) writeFile(in / name, content);
    const auto report = importNativeCsv(*workbook, {in}, {});
    ASSERT_TRUE(report.committed) << (report.problems.empty() ? "" : report.problems[0]);
  }
  TableExportResult run(const std::string& entity, const TableQuerySpec& query, const std::string& file,
                        const TableExportOptions& options, const LongTask& task = {}) {
    return exportTable(workbook->db(), *findEntity(entity), query, dir / file, options, task);
  }
  TempDir dir;
  std::unique_ptr<Workbook> workbook;
};

TEST_F(TableExport, CsvHasTheViewsRowsColumnsAndOrder) {
  TableQuerySpec query;
  query.filter = "deal";
  query.sortField = "close_date";
  query.ascending = false;
  TableExportOptions options;
  options.columns = {{"name", "Name"}, {"amount", "Amount"}, {"currency", "Currency"}, {"close_date", "Close date"}};
  const auto result = run("opportunity", query, "o.csv", options);
  EXPECT_EQ(result.rows, 3);
  // Close dates descending: O2 03-15, O1 02-01, O3 01-31. The native (lossless) mode leaves values untouched;
  // O3 has no currency: the corporate USD with its 2 minor digits.
  EXPECT_EQ(readFile(dir / "o.csv"),
            "Name,Amount,Currency,Close date\n-Dinar deal,7.500,KWD,2026-03-15\nYen deal,1000,JPY,2026-02-01\n"
            "@Dollar deal,1234567.50,,2026-01-31\n");
}

TEST_F(TableExport, WholeTableMatchesTheNativeFileAndTheFetchedPath) {
  // Every column, no filter, no sort: the native export's file byte for byte (streamed rows).
  run("opportunity", {}, "all.csv", {});
  exportNativeCsv(*workbook, dir / "native");
  EXPECT_EQ(readFile(dir / "all.csv"), readFile(dir / "native" / "opportunities.csv"));
  // A filter every row meets takes the ordered-ids path, which must write the same rows.
  TableQuerySpec everyRow;
  everyRow.filter = "O";
  run("opportunity", everyRow, "fetched.csv", {});
  EXPECT_EQ(readFile(dir / "fetched.csv"), readFile(dir / "all.csv"));
}

TEST_F(TableExport, CsvForSpreadsheetsWithSemicolonAndDecimalComma) {
  TableQuerySpec query;
  query.conditions = {{"owner_rep_id", TableCondition::Op::In, {"R1"}}};  // a drill-down: R1's deals only
  TableExportOptions options;
  options.columns = {{"name", ""}, {"amount", ""}, {"probability", ""}};
  options.csv.neutralizeFormulas = true;
  options.csv.delimiter = ';';
  options.csv.decimalComma = true;
  options.csv.bom = true;
  options.csv.crlf = true;
  run("opportunity", query, "o.csv", options);
  EXPECT_EQ(readFile(dir / "o.csv"),
            "\xEF\xBB\xBFname;amount;probability\r\nYen deal;1000;12,5\r\n'@Dollar deal;1234567,50;55\r\n");
  TableExportOptions reps;
  reps.csv.neutralizeFormulas = true;
  run("rep", {}, "r.csv", reps);
  EXPECT_EQ(readFile(dir / "r.csv"),
            "rep_id,name,email,team,manager_id,role,start_date,end_date\nR1,Ann,,,,,,\n"
            "R2,\"'=HYPERLINK(\"\"http://x\"\")\",,,,,,\n");
}

TEST_F(TableExport, XlsxCellsAreTyped) {
  if (!haveUnzip()) GTEST_SKIP() << "unzip is not installed: the sheet contents are not checked";
  TableExportOptions options;
  options.format = TableExportFormat::Xlsx;
  options.sheetName = "Opportunities";
  const auto result = run("opportunity", {}, "o.xlsx", options);
  EXPECT_EQ(result.rows, 3);
  EXPECT_EQ(result.sheets, 1);
  EXPECT_NE(unzipped(dir / "o.xlsx", "xl/workbook.xml", dir).find("name=\"Opportunities\""), std::string::npos);
  const SheetXml sheet(unzipped(dir / "o.xlsx", "xl/worksheets/sheet1.xml", dir),
                       unzipped(dir / "o.xlsx", "xl/styles.xml", dir));
  // Columns: A id, B account, C owner, D name, E type, F stage, G amount, H currency, I probability,
  // J created, K close, L forecast category, M lead source.
  EXPECT_EQ(sheet.cell("A1").type, "inlineStr");
  EXPECT_EQ(sheet.cell("A1").value, "opportunity_id");
  EXPECT_EQ(sheet.cell("D3").type, "inlineStr");
  EXPECT_EQ(sheet.cell("D3").value, "-Dinar deal");  // text in XLSX is never a formula: no prefix needed
  const SheetCell yen = sheet.cell("G2"), dinar = sheet.cell("G3"), dollar = sheet.cell("G4");
  EXPECT_EQ(yen.type, "");
  EXPECT_EQ(yen.value, "1000");
  EXPECT_EQ(yen.format, "#,##0");  // JPY: no minor digits
  EXPECT_EQ(dinar.value, "7.5");
  EXPECT_EQ(dinar.format, "#,##0.000");  // KWD: three
  EXPECT_EQ(dollar.value, "1234567.5");
  EXPECT_EQ(dollar.format, "#,##0.00");
  // 12.5 % is the fraction 0.125 under a percent format; O2 has none: no cell at all, never 0.
  EXPECT_EQ(sheet.cell("I2").value, "0.125");
  EXPECT_EQ(sheet.cell("I2").format, "0.00%");
  EXPECT_FALSE(sheet.cell("I3").found);
  // Excel's serial day: 2025-01-01 is 45658, so 2026-01-01 is 45658 + 365 = 46023 and 2026-02-01 is 46054.
  EXPECT_EQ(sheet.cell("J2").value, "46023");
  EXPECT_EQ(sheet.cell("K2").value, "46054");
  EXPECT_EQ(sheet.cell("K2").format, "yyyy-mm-dd");

  run("activity", {}, "a.xlsx", options);
  const SheetXml activities(unzipped(dir / "a.xlsx", "xl/worksheets/sheet1.xml", dir),
                            unzipped(dir / "a.xlsx", "xl/styles.xml", dir));
  // activity_id, rep_id, account_id, opportunity_id, lead_id, type, started_at (G), duration (H), selling (I).
  EXPECT_EQ(activities.cell("G2").value, "46023.375");  // 09:00 is 9/24 = 0.375 of a day
  EXPECT_EQ(activities.cell("G2").format, "yyyy-mm-dd hh:mm:ss");
  EXPECT_EQ(activities.cell("H2").value, "30");
  EXPECT_EQ(activities.cell("H2").format, "0");
  EXPECT_EQ(activities.cell("I2").type, "b");
  EXPECT_EQ(activities.cell("I2").value, "1");
}

TEST_F(TableExport, XlsxContinuesOnNewSheetsPastTheRowLimit) {
  if (!haveUnzip()) GTEST_SKIP() << "unzip is not installed: the sheet contents are not checked";
  TableExportOptions options;
  options.format = TableExportFormat::Xlsx;
  options.columns = {{"opportunity_id", "ID"}};
  options.maxRowsPerSheet = 2;  // stands in for Excel's 1,048,575 data rows
  const auto result = run("opportunity", {}, "o.xlsx", options);
  EXPECT_EQ(result.rows, 3);
  EXPECT_EQ(result.sheets, 2);
  const std::string book = unzipped(dir / "o.xlsx", "xl/workbook.xml", dir);
  EXPECT_NE(book.find("name=\"opportunities\""), std::string::npos);
  EXPECT_NE(book.find("name=\"opportunities (2)\""), std::string::npos);
  const SheetXml second(unzipped(dir / "o.xlsx", "xl/worksheets/sheet2.xml", dir),
                        unzipped(dir / "o.xlsx", "xl/styles.xml", dir));
  EXPECT_EQ(second.cell("A1").value, "ID");  // the header again
  EXPECT_EQ(second.cell("A2").value, "O3");
  EXPECT_FALSE(second.cell("A3").found);
}

TEST_F(TableExport, CancelLeavesNoFile) {
  std::string reps = "rep_id,name\n";
  for (int i = 0; i < 5000; ++i) reps += "X" + std::to_string(i) + ",Rep " + std::to_string(i) + "\n";
  load({{"reps.csv", reps}});
  for (const auto format : {TableExportFormat::Csv, TableExportFormat::Xlsx}) {
    CancelToken cancel;
    std::int64_t lastTotal = -1;
    LongTask task{[&](const std::string&, std::int64_t done, std::int64_t total) {
                    lastTotal = total;
                    if (done > 0) cancel.cancel();
                  },
                  &cancel};
    TableExportOptions options;
    options.format = format;
    try {
      run("rep", {}, "reps.out", options, task);
      ADD_FAILURE() << "not cancelled";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Cancelled);
    }
    EXPECT_EQ(lastTotal, 5002);  // R1, R2 and the 5,000 loaded: progress counts the rows
  }
  // Neither the target nor a temporary of it (reps.out.tmp-PID, reps.out.partial) is left.
  for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with("reps.out")) << entry.path();
}

TEST_F(TableExport, BadColumnsAndFoldersAreClearErrors) {
  TableExportOptions options;
  options.columns = {{"amount", ""}, {"colour", ""}};
  try {
    run("opportunity", {}, "o.csv", options);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Usage);
    EXPECT_NE(std::string(e.what()).find("\"colour\""), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "o.csv"));
  for (const auto format : {TableExportFormat::Csv, TableExportFormat::Xlsx}) {
    TableExportOptions to;
    to.format = format;
    try {
      run("opportunity", {}, "missing/o.out", to);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Workbook);
      EXPECT_NE(std::string(e.what()).find("missing/o.out"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace salesops
