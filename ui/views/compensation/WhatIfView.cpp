#include "views/compensation/WhatIfView.h"

#include <QChart>
#include <QComboBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <chrono>
#include <cmath>

#include "charts/PayoutBandsChart.h"
#include "charts/PayoutCurveChart.h"
#include "common/Currency.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "comp/PlanCost.h"
#include "seams/FileDialogSeam.h"
#include "storage/Workbook.h"
#include "views/compensation/MoneyItem.h"

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

enum Column { kRep, kAttainment, kCurrent, kCandidate, kDifference, kColumns };
enum Source { kFromFile, kFromEditor };

salesops::Date systemToday() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return salesops::Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

// Sorts by the attainment it shows; reps without a quota sort first.
class RatioItem : public QTableWidgetItem {
 public:
  explicit RatioItem(std::optional<double> ratio)
      : QTableWidgetItem(ratio ? QStringLiteral("%1 %").arg(100.0 * *ratio, 0, 'f', 1) : WhatIfView::tr("no quota")),
        ratio_(ratio.value_or(-1.0)) {
    setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  }
  bool operator<(const QTableWidgetItem& other) const override {
    const auto* r = dynamic_cast<const RatioItem*>(&other);
    return r ? ratio_ < r->ratio_ : QTableWidgetItem::operator<(other);
  }

 private:
  double ratio_;
};

}  // namespace

WhatIfView::WhatIfView(QWidget* parent) : QWidget(parent) {
  source_ = new QComboBox(this);
  source_->setObjectName(QStringLiteral("comp-whatif-source"));
  source_->addItems({tr("Candidate plan file"), tr("Plan being edited (Plans tab)")});
  choose_ = new QPushButton(tr("Choose file…"), this);
  choose_->setObjectName(QStringLiteral("comp-whatif-choose"));
  year_ = new QSpinBox(this);
  year_->setObjectName(QStringLiteral("comp-whatif-year"));
  year_->setRange(1900, 9999);
  year_->setPrefix(QStringLiteral("FY"));
  run_ = new QPushButton(tr("Replay"), this);
  run_->setObjectName(QStringLiteral("comp-whatif-run"));
  run_->setToolTip(
      tr("Pay the candidate's reps for the whole year under it, beside the plans as stored; nothing "
         "is stored"));
  status_ = new QLabel(tr("Choose a candidate plan and a past year, then Replay"), this);
  status_->setObjectName(QStringLiteral("comp-whatif-status"));
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  table_ = new QTableWidget(0, kColumns, this);
  table_->setObjectName(QStringLiteral("comp-whatif-table"));
  table_->setHorizontalHeaderLabels({tr("Rep"), tr("Attainment"), tr("Current"), tr("Candidate"), tr("Difference")});
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  bands_ = new PayoutBandsChart(this);
  curves_ = new PayoutCurveChart(this);
  curves_->setObjectName(QStringLiteral("chart-whatif-curves"));

  auto* top = new QHBoxLayout;
  top->addWidget(source_);
  top->addWidget(choose_);
  top->addWidget(new QLabel(tr("Year"), this));
  top->addWidget(year_);
  top->addWidget(run_);
  top->addWidget(status_, 1);
  auto* charts = new QSplitter(Qt::Vertical, this);
  charts->addWidget(bands_);
  charts->addWidget(curves_);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(table_);
  split->addWidget(charts);
  split->setStretchFactor(1, 2);
  split->setSizes({560, 900});  // the table's five columns fit without scrolling
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);

  connect(source_, &QComboBox::currentIndexChanged, this,
          [this](int index) { choose_->setEnabled(index == kFromFile); });
  connect(choose_, &QPushButton::clicked, this, [this] {
    const QString file =
        FileDialogSeam::getOpenFileName(this, tr("Candidate plan"), QString(), tr("Plan JSON (*.json)"));
    if (!file.isEmpty()) setCandidateFile(file);
  });
  connect(run_, &QPushButton::clicked, this, [this] { run(); });
}

void WhatIfView::showWorkbook(salesops::Workbook* workbook) {
  workbook_ = workbook;
  run_->setEnabled(workbook_ && !workbook_->readOnly());
  // The year survives the window closing and reopening the workbook around a replay.
  if (workbook_ && year_->value() == year_->minimum()) {  // last fiscal year: the most recent complete one
    const salesops::Date day = workbook_->settings().asOf.value_or(today_.value_or(systemToday()));
    year_->setValue(workbook_->fiscalCalendar().fiscalYearOf(day) - 1);
  }
}

void WhatIfView::setCandidateFile(const QString& file) {
  file_ = file;
  source_->setCurrentIndex(kFromFile);
  status_->setText(tr("Candidate: %1").arg(file));
}

void WhatIfView::useEditedPlan() { source_->setCurrentIndex(kFromEditor); }

