// The Reports page and the Dashboard's Export, Print and Definitions on the small hand-built workbook:
// every report builds off the GUI thread and shows, every format is written, the Dashboard's export holds
// the numbers on screen, and a definition choice reaches the tiles and the reports.
#include <gtest/gtest.h>

#include <QListWidget>
#include <QLocale>
#include <QTextBrowser>
#include <QToolButton>

#include <filesystem>
#include <iterator>
#include <memory>

#include "GuiTestSupport.h"
#include "dialogs/ExportOptionsDialog.h"
#include "io/CsvReportWriter.h"
#include "mainwindow/MainWindow.h"
#include "seams/FileDialogSeam.h"
#include "services/ReportBuilder.h"
#include "support/TempDir.h"
#include "views/dashboard/DashboardPage.h"
#include "views/dashboard/KpiText.h"
#include "views/reports/ReportsPage.h"
#include "widgets/KpiTile.h"
#include "widgets/PeriodPicker.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

class ReportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    guitest::createSmallWorkbook(dir_ / "small.salesops");
    window_ = std::make_unique<MainWindow>();
    window_->show();
    dashboard_ = window_->findChild<DashboardPage*>(QStringLiteral("page-dashboard"));
    reports_ = window_->findChild<ReportsPage*>(QStringLiteral("page-reports"));
    ASSERT_NE(dashboard_, nullptr);
    ASSERT_NE(reports_, nullptr);
    dashboard_->setToday(salesops::Date::fromCivil(2026, 5, 1));
    reports_->setToday(salesops::Date::fromCivil(2026, 5, 1));
    dashboard_->setDefinitions({});  // the user settings of an earlier test must not leak in
    ASSERT_TRUE(window_->openWorkbook(qs(dir_ / "small.salesops")));
    ASSERT_TRUE(waitUntil([&] { return dashboard_->service() != nullptr; }));
  }
  void TearDown() override {
    window_.reset();
    FileDialogSeam::reset();
    QLocale::setDefault(QLocale::system());
  }

  // Selects a report by its name and a quarter, and waits for it to be on screen.
  const salesops::ReportDocument& show(const QString& name, const QString& quarter) {
    for (int row = 0; row < reports_->reportList()->count(); ++row) {
      if (reports_->reportList()->item(row)->data(Qt::UserRole).toString() == name)
        reports_->reportList()->setCurrentRow(row);
    }
    EXPECT_TRUE(reports_->periodPicker()->selectName(quarter));
    EXPECT_TRUE(waitUntil([&] {
      return !reports_->isBuilding() && reports_->currentReport() &&
             reports_->currentReport()->id == name.toStdString() &&
             reports_->currentReport()->subtitle.rfind(quarter.toStdString(), 0) == 0;
    }));
    return *reports_->currentReport();
  }

  std::string read(const std::string& name) const { return salesops::testing::readFile(dir_ / name); }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
  DashboardPage* dashboard_ = nullptr;
  ReportsPage* reports_ = nullptr;
};

TEST_F(ReportsTest, EveryReportBuildsAndShows) {
  EXPECT_EQ(reports_->reportList()->count(), static_cast<int>(salesops::ReportBuilder::names().size()));
  for (const auto& name : salesops::ReportBuilder::names()) {
    const auto& report = show(QString::fromStdString(name), QStringLiteral("FY2026-Q1"));
    EXPECT_FALSE(report.tables.empty()) << name;
    EXPECT_TRUE(reports_->preview()->toPlainText().contains(QString::fromStdString(report.title))) << name;
  }
}

TEST_F(ReportsTest, ScorecardIsWrittenInEveryFormat) {
  const auto& report = show(QStringLiteral("rep-scorecard"), QStringLiteral("FY2026-Q1"));
  // Three reps and the total; the CSV is the CLI's.
  ASSERT_EQ(report.tables.at(0).rows.size(), 4u);
  ASSERT_TRUE(reports_->saveTo(qs(dir_ / "card.csv")));
  EXPECT_EQ(read("card.csv"), salesops::CsvReportWriter::tablesCsv(report));
  EXPECT_NE(read("card.definitions.csv").find("win_rate_basis,count,"), std::string::npos);
  ASSERT_TRUE(reports_->saveTo(qs(dir_ / "card.xlsx")));
  EXPECT_EQ(read("card.xlsx").substr(0, 2), "PK");
  ASSERT_TRUE(reports_->saveTo(qs(dir_ / "card.html")));
  EXPECT_NE(read("card.html").find("Rep scorecard"), std::string::npos);
  ASSERT_TRUE(reports_->saveTo(qs(dir_ / "card.pdf")));
  EXPECT_EQ(read("card.pdf").substr(0, 5), "%PDF-");
  EXPECT_FALSE(reports_->saveTo(qs(dir_ / "card.txt")));                // unknown format: said, not written
  EXPECT_FALSE(reports_->saveTo(qs(dir_ / "no" / "such" / "x.xlsx")));  // missing folder
}

