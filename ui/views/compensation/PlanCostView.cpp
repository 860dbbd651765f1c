#include "views/compensation/PlanCostView.h"

#include <QCheckBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <chrono>

#include "charts/PayoutBandsChart.h"
#include "common/Decimal.h"
#include "seams/FileDialogSeam.h"
#include "services/CompCostDocuments.h"
#include "storage/Workbook.h"
#include "widgets/PeriodPicker.h"

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString percentText(std::optional<double> ratio) {
  return ratio ? QStringLiteral("%1 %").arg(100.0 * *ratio, 0, 'f', 2) : PlanCostView::tr("n/a");
}

enum SummaryColumn { kName, kReps, kBookings, kPayout, kCostOfSale, kMedian, kP90, kSummaryColumns };

QStringList summaryRow(const QString& name, std::int64_t reps, __int128 bookings4, std::int64_t payout, int digits) {
  return {name, QString::number(reps), qs(salesops::formatMoney(salesops::bookingsMinor(bookings4), digits)),
          qs(salesops::formatMoney(payout, digits)), percentText(salesops::comp::costOfSale(payout, bookings4))};
}

}  // namespace

PlanCostView::PlanCostView(QWidget* parent) : QWidget(parent) {
  period_ = new PeriodPicker(this);
  period_->setObjectName(QStringLiteral("comp-cost-period"));
  period_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  wholeYear_ = new QCheckBox(tr("Whole fiscal year"), this);
  wholeYear_->setObjectName(QStringLiteral("comp-cost-year"));
  compute_ = new QPushButton(tr("Compute"), this);
  compute_->setObjectName(QStringLiteral("comp-cost-compute"));
  compute_->setToolTip(
      tr("Payouts as a payout run would make them today (locked periods as stored); nothing is "
         "stored"));
  export_ = new QPushButton(tr("Export CSV…"), this);
  export_->setObjectName(QStringLiteral("comp-cost-export"));
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("comp-cost-status"));
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  summary_ = new QTreeWidget(this);
  summary_->setObjectName(QStringLiteral("comp-cost-summary"));
  summary_->setHeaderLabels({tr("Plan / payout period"), tr("Reps"), tr("Bookings"), tr("Payout"), tr("Cost of sale"),
                             tr("Median pay"), tr("90th percentile pay")});
  summary_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
  summary_->header()->setStretchLastSection(false);
  bands_ = new QTableWidget(0, 3, this);
  bands_->setObjectName(QStringLiteral("comp-cost-bands"));
  bands_->setHorizontalHeaderLabels({tr("Attainment"), tr("Reps"), tr("Pay")});
  bands_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  bands_->verticalHeader()->hide();
  bands_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  percentiles_ = new QLabel(this);
  percentiles_->setObjectName(QStringLiteral("comp-cost-percentiles"));
  percentiles_->setWordWrap(true);
  chart_ = new PayoutBandsChart(this);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Quarter"), this));
  top->addWidget(period_);
  top->addWidget(wholeYear_);
  top->addWidget(compute_);
  top->addWidget(export_);
  top->addWidget(status_, 1);
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(bands_, 1);
  leftLayout->addWidget(percentiles_);
  auto* bottom = new QSplitter(Qt::Horizontal, this);
  bottom->addWidget(left);
  bottom->addWidget(chart_);
  bottom->setStretchFactor(1, 2);
  auto* vertical = new QSplitter(Qt::Vertical, this);
  vertical->addWidget(summary_);
  vertical->addWidget(bottom);
  vertical->setSizes({220, 600});  // a few plans above, the distribution gets the room
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(vertical, 1);

  connect(compute_, &QPushButton::clicked, this, [this] { compute(); });
  connect(export_, &QPushButton::clicked, this, [this] {
    const QString file = FileDialogSeam::getSaveFileName(this, tr("Export plan cost"), QString(), tr("CSV (*.csv)"));
    if (!file.isEmpty()) exportCsv(file);
  });
  connect(summary_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
    QTreeWidgetItem* planItem = item && item->parent() ? item->parent() : item;
    if (planItem) showPlan(summary_->indexOfTopLevelItem(planItem));
  });
  showResult();
}

void PlanCostView::showWorkbook(salesops::Workbook* workbook) {
  // The quarter survives the window closing and reopening the workbook around a computation.
  if (period_->hasPeriod()) chosen_ = period_->currentText();
  workbook_ = workbook;
  if (workbook_) {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const salesops::Date now =
        today_.value_or(salesops::Date{static_cast<std::int32_t>(days.time_since_epoch().count())});
    period_->setCalendar(workbook_->fiscalCalendar(), workbook_->settings().asOf.value_or(now));
    if (!chosen_.isEmpty()) period_->selectName(chosen_);
  } else {
    period_->clear();
  }
  compute_->setEnabled(workbook_ && !workbook_->readOnly());
}

