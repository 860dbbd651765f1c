#include "dialogs/ExportOptionsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <deque>

#include "mainwindow/UserSettings.h"

namespace {

std::deque<std::optional<ExportChoice>>& answers() {
  static std::deque<std::optional<ExportChoice>> queue;
  return queue;
}

}  // namespace

ExportOptionsDialog::ExportOptionsDialog(UserSettings& settings, Mode mode, QWidget* parent)
    : QDialog(parent),
      mode_(mode),
      format_(new QComboBox(this)),
      csvBox_(new QGroupBox(tr("CSV"), this)),
      delimiter_(new QComboBox(csvBox_)),
      encoding_(new QComboBox(csvBox_)),
      lineEndings_(new QComboBox(csvBox_)),
      decimalComma_(new QCheckBox(tr("Decimal comma in figures (1234,50)"), csvBox_)),
      forSpreadsheets_(new QCheckBox(tr("For spreadsheets (neutralise formulas)"), csvBox_)) {
  setObjectName(QStringLiteral("export-options"));
  setWindowTitle(mode == Mode::CsvOnly ? tr("CSV Export Options") : tr("Export Options"));

  format_->setObjectName(QStringLiteral("export-format"));
  format_->addItem(tr("Excel workbook (.xlsx): real dates and numbers"), QStringLiteral("xlsx"));
  format_->addItem(tr("CSV (.csv)"), QStringLiteral("csv"));
  delimiter_->setObjectName(QStringLiteral("export-delimiter"));
  delimiter_->addItem(tr("Comma ( , )"), QVariant(static_cast<int>(',')));
  delimiter_->addItem(tr("Semicolon ( ; )"), QVariant(static_cast<int>(';')));
  delimiter_->addItem(tr("Tab"), QVariant(static_cast<int>('\t')));
  encoding_->setObjectName(QStringLiteral("export-encoding"));
  encoding_->addItem(tr("UTF-8"), false);
  encoding_->addItem(tr("UTF-8 with BOM (Excel)"), true);
  lineEndings_->setObjectName(QStringLiteral("export-line-endings"));
  lineEndings_->addItem(tr("LF (Linux, macOS)"), false);
  lineEndings_->addItem(tr("CRLF (Windows)"), true);
  decimalComma_->setObjectName(QStringLiteral("export-decimal-comma"));
  forSpreadsheets_->setObjectName(QStringLiteral("export-for-spreadsheets"));
  forSpreadsheets_->setToolTip(
      tr("Puts ' before text starting with = + - @ or a tab, so a spreadsheet shows it instead of running it as a "
         "formula. Numbers stay numbers. Such a file is for reading: importing it back keeps the ' in the text."));

  auto* csvLayout = new QFormLayout(csvBox_);
  csvLayout->addRow(tr("&Delimiter:"), delimiter_);
  csvLayout->addRow(tr("&Encoding:"), encoding_);
  csvLayout->addRow(tr("&Line endings:"), lineEndings_);
  csvLayout->addRow(decimalComma_);
  csvLayout->addRow(forSpreadsheets_);
  auto* note = new QLabel(tr("XLSX files keep dates, amounts and percentages as typed cells and never run text "
                             "as a formula. For a lossless copy of the whole workbook use File › Export CSV "
                             "Workbook."),
                          this);
  note->setObjectName(QStringLiteral("export-note"));
  note->setWordWrap(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto* layout = new QVBoxLayout(this);
  if (mode == Mode::TableFormats) {
    auto* formatRow = new QFormLayout;
    formatRow->addRow(tr("&Format:"), format_);
    layout->addLayout(formatRow);
  } else {
    format_->hide();
    note->hide();
  }
  layout->addWidget(csvBox_);
  layout->addWidget(note);
  layout->addWidget(buttons);
  setMinimumWidth(460);

  connect(format_, &QComboBox::currentIndexChanged, this, &ExportOptionsDialog::updateEnabled);
  ExportChoice remembered;
  remembered.xlsx = mode == Mode::TableFormats && settings.exportFormat() == QLatin1String("xlsx");
  remembered.csv = settings.exportCsvOptions(QLocale());
  setChoice(remembered);
}

ExportChoice ExportOptionsDialog::choice() const {
  ExportChoice choice;
  choice.xlsx = mode_ == Mode::TableFormats && format_->currentData().toString() == QLatin1String("xlsx");
  choice.csv.delimiter = static_cast<char>(delimiter_->currentData().toInt());
  choice.csv.bom = encoding_->currentData().toBool();
  choice.csv.crlf = lineEndings_->currentData().toBool();
  choice.csv.decimalComma = decimalComma_->isChecked();
  choice.csv.neutralizeFormulas = forSpreadsheets_->isChecked();
  return choice;
}

void ExportOptionsDialog::setChoice(const ExportChoice& choice) {
  format_->setCurrentIndex(format_->findData(choice.xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv")));
  delimiter_->setCurrentIndex(std::max(0, delimiter_->findData(QVariant(static_cast<int>(choice.csv.delimiter)))));
  encoding_->setCurrentIndex(choice.csv.bom ? 1 : 0);
  lineEndings_->setCurrentIndex(choice.csv.crlf ? 1 : 0);
  decimalComma_->setChecked(choice.csv.decimalComma);
  forSpreadsheets_->setChecked(choice.csv.neutralizeFormulas);
  updateEnabled();
}

void ExportOptionsDialog::updateEnabled() { csvBox_->setEnabled(!choice().xlsx); }

std::optional<ExportChoice> ExportOptionsDialog::ask(QWidget* parent, UserSettings& settings, Mode mode) {
  std::optional<ExportChoice> answer;
  if (!answers().empty()) {
    answer = answers().front();
    answers().pop_front();
  } else {
    ExportOptionsDialog dialog(settings, mode, parent);
    if (dialog.exec() == QDialog::Accepted) answer = dialog.choice();
  }
  if (answer) {
    settings.setExportCsvOptions(answer->csv);
    if (mode == Mode::TableFormats)
      settings.setExportFormat(answer->xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv"));
  }
  return answer;
}

void ExportOptionsDialog::preload(std::optional<ExportChoice> answer) { answers().push_back(std::move(answer)); }

int ExportOptionsDialog::pendingAnswers() { return static_cast<int>(answers().size()); }

void ExportOptionsDialog::reset() { answers().clear(); }
