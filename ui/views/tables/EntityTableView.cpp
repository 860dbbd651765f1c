#include "views/tables/EntityTableView.h"

#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "dialogs/ExportOptionsDialog.h"
#include "mainwindow/UserSettings.h"
#include "models/EntityTableModel.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Database.h"
#include "views/tables/TableExportRunner.h"

namespace {

QString qt(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }

int defaultWidth(const salesops::FieldSpec& field) {
  using salesops::FieldType;
  switch (field.type) {
    case FieldType::Date:
    case FieldType::Currency:
    case FieldType::Percent:
    case FieldType::Bool:
    case FieldType::Integer:
      return 100;
    case FieldType::Timestamp:
      return 170;
    case FieldType::Money:
    case FieldType::Decimal:
      return 120;
    default:
      if (field.name == "name") return 300;
      if (field.name == "email" || field.name == "title") return 220;
      return field.name.ends_with("_id") || !field.references.empty() ? 110 : 130;
  }
}

}  // namespace

EntityTableView::EntityTableView(const salesops::EntitySpec& spec, UserSettings& settings, QWidget* parent)
    : QWidget(parent),
      spec_(spec),
      settings_(settings),
      model_(new EntityTableModel(spec, this)),
      filter_(new QLineEdit(this)),
      table_(new QTableView(this)),
      filterTimer_(new QTimer(this)),
      message_(new QLabel(this)),
      drillBar_(new QFrame(this)),
      drillText_(new QLabel(drillBar_)),
      exportButton_(new QToolButton(this)) {
  const QString entity = qt(spec.name);
  setObjectName(QStringLiteral("page-%1").arg(entity));

  filter_->setObjectName(QStringLiteral("filter-%1").arg(entity));
  filter_->setPlaceholderText(tr("Filter rows (text, dates, IDs)…"));
  filter_->setClearButtonEnabled(true);

  table_->setObjectName(QStringLiteral("table-%1").arg(entity));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
  // Fixed row heights let the view place a million rows without measuring any of them.
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  table_->verticalHeader()->hide();

  QHeaderView* header = table_->horizontalHeader();
  header->setSectionsMovable(true);
  header->setHighlightSections(false);
  header->setStretchLastSection(true);
  header->setSortIndicatorClearable(true);
  // No indicator = insertion order, the cheapest order for a large table.
  header->setSortIndicator(-1, Qt::AscendingOrder);
  table_->setSortingEnabled(true);
  header->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(header, &QHeaderView::customContextMenuRequested, this, &EntityTableView::showColumnMenu);
  setInitialColumnWidths();
  applyHiddenColumns();

  message_->setObjectName(QStringLiteral("message-%1").arg(entity));
  message_->setWordWrap(true);
  message_->hide();

  filterTimer_->setSingleShot(true);
  filterTimer_->setInterval(kFilterDelayMs);
  connect(filter_, &QLineEdit::textChanged, filterTimer_, qOverload<>(&QTimer::start));
  connect(filterTimer_, &QTimer::timeout, this, [this] { model_->setFilterText(filter_->text()); });

  connect(model_, &EntityTableModel::loadingChanged, this, &EntityTableView::statusChanged);
  connect(model_, &EntityTableModel::rowsReplaced, this, [this] {
    message_->hide();
    emit statusChanged();
  });
  connect(model_, &EntityTableModel::loadFailed, this, [this](const QString& error) {
    message_->setText(tr("The rows could not be loaded: %1").arg(error));
    message_->show();
    emit statusChanged();
  });

  drillBar_->setObjectName(QStringLiteral("drill-%1").arg(entity));
  drillBar_->setFrameShape(QFrame::StyledPanel);
  drillText_->setObjectName(QStringLiteral("drill-text-%1").arg(entity));
  drillText_->setWordWrap(true);
  auto* showAll = new QToolButton(drillBar_);
  showAll->setObjectName(QStringLiteral("drill-clear-%1").arg(entity));
  showAll->setText(tr("Show all rows"));
  connect(showAll, &QToolButton::clicked, this, &EntityTableView::clearDrillDown);
  auto* drillLayout = new QHBoxLayout(drillBar_);
  drillLayout->setContentsMargins(8, 4, 8, 4);
  drillLayout->addWidget(drillText_, 1);
  drillLayout->addWidget(showAll);
  drillBar_->hide();

  exportButton_->setObjectName(QStringLiteral("export-%1").arg(entity));
  exportButton_->setText(tr("&Export…"));
  exportButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  exportButton_->setToolTip(tr("Save the rows and columns shown as CSV or an Excel workbook"));
  exportButton_->setEnabled(false);
  connect(exportButton_, &QToolButton::clicked, this, &EntityTableView::promptExport);
  auto* toolbar = new QHBoxLayout;
  toolbar->addWidget(filter_, 1);
  toolbar->addWidget(exportButton_);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 8, 8, 8);
  layout->addWidget(drillBar_);
  layout->addLayout(toolbar);
  layout->addWidget(message_);
  layout->addWidget(table_, 1);
}

void EntityTableView::setDatabase(salesops::Database* db, const QString& corporateCurrency) {
  workbookPath_ = db ? QString::fromStdString(db->path().string()) : QString();
  currency_ = corporateCurrency;
  exportButton_->setEnabled(db != nullptr);
  model_->setDatabase(db, corporateCurrency);
  emit statusChanged();
}