bool PlanCostView::compute() {
  if (!runner_ || !workbook_ || !period_->hasPeriod()) return false;
  salesops::Period scope = period_->currentPeriod();
  if (wholeYear_->isChecked()) {
    const salesops::FiscalCalendar calendar = workbook_->fiscalCalendar();
    scope = calendar.year(calendar.fiscalYearOf(scope.end));
  }
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const salesops::Date day =
      today_.value_or(salesops::Date{static_cast<std::int32_t>(days.time_since_epoch().count())});
  auto outcome = std::make_shared<salesops::PlanCostOutcome>();
  const bool ok = runner_(tr("Computing the plan cost…"),
                          [scope, day, outcome](salesops::Workbook& workbook, const salesops::LongTask& task) {
                            *outcome = salesops::CompService(workbook).cost(scope, day, task);
                          });
  if (ok) result_ = std::move(*outcome);
  showResult();
  return ok;
}

bool PlanCostView::exportCsv(const QString& file) {
  if (!result_) {
    status_->setText(tr("Nothing to export: press Compute first"));
    return false;
  }
  QFile out(file);
  const std::string text = salesops::planCostCsv(*result_);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
      out.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size())) {
    status_->setText(tr("Could not write %1").arg(file));
    return false;
  }
  status_->setText(tr("Plan cost written to %1").arg(file));
  return true;
}

void PlanCostView::showResult() {
  summary_->clear();
  export_->setEnabled(result_.has_value());
  if (!result_) {
    status_->setText(tr("Pick a quarter (or its whole year) and press Compute"));
    showPlan(-1);
    return;
  }
  const auto& r = result_->report;
  const int d = result_->minorDigits;
  const auto addSummary = [&](const salesops::comp::CostSummary& s, const QString& name) {
    QStringList cells = summaryRow(name, s.reps, s.bookings4, s.payout, d);
    cells << qs(salesops::formatMoney(s.payPercentile[2], d)) << qs(salesops::formatMoney(s.payPercentile[4], d));
    auto* item = new QTreeWidgetItem(summary_, cells);
    for (int c = kReps; c < kSummaryColumns; ++c) item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    return item;
  };
  for (const auto& s : r.plans) {
    QTreeWidgetItem* planItem = addSummary(s, qs(s.planId));
    for (const auto& p : r.periods) {
      if (p.planId != s.planId) continue;
      auto* item = new QTreeWidgetItem(planItem, summaryRow(qs(p.period.toString()), p.reps, p.bookings4, p.payout, d));
      for (int c = kReps; c < kSummaryColumns; ++c) item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    }
  }
  QTreeWidgetItem* total = addSummary(r.total, tr("All plans"));
  QFont bold = total->font(0);
  bold.setBold(true);
  for (int c = 0; c < kSummaryColumns; ++c) total->setFont(c, bold);
  status_->setText(tr("%1 (%2): payout %3 on bookings %4, cost of sale %5")
                       .arg(qs(r.scope.toString()), qs(result_->currency), qs(salesops::formatMoney(r.total.payout, d)),
                            qs(salesops::formatMoney(salesops::bookingsMinor(r.total.bookings4), d)),
                            percentText(salesops::comp::costOfSale(r.total.payout, r.total.bookings4))));
  summary_->setCurrentItem(total);
  showPlan(static_cast<int>(r.plans.size()));
}

void PlanCostView::showPlan(int index) {
  bands_->setRowCount(0);
  percentiles_->clear();
  if (!result_ || index < 0 || index > static_cast<int>(result_->report.plans.size())) {
    chart_->setBands({}, {}, 2, QString());
    return;
  }
  const auto& r = result_->report;
  const int d = result_->minorDigits;
  const salesops::comp::CostSummary& s =
      index == static_cast<int>(r.plans.size()) ? r.total : r.plans[static_cast<std::size_t>(index)];
  QStringList categories;
  std::vector<std::int64_t> pay;
  const std::size_t bandCount = salesops::comp::kBandFromMicro.size();
  bands_->setRowCount(static_cast<int>(bandCount + 1));
  for (std::size_t b = 0; b <= bandCount; ++b) {
    const bool noQuota = b == bandCount;
    const std::int64_t reps = noQuota ? s.noQuotaReps : s.bandReps[b];
    const std::int64_t bandPay = noQuota ? s.noQuotaPay : s.bandPay[b];
    const int row = static_cast<int>(b);
    bands_->setItem(row, 0, new QTableWidgetItem(QString::fromUtf8(salesops::comp::bandLabel(b))));
    bands_->setItem(row, 1, new QTableWidgetItem(QString::number(reps)));
    bands_->setItem(row, 2, new QTableWidgetItem(qs(salesops::formatMoney(bandPay, d))));
    bands_->item(row, 1)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bands_->item(row, 2)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (noQuota && reps == 0) continue;  // the chart shows the no-quota bar only when someone is in it
    categories << QStringLiteral("%1 (%2)").arg(QString::fromUtf8(salesops::comp::bandLabel(b))).arg(reps);
    pay.push_back(bandPay);
  }
  QStringList cuts;
  for (std::size_t p = 0; p < salesops::comp::kPayPercentiles.size(); ++p) {
    cuts << tr("p%1 %2").arg(salesops::comp::kPayPercentiles[p]).arg(qs(salesops::formatMoney(s.payPercentile[p], d)));
  }
  percentiles_->setText(tr("Pay per rep: %1").arg(cuts.join(QStringLiteral(", "))));
  chart_->setBands(categories, {{tr("Pay of %1").arg(qs(s.planId == "(all)" ? "all plans" : s.planId)), pay}}, d,
                   qs(result_->currency));
  chart_->chart()->setTitle(tr("Pay by attainment band (reps)"));
}
