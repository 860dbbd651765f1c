#include "views/compensation/PayoutView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <array>
#include <chrono>
#include <map>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "services/CompDocuments.h"
#include "storage/CompStore.h"
#include "storage/Workbook.h"
#include "views/compensation/MoneyItem.h"
#include "widgets/PeriodPicker.h"

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// Columns of the payout table after rep and plan: the line kinds grouped as payroll reads them.
enum Column { kRep, kPlan, kEarnings, kBonus, kSpiff, kOverride, kDraw, kCorrections, kTotal, kColumns };

int columnOf(salesops::comp::LineKind kind) {
  using K = salesops::comp::LineKind;
  switch (kind) {
    case K::Earning:
      return kEarnings;
    case K::Bonus:
      return kBonus;
    case K::Spiff:
      return kSpiff;
    case K::Override:
      return kOverride;
    case K::DrawAdvance:
    case K::DrawRecovery:
      return kDraw;
    case K::Clawback:
    case K::Adjustment:
      return kCorrections;
  }
  return kEarnings;
}

}  // namespace

PayoutView::PayoutView(QWidget* parent) : QWidget(parent) {
  period_ = new PeriodPicker(this);
  period_->setObjectName(QStringLiteral("comp-period"));
  process_ = new QPushButton(tr("Process"), this);
  process_->setObjectName(QStringLiteral("comp-process"));
  process_->setToolTip(tr("Compute the plan year up to the end of this quarter and store the lines of open periods"));
  lock_ = new QPushButton(tr("Lock"), this);
  lock_->setObjectName(QStringLiteral("comp-lock"));
  lock_->setToolTip(tr("Freeze this quarter's payouts: later changes become adjustments in the next open period"));
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("comp-period-status"));
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  period_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  payouts_ = new QTableWidget(0, kColumns, this);
  payouts_->setObjectName(QStringLiteral("comp-payouts"));
  payouts_->setHorizontalHeaderLabels({tr("Rep"), tr("Plan"), tr("Earnings"), tr("Bonus"), tr("SPIFF"), tr("Override"),
                                       tr("Draw"), tr("Clawbacks and adjustments"), tr("Total")});
  payouts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  payouts_->setSelectionBehavior(QAbstractItemView::SelectRows);
  payouts_->setSelectionMode(QAbstractItemView::SingleSelection);
  payouts_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  payouts_->verticalHeader()->hide();
  payouts_->sortByColumn(kRep, Qt::AscendingOrder);
  lines_ = new QTreeWidget(this);
  lines_->setObjectName(QStringLiteral("comp-statement-lines"));
  lines_->setHeaderLabels({tr("Period / deal"), tr("Component"), tr("Kind"), tr("Amount / credited"), tr("Why")});
  lines_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  preview_ = new QTextBrowser(this);
  preview_->setObjectName(QStringLiteral("comp-statement-preview"));
  print_ = new QPushButton(tr("Print…"), this);
  print_->setObjectName(QStringLiteral("comp-print"));
  pdf_ = new QPushButton(tr("Export PDF…"), this);
  pdf_->setObjectName(QStringLiteral("comp-export-pdf"));

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Quarter"), this));
  top->addWidget(period_);
  top->addWidget(process_);
  top->addWidget(lock_);
  top->addWidget(status_, 1);
  auto* statement = new QWidget(this);
  auto* statementLayout = new QVBoxLayout(statement);
  statementLayout->setContentsMargins(0, 0, 0, 0);
  auto* split = new QSplitter(Qt::Horizontal, statement);
  split->addWidget(lines_);
  split->addWidget(preview_);
  statementLayout->addWidget(split, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(print_);
  buttons->addWidget(pdf_);
  statementLayout->addLayout(buttons);
  auto* vertical = new QSplitter(Qt::Vertical, this);
  vertical->addWidget(payouts_);
  vertical->addWidget(statement);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(vertical, 1);

  connect(period_, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
  connect(process_, &QPushButton::clicked, this, [this] { process(); });
  connect(lock_, &QPushButton::clicked, this, [this] { lock(); });
  connect(payouts_, &QTableWidget::currentCellChanged, this, [this](int row) { showStatement(row); });
  connect(print_, &QPushButton::clicked, this, [this] {
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() == QDialog::Accepted) preview_->print(&printer);
  });
  connect(pdf_, &QPushButton::clicked, this, [this] {
    const QString file =
        FileDialogSeam::getSaveFileName(this, tr("Export statement as PDF"), QString(), tr("PDF (*.pdf)"));
    if (file.isEmpty()) return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(file);
    preview_->print(&printer);
    status_->setText(tr("Statement written to %1").arg(file));
  });
}