std::optional<salesops::comp::CompPlan> WhatIfView::candidate() {
  if (source_->currentIndex() == kFromEditor) {
    auto plan = editedPlan_ ? editedPlan_() : std::nullopt;
    if (!plan) status_->setText(tr("The plan being edited is not valid: see the Plans tab"));
    return plan;
  }
  if (file_.isEmpty()) {
    status_->setText(tr("Choose a candidate plan file first"));
    return std::nullopt;
  }
  QFile in(file_);
  if (!in.open(QIODevice::ReadOnly)) {
    status_->setText(tr("Cannot read %1").arg(file_));
    return std::nullopt;
  }
  const QByteArray text = in.readAll();
  try {
    const int digits = workbook_ ? salesops::minorDigits(workbook_->settings().currency) : 2;
    return salesops::comp::parseCompPlan(text.toStdString(), file_.toStdString(), digits);
  } catch (const salesops::Error& e) {
    status_->setText(QString::fromUtf8(e.what()));
    return std::nullopt;
  }
}

bool WhatIfView::run() {
  if (!runner_ || !workbook_) return false;
  const auto plan = candidate();
  if (!plan) return false;
  const int fiscalYear = year_->value();
  const salesops::Date day = today_.value_or(systemToday());
  auto outcome = std::make_shared<salesops::WhatIfResult>();
  const bool ok =
      runner_(tr("Replaying the candidate plan…"),
              [plan = *plan, fiscalYear, day, outcome](salesops::Workbook& workbook, const salesops::LongTask& task) {
                *outcome = salesops::CompService(workbook).whatIf(plan, fiscalYear, day, task);
              });
  if (!ok) return false;
  result_ = std::move(*outcome);
  showResult(*plan);
  return true;
}

void WhatIfView::showResult(const salesops::comp::CompPlan& candidate) {
  const salesops::WhatIfResult& r = *result_;
  const int d = r.minorDigits;
  table_->setSortingEnabled(false);
  table_->setRowCount(static_cast<int>(r.rows.size()));
  const std::size_t bandCount = salesops::comp::kBandFromMicro.size();
  std::vector<std::int64_t> current(bandCount + 1, 0), proposed(bandCount + 1, 0);
  int row = 0;
  for (const salesops::WhatIfRow& w : r.rows) {
    const std::optional<double> attainment =
        salesops::comp::RepCost{w.repId, r.planId, w.bookings4, w.quota, 0}.attainment();
    table_->setItem(row, kRep, new QTableWidgetItem(qs(w.repId)));
    table_->setItem(row, kAttainment, new RatioItem(attainment));
    table_->setItem(row, kCurrent, new MoneyItem(w.current, d));
    table_->setItem(row, kCandidate, new MoneyItem(w.candidate, d));
    table_->setItem(row, kDifference, new MoneyItem(w.candidate - w.current, d));
    const std::size_t band = salesops::comp::attainmentBand(w.bookings4, w.quota).value_or(bandCount);
    current[band] += w.current;
    proposed[band] += w.candidate;
    ++row;
  }
  table_->setSortingEnabled(true);
  table_->sortByColumn(kDifference, Qt::DescendingOrder);
  QStringList categories;
  for (std::size_t b = 0; b <= bandCount; ++b) categories << QString::fromUtf8(salesops::comp::bandLabel(b));
  bands_->setBands(categories, {{tr("Current"), current}, {tr("Candidate"), proposed}}, d,
                   workbook_ ? qs(workbook_->settings().currency) : QString());
  bands_->chart()->setTitle(tr("Pay of %1 by attainment band, %2").arg(qs(r.planId), qs(r.year.toString())));
  // Curves at a quota of 1,000,000 currency units per payout period, as the CLI's `curve` draws them.
  const auto quota = static_cast<std::int64_t>(std::llround(1'000'000 * std::pow(10.0, d)));
  std::vector<salesops::CurvePoint> stored;
  try {
    stored = salesops::CompService::curve(salesops::CompService(*workbook_).plan(r.planId, r.year.end), quota);
  } catch (const salesops::Error&) {
    // The candidate may be a new plan id: then there is only one curve.
  }
  curves_->setCurves(stored, salesops::CompService::curve(candidate, quota), d);
  curves_->stored()->setName(tr("Current %1").arg(qs(r.planId)));
  curves_->edited()->setName(tr("Candidate"));
  const auto costNow = salesops::comp::costOfSale(r.currentTotal, r.bookings4);
  const auto costThen = salesops::comp::costOfSale(r.candidateTotal, r.bookings4);
  const auto pct = [](std::optional<double> v) {
    return v ? QStringLiteral("%1 %").arg(100.0 * *v, 0, 'f', 2) : tr("n/a");
  };
  status_->setText(tr("%1 reps on %2 in %3: %4 now, %5 with the candidate (%6); cost of sale %7 → %8")
                       .arg(r.rows.size())
                       .arg(qs(r.planId), qs(r.year.toString()), qs(salesops::formatMoney(r.currentTotal, d)),
                            qs(salesops::formatMoney(r.candidateTotal, d)),
                            qs(salesops::formatMoney(r.candidateTotal - r.currentTotal, d)), pct(costNow),
                            pct(costThen)));
}
