// A table page's Export…: exactly what the page shows (filter, sort, visible columns in screen order under
// their headers) to CSV and XLSX; the options dialog's locale defaults and memory; a million-row export
// shows progress, keeps the event loop turning and, cancelled, leaves no file.
#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolButton>

#include <cstdlib>
#include <memory>
#include <regex>

#include "GuiTestSupport.h"
#include "dialogs/ExportOptionsDialog.h"
#include "mainwindow/MainWindow.h"
#include "models/EntityTableModel.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "support/TempDir.h"
#include "views/tables/EntityTableView.h"

using guitest::qs;
using guitest::waitUntil;

namespace {

std::string unzipped(const std::filesystem::path& zip, const std::string& member, const std::filesystem::path& out) {
  const std::string command = "unzip -p '" + zip.string() + "' '" + member + "' > '" + out.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return {};
  return salesops::testing::readFile(out);
}

class TableExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QSettings().remove(QStringLiteral("export"));
    QSettings().remove(QStringLiteral("tables"));
    guitest::createSmallWorkbook(dir_ / "small.salesops");
  }
  void TearDown() override {
    window_.reset();
    FileDialogSeam::reset();
    MessageBoxSeam::reset();
    ExportOptionsDialog::reset();
    QLocale::setDefault(QLocale::system());
  }
  EntityTableView* openOpportunities() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    if (!window_->openWorkbook(qs(dir_ / "small.salesops"))) return nullptr;
    guitest::showPage(*window_, QStringLiteral("opportunity"));
    EntityTableView* view = window_->tableView(QStringLiteral("opportunity"));
    waitUntil([&] { return !view->model()->isLoading() && view->model()->rowCount() > 0; });
    return view;
  }

  salesops::testing::TempDir dir_;
  std::unique_ptr<MainWindow> window_;
};

TEST_F(TableExportTest, FilteredOpportunitiesToCsvAndXlsx) {
  EntityTableView* view = openOpportunities();
  ASSERT_NE(view, nullptr);
  view->findChild<QLineEdit*>(QStringLiteral("filter-opportunity"))->setText(QStringLiteral("Acme"));
  ASSERT_TRUE(waitUntil([&] { return !view->model()->isLoading() && view->model()->rowCount() == 2; }));
  // Shown: ID, Name, Close date moved before Amount; every other column hidden; sorted by amount, largest first.
  QHeaderView* header = view->table()->horizontalHeader();
  const auto& fields = view->spec().fields;
  int amount = -1, close = -1;
  for (int c = 0; c < static_cast<int>(fields.size()); ++c) {
    const auto name = fields[static_cast<std::size_t>(c)].name;
    view->table()->setColumnHidden(
        c, name != "opportunity_id" && name != "name" && name != "amount" && name != "close_date");
    if (name == "amount") amount = c;
    if (name == "close_date") close = c;
  }
  header->moveSection(header->visualIndex(close), header->visualIndex(amount));
  view->table()->sortByColumn(amount, Qt::DescendingOrder);
  ASSERT_TRUE(waitUntil([&] { return !view->model()->isLoading(); }));

  ExportChoice csv;
  csv.csv.delimiter = ';';
  csv.csv.bom = true;
  csv.csv.crlf = true;
  csv.csv.decimalComma = true;
  csv.csv.neutralizeFormulas = true;
  ExportOptionsDialog::preload(csv);
  FileDialogSeam::preload(qs(dir_ / "acme"));  // no suffix: the chosen format's is added
  view->findChild<QToolButton*>(QStringLiteral("export-opportunity"))->click();
  EXPECT_EQ(ExportOptionsDialog::pendingAnswers(), 0);
  EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  // O004 Acme add-on 30,000.00 closes 2026-02-28; O001 Acme renewal 5,000.00 closes 2026-03-31.
  EXPECT_EQ(salesops::testing::readFile(dir_ / "acme.csv"),
            "\xEF\xBB\xBFOpportunity ID;Name;Close date;Amount\r\n"
            "O004;Acme add-on;2026-02-28;30000,00\r\nO001;Acme renewal;2026-03-31;5000,00\r\n");
  EXPECT_TRUE(
      window_->findChild<QLabel*>(QStringLiteral("status-activity"))->text().contains(QStringLiteral("2 rows")));

  ExportChoice xlsx;
  xlsx.xlsx = true;
  ExportOptionsDialog::preload(xlsx);
  FileDialogSeam::preload(qs(dir_ / "acme.xlsx"));
  window_->findChild<QAction*>(QStringLiteral("action-export-table"))->trigger();
  EXPECT_EQ(FileDialogSeam::pendingAnswers(), 0);
  if (std::system("command -v unzip >/dev/null 2>&1") != 0) GTEST_SKIP() << "unzip is not installed";
  const std::string book = unzipped(dir_ / "acme.xlsx", "xl/workbook.xml", dir_ / "m.xml");
  EXPECT_NE(book.find("name=\"Opportunities\""), std::string::npos) << book;
  const std::string sheet = unzipped(dir_ / "acme.xlsx", "xl/worksheets/sheet1.xml", dir_ / "m.xml");
  EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"A1\"[^>]*t=\"inlineStr\"><is><t>Opportunity ID</t>")))
      << sheet;
  // The amount is a number cell (no t= attribute), the close date Excel's serial day: 2026-01-01 is 46023
  // (45658 for 2025-01-01 plus 365), so 2026-02-28 is 46023 + 31 + 27 = 46081.
  EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"D2\" s=\"\\d+\"><v>30000</v>"))) << sheet;
  EXPECT_TRUE(std::regex_search(sheet, std::regex("<c r=\"C2\" s=\"\\d+\"><v>46081</v>"))) << sheet;
  EXPECT_EQ(sheet.find("r=\"A4\""), std::string::npos);  // the two filtered rows only
}

