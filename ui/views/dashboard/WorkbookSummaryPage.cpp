#include "views/dashboard/WorkbookSummaryPage.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

#include "domain/EntitySchema.h"
#include "storage/Workbook.h"

namespace {
// "fx_rate" -> "FX rates", "opportunity_history" -> "Opportunity history": the file names are plural, and
// the dashboard speaks to people, not to the schema.
QString recordLabel(const std::string& entity) {
  const salesops::EntitySpec* spec = salesops::findEntity(entity);
  std::string_view stem = spec ? spec->csvFile.substr(0, spec->csvFile.rfind('.')) : std::string_view(entity);
  QString label = QString::fromUtf8(stem.data(), static_cast<qsizetype>(stem.size()));
  label.replace(QLatin1Char('_'), QLatin1Char(' '));
  if (label.startsWith(QLatin1String("fx "))) label.replace(0, 2, QStringLiteral("FX"));
  if (!label.isEmpty()) label[0] = label[0].toUpper();
  return label;
}
}  // namespace

WorkbookSummaryPage::WorkbookSummaryPage(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      details_(new QLabel(this)),
      counts_(new QTableWidget(this)),
      note_(new QLabel(this)) {
  setObjectName(QStringLiteral("page-dashboard"));
  QFont font = title_->font();
  font.setPointSizeF(font.pointSizeF() * 1.5);
  font.setBold(true);
  title_->setFont(font);
  title_->setWordWrap(true);
  details_->setObjectName(QStringLiteral("summary-details"));
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  details_->setWordWrap(true);

  counts_->setObjectName(QStringLiteral("summary-counts"));
  counts_->setColumnCount(2);
  counts_->setHorizontalHeaderLabels({tr("Records"), tr("Rows")});
  counts_->verticalHeader()->hide();
  counts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  counts_->setSelectionMode(QAbstractItemView::NoSelection);
  counts_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  counts_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  counts_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  counts_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  counts_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  counts_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  counts_->setMaximumWidth(420);

  note_->setObjectName(QStringLiteral("placeholder-dashboard"));
  note_->setWordWrap(true);
  note_->setText(
      tr("Coming soon: the KPI dashboard — bookings, pipeline coverage, win rate and attainment for a "
         "period, with charts you can drill into."));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 24, 24, 24);
  layout->addWidget(title_);
  layout->addWidget(details_);
  layout->addSpacing(8);
  layout->addWidget(counts_);
  layout->addSpacing(16);
  layout->addWidget(note_);
  layout->addStretch(1);
  connect(&watcher_, &QFutureWatcher<Loaded>::finished, this, [this] { showInfo(watcher_.result()); });
  showWorkbook(nullptr);
}

void WorkbookSummaryPage::showWorkbook(salesops::Workbook* workbook) {
  ++generation_;  // a result still coming for an earlier workbook is dropped
  counts_->setRowCount(0);
  counts_->hide();
  if (!workbook) {
    title_->setText(tr("No workbook open"));
    details_->setText(
        tr("Use File ▸ New… to create a workbook or File ▸ Open… to open one. Then import a CSV "
           "workbook with File ▸ Import CSV Workbook…."));
    return;
  }
  title_->setText(QString::fromStdString(workbook->path().filename().string()));
  details_->setText(tr("Counting records…"));
  const auto path = workbook->path();
  const quint64 generation = generation_;
  watcher_.setFuture(QtConcurrent::run([path, generation] {
    Loaded loaded;
    loaded.generation = generation;
    try {
      auto reader = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
      loaded.info = salesops::readWorkbookInfo(*reader);
    } catch (const std::exception& e) {
      loaded.error = QString::fromStdString(e.what());
    }
    return loaded;
  }));
}

void WorkbookSummaryPage::showInfo(const Loaded& loaded) {
  if (loaded.generation != generation_) return;
  if (!loaded.error.isEmpty()) {
    details_->setText(tr("The summary could not be read: %1").arg(loaded.error));
    return;
  }
  const salesops::WorkbookInfo& info = loaded.info;
  QString range = tr("no opportunities yet");
  if (info.firstCloseDate && info.lastCloseDate) {
    range = tr("%1 to %2")
                .arg(QString::fromStdString(info.firstCloseDate->toString()),
                     QString::fromStdString(info.lastCloseDate->toString()));
  }
  details_->setText(tr("Corporate currency: %1\nFiscal year starts in month %2\nSchema version %3\n"
                       "Opportunity close dates: %4")
                        .arg(QString::fromStdString(info.settings.currency))
                        .arg(info.settings.fiscalYearStartMonth)
                        .arg(info.schemaVersion)
                        .arg(range));
  counts_->setRowCount(static_cast<int>(info.rowCounts.size()));
  int row = 0;
  for (const auto& [entity, count] : info.rowCounts) {
    counts_->setItem(row, 0, new QTableWidgetItem(recordLabel(entity)));
    auto* number = new QTableWidgetItem(QStringLiteral("%L1").arg(count));
    number->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    counts_->setItem(row, 1, number);
    ++row;
  }
  counts_->show();
}