QString EntityTableView::statusText() const {
  const bool narrowed = !model_->filterText().isEmpty() || !model_->conditions().empty();
  if (model_->isLoading()) {
    return narrowed ? tr("Filtering %L1 rows…").arg(model_->totalRows())
                    : tr("Sorting %L1 rows…").arg(model_->totalRows());
  }
  const qint64 shown = model_->rowCount();
  if (!narrowed) return tr("%L1 rows").arg(shown);
  return tr("%L1 of %L2 rows").arg(shown).arg(model_->totalRows());
}

void EntityTableView::showColumnMenu(const QPoint& pos) {
  QMenu menu(this);
  menu.setObjectName(QStringLiteral("columns-%1").arg(qt(spec_.name)));
  QHeaderView* header = table_->horizontalHeader();
  const int visible = header->count() - header->hiddenSectionCount();
  for (int column = 0; column < model_->columnCount(); ++column) {
    QAction* action = menu.addAction(model_->headerData(column, Qt::Horizontal).toString());
    action->setCheckable(true);
    action->setChecked(!header->isSectionHidden(column));
    // The last visible column stays: a table without columns cannot be brought back from its header.
    action->setEnabled(header->isSectionHidden(column) || visible > 1);
    connect(action, &QAction::toggled, this, [this, column](bool checked) { setColumnHidden(column, !checked); });
  }
  menu.addSeparator();
  connect(menu.addAction(tr("Show All Columns")), &QAction::triggered, this, [this] {
    for (int column = 0; column < model_->columnCount(); ++column) table_->setColumnHidden(column, false);
    settings_.setHiddenColumns(qt(spec_.name), {});
  });
  menu.exec(header->viewport()->mapToGlobal(pos));
}

void EntityTableView::setColumnHidden(int column, bool hidden) {
  table_->setColumnHidden(column, hidden);
  QStringList hiddenFields;
  for (int i = 0; i < static_cast<int>(spec_.fields.size()); ++i) {
    if (table_->isColumnHidden(i)) hiddenFields << qt(spec_.fields[static_cast<std::size_t>(i)].name);
  }
  settings_.setHiddenColumns(qt(spec_.name), hiddenFields);
}

void EntityTableView::applyHiddenColumns() {
  const QStringList hidden = settings_.hiddenColumns(qt(spec_.name));
  int shown = 0;
  for (int i = 0; i < static_cast<int>(spec_.fields.size()); ++i) {
    const bool hide = hidden.contains(qt(spec_.fields[static_cast<std::size_t>(i)].name));
    table_->setColumnHidden(i, hide);
    if (!hide) ++shown;
  }
  if (shown == 0 && !spec_.fields.empty()) table_->setColumnHidden(0, false);
}

void EntityTableView::setInitialColumnWidths() {
  for (int i = 0; i < static_cast<int>(spec_.fields.size()); ++i) {
    table_->setColumnWidth(i, defaultWidth(spec_.fields[static_cast<std::size_t>(i)]));
  }
}

void EntityTableView::drillDown(const QString& description, std::vector<salesops::TableCondition> conditions) {
  filterTimer_->stop();
  {
    const QSignalBlocker quiet(filter_);
    filter_->clear();
  }
  model_->setFilterText(QString());
  drillText_->setText(description);
  drillBar_->show();
  model_->setConditions(std::move(conditions));
  emit statusChanged();
}

void EntityTableView::clearDrillDown() {
  drillBar_->hide();
  drillText_->clear();
  model_->setConditions({});
  emit statusChanged();
}

QString EntityTableView::drillDownText() const { return drillBar_->isVisible() ? drillText_->text() : QString(); }

QString EntityTableView::title() const {
  QString name = QFileInfo(qt(spec_.csvFile)).completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' '));
  if (!name.isEmpty()) name[0] = name[0].toUpper();
  return name;
}

bool EntityTableView::promptExport() {
  const QString caption = tr("Export %1").arg(title());
  if (workbookPath_.isEmpty()) {
    MessageBoxSeam::information(this, caption, tr("Open or create a workbook first."));
    return false;
  }
  const auto choice = ExportOptionsDialog::ask(this, settings_, ExportOptionsDialog::Mode::TableFormats);
  if (!choice) return false;
  const QString suffix = choice->xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
  const QString start = QDir(settings_.lastDirectory())
                            .filePath(QFileInfo(qt(spec_.csvFile)).completeBaseName() + QLatin1Char('.') + suffix);
  QString path = FileDialogSeam::getSaveFileName(this, caption, start,
                                                 choice->xlsx ? tr("Excel workbook (*.xlsx)") : tr("CSV (*.csv)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
  return exportTo(path, *choice);
}

bool EntityTableView::exportTo(const QString& path, const ExportChoice& choice) {
  const QString caption = tr("Export %1").arg(title());
  const auto outcome = tableexport::run(this, *this, workbookPath_, path, choice);
  if (outcome.cancelled) {
    MessageBoxSeam::information(this, caption, tr("The export was cancelled; no file was written."));
    return false;
  }
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, caption, tr("The table was not exported.\n\n%1").arg(outcome.error));
    return false;
  }
  settings_.setLastDirectory(QFileInfo(path).absolutePath());
  const QString where = QDir::toNativeSeparators(path);
  emit activity(
      outcome.result.sheets > 1
          ? tr("Exported %L1 rows to %2 on %3 sheets").arg(outcome.result.rows).arg(where).arg(outcome.result.sheets)
          : tr("Exported %L1 rows to %2").arg(outcome.result.rows).arg(where));
  return true;
}