TEST_F(TableExportTest, OptionsDialogStartsFromTheLocaleAndRemembers) {
  UserSettings settings;
  QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
  {
    ExportOptionsDialog dialog(settings, ExportOptionsDialog::Mode::TableFormats);
    const ExportChoice first = dialog.choice();
    EXPECT_EQ(first.csv.delimiter, ';');  // German Excel splits at ';' because ',' is its decimal mark
    EXPECT_TRUE(first.csv.decimalComma);
    EXPECT_TRUE(first.csv.bom);
    EXPECT_TRUE(first.csv.neutralizeFormulas);                                             // on by default from the GUI
    dialog.findChild<QComboBox*>(QStringLiteral("export-format"))->setCurrentIndex(1);     // CSV
    dialog.findChild<QComboBox*>(QStringLiteral("export-delimiter"))->setCurrentIndex(2);  // tab
    dialog.findChild<QCheckBox*>(QStringLiteral("export-for-spreadsheets"))->setChecked(false);
    EXPECT_TRUE(dialog.findChild<QWidget*>(QStringLiteral("export-delimiter"))->isEnabled());
  }
  QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
  {
    ExportOptionsDialog dialog(settings, ExportOptionsDialog::Mode::TableFormats);
    EXPECT_EQ(dialog.choice().csv.delimiter, ',');  // nothing remembered yet: the locale's comma
    EXPECT_FALSE(dialog.choice().csv.decimalComma);
  }
  ExportChoice tab;
  tab.csv.delimiter = '\t';
  tab.csv.neutralizeFormulas = false;
  ExportOptionsDialog::preload(tab);
  ASSERT_TRUE(ExportOptionsDialog::ask(nullptr, settings, ExportOptionsDialog::Mode::TableFormats));
  ExportOptionsDialog dialog(settings, ExportOptionsDialog::Mode::TableFormats);
  EXPECT_EQ(dialog.choice().csv.delimiter, '\t');
  EXPECT_FALSE(dialog.choice().csv.neutralizeFormulas);
  EXPECT_FALSE(dialog.choice().xlsx);
  dialog.findChild<QComboBox*>(QStringLiteral("export-format"))->setCurrentIndex(0);  // XLSX: CSV options idle
  EXPECT_FALSE(dialog.findChild<QWidget*>(QStringLiteral("export-delimiter"))->isEnabled());
}

TEST_F(TableExportTest, MillionRowExportShowsProgressAndCancelLeavesNoFile) {
  {
    auto workbook = salesops::Workbook::open(dir_ / "small.salesops");
    salesops::Database& db = workbook->db();
    salesops::Transaction transaction(db);
    db.exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
        "INSERT INTO opportunity (external_id, account_id, owner_rep_id, name, type, stage_id, amount, currency, "
        "created_date, close_date, forecast_category) SELECT 'B' || i, 1, 1, 'Bulk ' || i, 'new_business', "
        "(SELECT min(id) FROM stage), i, 'USD', '2026-01-05', '2026-03-31', 'pipeline' FROM n");
    transaction.commit();
  }
  EntityTableView* view = openOpportunities();
  ASSERT_NE(view, nullptr);
  ASSERT_TRUE(waitUntil([&] { return !view->model()->isLoading() && view->model()->rowCount() == 1000006; }, 60000));

  ExportChoice csv;
  ExportOptionsDialog::preload(csv);
  FileDialogSeam::preload(qs(dir_ / "big.csv"));
  MessageBoxSeam::preload();  // the "cancelled" notice
  int ticks = 0, progressSeen = 0;
  QTimer poll;
  poll.setInterval(20);
  QObject::connect(&poll, &QTimer::timeout, [&] {
    ++ticks;  // the GUI thread turns while the worker writes
    auto* progress = view->findChild<QProgressDialog*>(QStringLiteral("task-progress"));
    if (!progress || !progress->isVisible() || progress->value() <= 0 || progress->wasCanceled()) return;
    progressSeen = progress->value();
    if (auto* cancel = progress->findChild<QPushButton*>()) cancel->click();  // as the user would
  });
  poll.start();
  EXPECT_FALSE(view->promptExport());
  poll.stop();
  EXPECT_GT(progressSeen, 0);
  // The GUI thread ran timers while the worker wrote: this poll more than once, and the dialog's own poll,
  // which is what set the value seen above. (How many ticks depends on the machine's load, not the code.)
  EXPECT_GE(ticks, 2);
  ASSERT_FALSE(MessageBoxSeam::shown().isEmpty());
  EXPECT_TRUE(MessageBoxSeam::shown().back().text.contains(QStringLiteral("cancelled")));
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path()))
    EXPECT_FALSE(entry.path().filename().string().starts_with("big.csv")) << entry.path();
}

}  // namespace
