#include "dialogs/import/ImportValidationPage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <exception>

#include "io/CsvWriter.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"

namespace {

enum Column { KindColumn, FileColumn, LineColumn, FieldColumn, ReasonColumn };

// "file:line: column: reason", "file:line: reason" or free text (the native import's problem format).
QList<QStandardItem*> problemRow(const QString& kind, const std::string& text) {
  static const QRegularExpression withColumn(QStringLiteral("^(.+?):(\\d+): ([^:]+): (.+)$"));
  static const QRegularExpression withLine(QStringLiteral("^(.+?):(\\d+): (.+)$"));
  const QString line = QString::fromStdString(text);
  QString file, number, column, reason = line;
  if (const auto m = withColumn.match(line); m.hasMatch()) {
    file = m.captured(1), number = m.captured(2), column = m.captured(3), reason = m.captured(4);
  } else if (const auto l = withLine.match(line); l.hasMatch()) {
    file = l.captured(1), number = l.captured(2), reason = l.captured(3);
  }
  auto* lineItem = new QStandardItem;
  if (!number.isEmpty()) lineItem->setData(number.toLongLong(), Qt::DisplayRole);
  auto* reasonItem = new QStandardItem(reason);
  reasonItem->setToolTip(line);
  return {new QStandardItem(kind), new QStandardItem(file), lineItem, new QStandardItem(column), reasonItem};
}

}  // namespace

ImportValidationPage::ImportValidationPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent), session_(session) {
  setObjectName(QStringLiteral("import-validation-page"));
  setTitle(tr("Validation"));
  setSubTitle(tr("Every row was checked as the import would read it; nothing has been written yet."));
  setCommitPage(true);

  model_ = new QStandardItemModel(0, 5, this);
  model_->setHorizontalHeaderLabels({tr("Kind"), tr("File"), tr("Line"), tr("Column"), tr("Reason")});
  proxy_ = new QSortFilterProxyModel(this);
  proxy_->setSourceModel(model_);
  proxy_->setFilterKeyColumn(-1);
  proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("import-problems"));
  table_->setModel(proxy_);
  table_->setSortingEnabled(true);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);

  filter_ = new QLineEdit(this);
  filter_->setObjectName(QStringLiteral("import-problems-filter"));
  filter_->setPlaceholderText(tr("Filter: any text of a file, column or reason"));
  filter_->setClearButtonEnabled(true);
  connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
  auto* exportButton = new QPushButton(tr("E&xport as CSV…"), this);
  connect(exportButton, &QPushButton::clicked, this, [this] {
    const QString path = FileDialogSeam::getSaveFileName(this, tr("Export Problems"), QString(), tr("CSV (*.csv)"));
    if (!path.isEmpty()) exportProblems(path);
  });
  auto* again = new QPushButton(tr("Check &Again"), this);
  connect(again, &QPushButton::clicked, this, &ImportValidationPage::runDryRun);

  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("import-validation-status"));
  status_->setWordWrap(true);

  auto* tools = new QHBoxLayout;
  tools->addWidget(filter_, 1);
  tools->addWidget(exportButton);
  tools->addWidget(again);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(status_);
  layout->addLayout(tools);
  layout->addWidget(table_, 1);
}

void ImportValidationPage::initializePage() {
  // Back and forth without a change: the last check still holds.
  if (session_.dryRun) {
    showReport(*session_.dryRun);
    return;
  }
  model_->removeRows(0, model_->rowCount());
  status_->setText(tr("Checking every row…"));
  // After the page has painted: the dry run shows its own progress dialog.
  QTimer::singleShot(0, this, [this] {
    if (!session_.dryRun) runDryRun();
  });
}

void ImportValidationPage::runDryRun() {
  session_.dryRun.reset();
  emit completeChanged();
  salesops::ImportReport report;
  auto options = session_.options;
  options.dryRun = true;
  const auto sources = session_.sources();
  const auto outcome = session_.runner(this, tr("Checking the import…"),
                                       [&](salesops::Workbook& workbook, const salesops::LongTask& task) {
                                         report = salesops::importMappedCsv(workbook, sources, options, task);
                                       });
  if (outcome.cancelled) {
    status_->setText(tr("The check was cancelled. Check again to import."));
    return;
  }
  if (!outcome.ok) {
    status_->setText(tr("The check failed: %1").arg(outcome.error));
    return;
  }
  session_.dryRun = report;
  showReport(report);
  emit completeChanged();
}

void ImportValidationPage::showReport(const salesops::ImportReport& report) {
  model_->removeRows(0, model_->rowCount());
  for (const auto& p : report.problems) model_->appendRow(problemRow(tr("problem"), p));
  for (const auto& w : report.warnings) model_->appendRow(problemRow(tr("warning"), w));
  for (const auto& d : report.duplicates) model_->appendRow(problemRow(tr("duplicate"), d));
  std::int64_t inserted = 0, updated = 0, unchanged = 0, rejected = 0;
  for (const auto& f : report.files) {
    inserted += f.inserted, updated += f.updated, unchanged += f.unchanged, rejected += f.rejected;
  }
  QString text = tr("The import would insert %L1, update %L2 and leave %L3 rows unchanged; rows with problems: %L4.")
                     .arg(inserted)
                     .arg(updated)
                     .arg(unchanged)
                     .arg(rejected);
  if (!report.problems.empty() && !session_.options.skipBadRows) {
    text += QLatin1Char(' ') + tr("With problems, the import changes nothing: fix the mapping, or go back to the "
                                  "options and import the good rows only.");
  }
  status_->setText(text);
}

bool ImportValidationPage::isComplete() const {
  return session_.dryRun && (session_.dryRun->problems.empty() || session_.options.skipBadRows);
}

bool ImportValidationPage::exportProblems(const QString& path) {
  try {
    salesops::CsvWriter out(path.toStdString());
    out.row({"kind", "file", "line", "column", "reason"});
    for (int r = 0; r < proxy_->rowCount(); ++r) {
      std::vector<std::string> cells;
      for (int c = 0; c < proxy_->columnCount(); ++c)
        cells.push_back(proxy_->index(r, c).data().toString().toStdString());
      out.row({cells[0], cells[1], cells[2], cells[3], cells[4]});
    }
    out.commit();
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Export Problems"), QString::fromStdString(e.what()));
    return false;
  }
  return true;
}

bool ImportValidationPage::validatePage() {
  salesops::ImportReport report;
  const auto options = session_.options;
  const auto sources = session_.sources();
  const auto outcome =
      session_.runner(this, tr("Importing…"), [&](salesops::Workbook& workbook, const salesops::LongTask& task) {
        report = salesops::importMappedCsv(workbook, sources, options, task);
      });
  if (outcome.cancelled) {
    MessageBoxSeam::information(this, tr("Import"), tr("The import was cancelled. The workbook was not changed."));
    return false;
  }
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, tr("Import"), outcome.error);
    return false;
  }
  session_.report = std::move(report);
  return true;
}