salesops::Date PayoutView::today() const {
  if (today_) return *today_;
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return salesops::Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

void PayoutView::showWorkbook(salesops::Workbook* workbook) {
  // The quarter survives the window closing and reopening the workbook around a Process or a Lock.
  if (period_->hasPeriod()) chosen_ = period_->currentText();
  workbook_ = workbook;
  period_->blockSignals(true);
  if (workbook_) {
    const salesops::Date around = workbook_->settings().asOf.value_or(today());
    period_->setCalendar(workbook_->fiscalCalendar(), around);
    if (!chosen_.isEmpty()) period_->selectName(chosen_);
  } else {
    period_->clear();
  }
  period_->blockSignals(false);
  const bool writable = workbook_ && !workbook_->readOnly();
  process_->setEnabled(writable);
  lock_->setEnabled(writable);
  refresh();
}

void PayoutView::refresh() {
  payouts_->setRowCount(0);
  lines_->clear();
  preview_->clear();
  periodLines_.clear();
  periodStatus_.clear();
  if (!workbook_ || !period_->hasPeriod()) return;
  const salesops::Period period = period_->currentPeriod();
  const int digits = salesops::minorDigits(workbook_->settings().currency);
  try {
    salesops::CompStore store(workbook_->db());
    periodLines_ = store.lines(period);
    for (const auto& p : store.periods()) {
      if (p.period.start <= period.end && period.start <= p.period.end) periodStatus_.push_back(p);
    }
  } catch (const std::exception& e) {
    status_->setText(tr("Could not read the ledger: %1").arg(QString::fromUtf8(e.what())));
    return;
  }
  int processed = 0, locked = 0;
  QStringList detail;
  for (const auto& p : periodStatus_) {
    (p.status == salesops::PeriodStatus::Locked ? locked : processed) += 1;
    detail << tr("%1: %2").arg(qs(p.period.toString()), salesops::periodStatusName(p.status));
  }
  status_->setText(periodStatus_.empty() ? tr("Not processed yet: press Process")
                                         : tr("%n payout period(s) locked", nullptr, locked) + QStringLiteral(", ") +
                                               tr("%n processed", nullptr, processed));
  status_->setToolTip(detail.join(QLatin1Char('\n')));
  // One row per rep and plan, summed per column.
  std::map<std::pair<std::string, std::string>, std::array<std::int64_t, kColumns>> rows;
  for (const auto& l : periodLines_) {
    auto& sums = rows[{l.repId, l.planId}];
    sums[static_cast<std::size_t>(columnOf(l.kind))] += l.amount;
    sums[kTotal] += l.amount;
  }
  payouts_->setSortingEnabled(false);
  payouts_->setRowCount(static_cast<int>(rows.size()));
  int row = 0;
  for (const auto& [key, sums] : rows) {
    payouts_->setItem(row, kRep, new QTableWidgetItem(qs(key.first)));
    payouts_->setItem(row, kPlan, new QTableWidgetItem(qs(key.second)));
    for (int c = kEarnings; c < kColumns; ++c)
      payouts_->setItem(row, c, new MoneyItem(sums[static_cast<std::size_t>(c)], digits));
    ++row;
  }
  payouts_->setSortingEnabled(true);
  if (payouts_->rowCount() > 0) payouts_->selectRow(0);  // the first statement, so the page is never blank
}

void PayoutView::showStatement(int row) {
  lines_->clear();
  preview_->clear();
  if (!workbook_ || row < 0 || row >= payouts_->rowCount() || !payouts_->item(row, kRep)) return;
  const std::string repId = payouts_->item(row, kRep)->text().toStdString();
  salesops::PayoutOutcome statement;
  statement.requested = period_->currentPeriod();
  statement.currency = workbook_->settings().currency;
  statement.minorDigits = salesops::minorDigits(statement.currency);
  statement.repId = repId;
  statement.repName = salesops::CompStore(workbook_->db()).repName(repId).value_or(std::string());
  statement.periods = periodStatus_;
  for (const auto& l : periodLines_) {
    if (l.repId == repId) statement.lines.push_back(l);
  }
  const int digits = statement.minorDigits;
  for (const auto& l : statement.lines) {
    auto* item =
        new QTreeWidgetItem(lines_, {qs(l.period.toString()), qs(l.component), salesops::comp::lineKindName(l.kind),
                                     qs(salesops::formatMoney(l.amount, digits)), qs(l.detail)});
    item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    for (const auto& d : l.deals) {
      auto* deal = new QTreeWidgetItem(item, {qs(d.opportunityId), QString(), tr("credited deal"),
                                              qs(salesops::creditText(d.credit4, digits)), QString()});
      deal->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    }
  }
  preview_->setHtml(qs(salesops::statementHtml(statement)));
}

bool PayoutView::process() {
  if (!runner_ || !workbook_ || !period_->hasPeriod()) return false;
  const salesops::Period period = period_->currentPeriod();
  const salesops::Date day = today();
  return runner_(tr("Computing payouts…"), [period, day](salesops::Workbook& workbook, const salesops::LongTask& task) {
    salesops::CompService(workbook).payout(period, day, task);
  });
}

bool PayoutView::lock() {
  if (!runner_ || !workbook_ || !period_->hasPeriod()) return false;
  const salesops::Period period = period_->currentPeriod();
  const auto answer = MessageBoxSeam::question(
      this, tr("Lock payouts"),
      tr("Lock the payouts of %1? Locked statements never change; later corrections become adjustments in the "
         "next open period.")
          .arg(period_->currentText()),
      QMessageBox::Yes | QMessageBox::Cancel);
  if (answer != QMessageBox::Yes) return false;
  const salesops::Date day = today();
  return runner_(tr("Locking payouts…"), [period, day](salesops::Workbook& workbook, const salesops::LongTask& task) {
    salesops::CompService(workbook).lock(period, day, task);
  });
}