TEST_F(ReportsTest, DashboardExportHoldsTheNumbersOnScreen) {
  ASSERT_TRUE(dashboard_->periodPicker()->selectName(QStringLiteral("FY2026-Q2")));
  const auto report = dashboard_->currentReport();
  ASSERT_TRUE(report.has_value());
  const auto& kpis = report->tables.at(0);
  const auto row = [&](const std::string& id) {
    for (const auto& r : kpis.rows) {
      if (r.cells.at(0).text == id) return r;
    }
    ADD_FAILURE() << "no row " << id;
    return kpis.rows.front();
  };
  // Q2 pipeline 130,650.50; Q1 bookings the 30,000 add-on, Q2 none (see GuiTestSupport).
  EXPECT_EQ(row("pipeline").cells.at(2).minor, 13065050);
  EXPECT_EQ(row("bookings").cells.at(2).minor, 0);
  EXPECT_EQ(row("bookings").cells.at(3).minor, 3000000);
  EXPECT_DOUBLE_EQ(row("bookings").cells.at(4).number, -1.0);  // −100%
  EXPECT_EQ(report->tables.at(1).rows.size(), 3u);             // bookings vs quota: the three reps

  FileDialogSeam::preload(qs(dir_ / "view.pdf"));
  dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-export"))->click();
  EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  EXPECT_EQ(read("view.pdf").substr(0, 5), "%PDF-");
  const auto filesBefore = std::distance(std::filesystem::directory_iterator(dir_.path()), {});
  FileDialogSeam::preload(QString());  // cancelled: nothing written
  dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-export"))->click();
  EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_.path()), {}), filesBefore);
  FileDialogSeam::preload(qs(dir_ / "view.xlsx"));
  dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-export"))->click();
  EXPECT_EQ(read("view.xlsx").substr(0, 2), "PK");
}

TEST_F(ReportsTest, DashboardCsvExportTakesTheExportOptions) {
  ASSERT_TRUE(dashboard_->periodPicker()->selectName(QStringLiteral("FY2026-Q2")));
  ExportChoice semicolon;
  semicolon.csv.delimiter = ';';
  semicolon.csv.bom = true;
  semicolon.csv.crlf = true;
  semicolon.csv.decimalComma = true;
  ExportOptionsDialog::preload(semicolon);
  FileDialogSeam::preload(qs(dir_ / "view.csv"));
  dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-export"))->click();
  EXPECT_EQ(ExportOptionsDialog::pendingAnswers(), 0);
  const std::string csv = read("view.csv");
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3).find(','), std::string::npos) << csv;  // ';' between the ids
  // Q2 pipeline 130,650.50 (see GuiTestSupport), written with the decimal comma of the chosen options.
  EXPECT_NE(csv.find(";130650,50;"), std::string::npos) << csv;
  EXPECT_EQ(read("view.definitions.csv").substr(0, 27), "\xEF\xBB\xBFname;value;description\r\n");

  ExportOptionsDialog::preload(std::nullopt);  // the options dialog cancelled: nothing written
  FileDialogSeam::preload(qs(dir_ / "other.csv"));
  dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-export"))->click();
  EXPECT_FALSE(std::filesystem::exists(dir_ / "other.csv"));
  ExportOptionsDialog::reset();
}

TEST_F(ReportsTest, DefinitionChoiceReachesTilesAndReports) {
  ASSERT_TRUE(dashboard_->periodPicker()->selectName(QStringLiteral("FY2026-Q1")));
  salesops::KpiDefinitionChoices fullQuota;
  salesops::applyDefinition(fullQuota, "coverage_base=full_quota");
  dashboard_->setDefinitions(fullQuota);

  salesops::KpiRequest request;
  request.periods =
      salesops::precedingQuarters(dashboard_->service()->calendar(), dashboard_->periodPicker()->currentPeriod(), 8);
  request.choices = fullQuota;
  const auto computed = dashboard_->service()->compute(request, dashboard_->today());
  const auto& cell = computed.grid.cell(0, 7);
  ASSERT_TRUE(cell[salesops::KpiId::Coverage].defined);
  const kpitext::Money money{QString::fromStdString(computed.currency), computed.minorDigits};
  EXPECT_EQ(dashboard_->tile(QStringLiteral("coverage"))->valueText(),
            kpitext::value(cell[salesops::KpiId::Coverage], salesops::KpiValueKind::Ratio, money));
  EXPECT_TRUE(dashboard_->findChild<QToolButton*>(QStringLiteral("dashboard-definitions"))
                  ->text()
                  .contains(QStringLiteral("changed")));

  const auto& report = show(QStringLiteral("rep-scorecard"), QStringLiteral("FY2026-Q1"));
  bool stated = false;
  for (const auto& d : report.definitions) stated |= d.name == "coverage_base" && d.value == "full_quota";
  EXPECT_TRUE(stated);
  dashboard_->setDefinitions({});
}

}  // namespace
