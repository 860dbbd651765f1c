#include "views/compensation/ReconcileView.h"

#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cstring>

#include "common/Error.h"
#include "seams/FileDialogSeam.h"
#include "storage/Workbook.h"
#include "views/compensation/MoneyItem.h"

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

enum Column { kRep, kStart, kEnd, kComponent, kOurs, kTheirs, kDifference, kStatus, kColumns };

bool passes(const salesops::ReconcileRow& row, int filter) {
  const std::string status = row.status();
  switch (filter) {
    case ReconcileView::kProblems:
      return status != "match";
    case ReconcileView::kDiffers:
      return status == "differs";
    case ReconcileView::kOnlyTheirs:
      return status == "only_theirs";
    case ReconcileView::kOnlyOurs:
      return status == "only_ours";
    case ReconcileView::kMatched:
      return status == "match";
    default:
      return true;
  }
}

QColor statusColor(const std::string& status) {
  if (status == "match") return QColor(0xe6, 0xf4, 0xea);
  if (status == "differs") return QColor(0xfd, 0xe7, 0xe9);
  return QColor(0xff, 0xf4, 0xd6);  // a line on one side only
}

}  // namespace

ReconcileView::ReconcileView(QWidget* parent) : QWidget(parent) {
  open_ = new QPushButton(tr("Open statement or payroll CSV…"), this);
  open_->setObjectName(QStringLiteral("comp-reconcile-open"));
  open_->setToolTip(tr("Columns rep_id, period_start, period_end, amount and, optionally, component"));
  filter_ = new QComboBox(this);
  filter_->setObjectName(QStringLiteral("comp-reconcile-filter"));
  filter_->addItems({tr("All lines"), tr("Differences only"), tr("Amounts differ"), tr("Only theirs"), tr("Only ours"),
                     tr("Matched")});
  export_ = new QPushButton(tr("Export CSV…"), this);
  export_->setObjectName(QStringLiteral("comp-reconcile-export"));
  status_ = new QLabel(tr("Open a commission statement or payroll export from another system to compare it with "
                          "the ledger (process the periods first)"),
                       this);
  status_->setObjectName(QStringLiteral("comp-reconcile-status"));
  status_->setWordWrap(true);
  table_ = new QTableWidget(0, kColumns, this);
  table_->setObjectName(QStringLiteral("comp-reconcile-table"));
  table_->setHorizontalHeaderLabels({tr("Rep"), tr("Period start"), tr("Period end"), tr("Component"), tr("Ours"),
                                     tr("Theirs"), tr("Theirs − ours"), tr("Status")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

  auto* top = new QHBoxLayout;
  top->addWidget(open_);
  top->addWidget(new QLabel(tr("Show"), this));
  top->addWidget(filter_);
  top->addWidget(export_);
  top->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(status_);
  layout->addWidget(table_, 1);

  connect(open_, &QPushButton::clicked, this, [this] {
    const QString file = FileDialogSeam::getOpenFileName(this, tr("Statement or payroll CSV"), QString(),
                                                         tr("CSV (*.csv);;All files (*)"));
    if (!file.isEmpty()) open(file);
  });
  connect(filter_, &QComboBox::currentIndexChanged, this, [this] { showRows(); });
  connect(export_, &QPushButton::clicked, this, [this] {
    const QString file =
        FileDialogSeam::getSaveFileName(this, tr("Export the comparison"), QString(), tr("CSV (*.csv)"));
    if (!file.isEmpty()) exportCsv(file);
  });
  showRows();
}

void ReconcileView::showWorkbook(salesops::Workbook* workbook) {
  workbook_ = workbook;
  open_->setEnabled(workbook_ != nullptr);
}

bool ReconcileView::open(const QString& file) {
  if (!workbook_) return false;
  try {
    result_ = salesops::reconcileLedger(*workbook_, file.toStdString());
  } catch (const std::exception& e) {
    result_.reset();
    showRows();
    status_->setText(tr("Could not compare: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  file_ = file;
  showRows();
  return true;
}

void ReconcileView::setFilter(Filter filter) { filter_->setCurrentIndex(filter); }

std::vector<salesops::ReconcileRow> ReconcileView::shownRows() const {
  std::vector<salesops::ReconcileRow> rows;
  if (!result_) return rows;
  for (const auto& row : result_->rows) {
    if (passes(row, filter_->currentIndex())) rows.push_back(row);
  }
  return rows;
}

void ReconcileView::showRows() {
  const auto rows = shownRows();
  export_->setEnabled(!rows.empty());
  table_->setSortingEnabled(false);
  table_->setRowCount(static_cast<int>(rows.size()));
  if (!result_) return;
  const int d = result_->minorDigits;
  int r = 0;
  for (const auto& row : rows) {
    const QColor color = statusColor(row.status());
    const auto money = [&](const std::optional<std::int64_t>& v) -> QTableWidgetItem* {
      return v ? new MoneyItem(*v, d) : new QTableWidgetItem(QStringLiteral("—"));
    };
    table_->setItem(r, kRep, new QTableWidgetItem(qs(row.repId)));
    table_->setItem(r, kStart, new QTableWidgetItem(qs(row.period.start.toString())));
    table_->setItem(r, kEnd, new QTableWidgetItem(qs(row.period.end.toString())));
    table_->setItem(r, kComponent, new QTableWidgetItem(qs(row.component)));
    table_->setItem(r, kOurs, money(row.ours));
    table_->setItem(r, kTheirs, money(row.theirs));
    table_->setItem(r, kDifference, new MoneyItem(row.theirs.value_or(0) - row.ours.value_or(0), d));
    table_->setItem(r, kStatus, new QTableWidgetItem(QString::fromLatin1(row.status())));
    for (int c = 0; c < kColumns; ++c) table_->item(r, c)->setBackground(color);
    ++r;
  }
  table_->setSortingEnabled(true);
  table_->sortByColumn(kRep, Qt::AscendingOrder);
  const auto& all = *result_;
  status_->setText(tr("%1: %2 match, %3 differ, %4 only in the ledger, %5 only in the file; %6 shown")
                       .arg(file_)
                       .arg(all.matched)
                       .arg(all.differing)
                       .arg(all.onlyOurs)
                       .arg(all.onlyTheirs)
                       .arg(rows.size()));
}

bool ReconcileView::exportCsv(const QString& file) {
  const auto rows = shownRows();
  if (rows.empty()) {
    status_->setText(tr("Nothing to export"));
    return false;
  }
  salesops::ReconcileResult shown = *result_;
  shown.rows = rows;
  const std::string text = salesops::reconcileCsv(shown);
  QFile out(file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    status_->setText(tr("Could not write %1").arg(file));
    return false;
  }
  status_->setText(tr("%n line(s) written to %1", nullptr, static_cast<int>(rows.size())).arg(file));
  return true;
}
