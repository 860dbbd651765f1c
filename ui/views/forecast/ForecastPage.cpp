#include "views/forecast/ForecastPage.h"

#include <QDate>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <exception>

#include "charts/CallTrendChart.h"
#include "charts/OutcomeHistogramChart.h"
#include "charts/StatForecastChart.h"
#include "dialogs/AdjustForecastDialog.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"
#include "views/forecast/ForecastTree.h"
#include "widgets/PeriodPicker.h"

namespace {

using salesops::forecast::View;

QDate toQDate(salesops::Date d) { return QDate(d.year(), d.month(), d.day()); }

double units(double minor, int digits) { return minor / std::pow(10.0, digits); }

QString money(double minor, int digits) { return QLocale().toString(units(minor, digits), 'f', 0); }

QString percent(double share) { return QLocale().toString(share * 100.0, 'f', 1) + QLatin1Char('%'); }

}  // namespace

ForecastPage::ForecastPage(QWidget* parent)
    : QWidget(parent),
      period_(new PeriodPicker(this)),
      status_(new QLabel(this)),
      adjust_(new QPushButton(tr("&Adjust…"), this)),
      submit_(new QPushButton(tr("&Submit call"), this)),
      body_(new QStackedWidget(this)),
      message_(new QLabel(this)),
      tree_(new ForecastTree(this)),
      tabs_(new QTabWidget(this)),
      trendChart_(new CallTrendChart(this)),
      histogram_(new OutcomeHistogramChart(this)),
      simulation_(new QLabel(this)),
      statChart_(new StatForecastChart(this)),
      backtest_(new QTableWidget(this)),
      threeWays_(new QLabel(this)) {
  setObjectName(QStringLiteral("page-forecast"));
  status_->setObjectName(QStringLiteral("forecast-status"));
  adjust_->setObjectName(QStringLiteral("forecast-adjust"));
  submit_->setObjectName(QStringLiteral("forecast-submit"));
  message_->setObjectName(QStringLiteral("forecast-message"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  simulation_->setObjectName(QStringLiteral("forecast-simulation"));
  threeWays_->setObjectName(QStringLiteral("forecast-three-ways"));
  threeWays_->setWordWrap(true);
  adjust_->setToolTip(
      tr("Change the selected node's commit, best case or pipeline with a note; the unadjusted "
         "number stays visible"));
  submit_->setToolTip(tr("Record the selected node's current call (and its team's) for the quarter"));

  auto* bar = new QHBoxLayout;
  auto* periodLabel = new QLabel(tr("&Quarter:"), this);
  periodLabel->setBuddy(period_);
  bar->addWidget(periodLabel);
  bar->addWidget(period_);
  bar->addSpacing(12);
  bar->addWidget(status_, 1);
  bar->addWidget(adjust_);
  bar->addWidget(submit_);

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(tree_);
  split->addWidget(createCharts());
  split->setStretchFactor(0, 2);
  split->setStretchFactor(1, 3);
  auto* content = new QWidget(this);
  auto* contentLayout = new QVBoxLayout(content);
  contentLayout->setContentsMargins(0, 0, 0, 0);
  contentLayout->addLayout(bar);
  contentLayout->addWidget(threeWays_);
  contentLayout->addWidget(split, 1);
  body_->addWidget(message_);
  body_->addWidget(content);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(12, 12, 12, 12);
  layout->addWidget(body_);

  connect(&watcher_, &QFutureWatcher<Computed>::finished, this, [this] { computed(watcher_.result()); });
  connect(period_, &QComboBox::currentIndexChanged, this, [this] {
    treeStale_ = true;
    compute();
  });
  connect(tree_, &QTreeWidget::currentItemChanged, this, [this] {
    if (shown_ && tree_->selectedRep() != shown_->scope) compute();
  });
  connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem*, int column) { promptAdjust(column); });
  connect(adjust_, &QPushButton::clicked, this, [this] { promptAdjust(ForecastTree::CommitAdjusted); });
  connect(submit_, &QPushButton::clicked, this, &ForecastPage::promptSubmit);
  showWorkbook(nullptr);
}

ForecastPage::~ForecastPage() {
  if (cancel_) cancel_->cancel();
  watcher_.waitForFinished();
}

QWidget* ForecastPage::createCharts() {
  tabs_->setObjectName(QStringLiteral("forecast-tabs"));
  tabs_->addTab(trendChart_, tr("Weekly calls"));
  auto* simulation = new QWidget(this);
  auto* simLayout = new QVBoxLayout(simulation);
  simLayout->addWidget(simulation_);
  simLayout->addWidget(histogram_, 1);
  tabs_->addTab(simulation, tr("Pipeline (Monte Carlo)"));
  auto* statistical = new QWidget(this);
  auto* statLayout = new QHBoxLayout(statistical);
  backtest_->setObjectName(QStringLiteral("forecast-backtest"));
  backtest_->setColumnCount(7);
  backtest_->setHorizontalHeaderLabels(
      {tr("Method"), tr("MAPE %"), tr("sMAPE %"), tr("WAPE %"), tr("MASE"), tr("Bias"), tr("Chosen")});
  backtest_->verticalHeader()->hide();
  backtest_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  backtest_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  statLayout->addWidget(statChart_, 3);
  statLayout->addWidget(backtest_, 2);
  tabs_->addTab(statistical, tr("Statistical"));
  return tabs_;
}

salesops::Date ForecastPage::asOf() const {
  if (asOfSetting_) return *asOfSetting_;
  if (today_) return *today_;
  const QDate now = QDate::currentDate();
  return salesops::Date::fromCivil(now.year(), now.month(), now.day());
}

void ForecastPage::showWorkbook(salesops::Workbook* workbook) {
  ++generation_;
  if (cancel_) cancel_->cancel();
  workbook_ = workbook;
  data_.reset();
  shown_.reset();
  treeStale_ = true;
  body_->setCurrentWidget(message_);
  adjust_->setEnabled(false);
  submit_->setEnabled(false);
  if (!workbook) {
    message_->setText(tr("Open or create a workbook to see its forecast."));
    return;
  }
  message_->setText(tr("Loading the forecast…"));
  try {
    asOfSetting_ = workbook->settings().asOf;
    const QSignalBlocker block(period_);
    period_->setCalendar(workbook->fiscalCalendar(), asOf());
  } catch (const std::exception& e) {
    message_->setText(tr("Could not read the workbook settings: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  compute();
}

void ForecastPage::compute() {
  if (!workbook_ || !period_->hasPeriod()) return;
  if (cancel_) cancel_->cancel();
  cancel_ = std::make_shared<salesops::CancelToken>();
  status_->setText(tr("Computing…"));
  const std::filesystem::path path = workbook_->path();
  const quint64 generation = ++generation_;
  const salesops::Period period = period_->currentPeriod();
  const salesops::Date asOf = this->asOf();
  const std::string scope = treeStale_ && !shown_ ? std::string() : tree_->selectedRep();
  watcher_.setFuture(QtConcurrent::run([path, generation, period, asOf, scope, data = data_, cancel = cancel_] {
    Computed result;
    result.generation = generation;
    try {
      salesops::LongTask task;
      task.cancel = cancel.get();
      auto connection = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
      result.data =
          data ? data
               : std::make_shared<const salesops::ForecastData>(salesops::loadForecastData(*connection, true, task));
      const auto& d = *result.data;
      result.scope = scope;
      if (result.scope.empty()) {  // the first root of the hierarchy
        const auto rollup = salesops::forecastRollup(*connection, d, period);
        if (!rollup.nodes.empty()) result.scope = d.snapshot.reps.id[rollup.nodes.front().rep];
      }
      salesops::PipelineRequest request;
      request.period = period;
      request.asOf = asOf;
      request.scope = result.scope;
      request.simulation = {kTrials, 1, 2};
      auto report =
          std::make_shared<salesops::PipelineReport>(salesops::pipelineForecast(*connection, d, request, task));
      if (!result.scope.empty()) {
        const auto node = report->rollup.nodeOfRep[d.repIndex(result.scope)];
        result.trend = salesops::forecastTrend(*connection, d, report->rollup, node, asOf);
        result.stat = salesops::statisticalBookings(d, report->rollup, result.scope, period, asOf);
      }
      result.pipeline = std::move(report);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
    }
    return result;
  }));
}

void ForecastPage::computed(const Computed& result) {
  if (result.generation != generation_) return;
  if (!result.pipeline) {
    message_->setText(tr("Could not compute the forecast: %1").arg(result.error));
    body_->setCurrentWidget(message_);
    status_->clear();
    return;
  }
  data_ = result.data;
  shown_ = std::make_unique<Computed>(result);
  if (treeStale_) {
    const QSignalBlocker block(tree_);
    tree_->setRollup(result.pipeline->rollup, *result.data);
    tree_->selectRep(QString::fromStdString(result.scope));
    treeStale_ = false;
  }
  body_->setCurrentIndex(1);
  const bool writable = workbook_ && !workbook_->readOnly();
  adjust_->setEnabled(writable);
  submit_->setEnabled(writable);
  status_->setText(tr("As of %1 · %2 reps")
                       .arg(QLocale().toString(toQDate(asOf()), QLocale::ShortFormat))
                       .arg(result.data->snapshot.reps.size()));
  showCharts(result);
  emit forecastShown();
}

void ForecastPage::showCharts(const Computed& result) {
  const auto& data = *result.data;
  const int digits = data.minorDigits;
  const QString currency = QString::fromStdString(data.snapshot.currency);
  std::vector<CallTrendChart::Week> weeks;
  for (const auto& p : result.trend.points) {
    weeks.push_back({toQDate(p.weekEnd), units(static_cast<double>(p.commit), digits),
                     units(static_cast<double>(p.bestCase), digits), units(static_cast<double>(p.pipeline), digits)});
  }
  trendChart_->setTrend(weeks, units(static_cast<double>(result.trend.result), digits), currency);

  const auto& report = *result.pipeline;
  if (!report.nodes.empty()) {
    const auto& scope = report.nodes.front();
    std::vector<double> edges;
    for (const auto e : report.histogramEdges) edges.push_back(units(static_cast<double>(e), digits));
    histogram_->setHistogram(edges, report.histogramCounts, units(static_cast<double>(scope.quota), digits),
                             units(static_cast<double>(scope.commitCall), digits), currency);
    simulation_->setText(tr("%1 open deals, %2 trials · P10 %3 · P50 %4 · P90 %5 · chance of quota %6 · "
                            "chance of the commit call %7")
                             .arg(scope.openDeals)
                             .arg(QLocale().toString(report.trials))
                             .arg(money(static_cast<double>(scope.p10), digits),
                                  money(static_cast<double>(scope.p50), digits),
                                  money(static_cast<double>(scope.p90), digits),
                                  scope.quota > 0 ? percent(scope.chanceOfQuota) : QString(QChar(0x2014)),
                                  scope.commitCall > 0 ? percent(scope.chanceOfCommit) : QString(QChar(0x2014))));
    threeWays_->setText(
        tr("<b>%1</b> — closed so far %2 · commit call %3 · pipeline forecast P50 %4 · "
           "statistical forecast %5 (%6)")
            .arg(currency, money(static_cast<double>(scope.booked), digits),
                 money(static_cast<double>(scope.commitCall), digits), money(static_cast<double>(scope.p50), digits),
                 money(result.stat.periodForecast, digits),
                 QString::fromUtf8(salesops::forecast::methodName(result.stat.result.forecast.method).data())));
  }

  const auto& stat = result.stat;
  std::vector<QDate> months;
  for (const auto m : stat.months) months.push_back(toQDate(m));
  const auto scaled = [&](const std::vector<double>& v) {
    std::vector<double> out;
    for (const double x : v) out.push_back(units(x, digits));
    return out;
  };
  const auto& f = stat.result.forecast;
  statChart_->setForecast(months, scaled(stat.history), scaled(f.mean), scaled(f.lo80), scaled(f.hi80), scaled(f.lo95),
                          scaled(f.hi95), QString::fromUtf8(salesops::forecast::methodName(f.method).data()), currency);
  const auto& scores = stat.result.backtest.scores;
  backtest_->setRowCount(static_cast<int>(scores.size()));
  for (int r = 0; r < static_cast<int>(scores.size()); ++r) {
    const auto& s = scores[static_cast<std::size_t>(r)];
    const auto number = [](double v, int decimals) {
      return std::isfinite(v) ? QLocale().toString(v, 'f', decimals) : QString(QChar(0x2014));
    };
    const QStringList cells{QString::fromUtf8(salesops::forecast::methodName(s.method).data()),
                            number(s.accuracy.mape, 1),
                            number(s.accuracy.smape, 1),
                            number(s.accuracy.wape, 1),
                            number(s.accuracy.mase, 2),
                            money(s.accuracy.bias, digits),
                            s.method == stat.result.backtest.chosen ? tr("✓") : QString()};
    for (int c = 0; c < cells.size(); ++c) backtest_->setItem(r, c, new QTableWidgetItem(cells[c]));
  }
}

bool ForecastPage::applyAdjustment(View view, salesops::forecast::Layer layer, std::optional<std::int64_t> amount,
                                   const QString& note) {
  if (!workbook_ || !data_ || tree_->selectedRep().empty()) return false;
  salesops::AdjustRequest request;
  request.rep = tree_->selectedRep();
  request.view = view;
  request.layer = layer;
  request.amount = amount;
  const QByteArray user = qgetenv("USER");
  request.author = user.isEmpty() ? "unknown" : user.toStdString();
  request.note = note.toStdString();
  request.at = QDateTime::currentSecsSinceEpoch();
  try {
    salesops::adjustForecast(*workbook_, *data_, period_->currentPeriod(), request);
  } catch (const std::exception& e) {
    MessageBoxSeam::warning(this, tr("Adjust Forecast"), QString::fromStdString(e.what()));
    return false;
  }
  treeStale_ = true;
  compute();
  return true;
}

bool ForecastPage::submitSelected() {
  if (!workbook_ || !data_ || tree_->selectedRep().empty()) return false;
  try {
    const auto rows = salesops::submitForecast(*workbook_, *data_, period_->currentPeriod(), tree_->selectedRep(),
                                               QDateTime::currentSecsSinceEpoch());
    MessageBoxSeam::information(this, tr("Submit Call"),
                                tr("Submitted the call of %n rep(s).", nullptr, static_cast<int>(rows.size() / 3)));
  } catch (const std::exception& e) {
    MessageBoxSeam::warning(this, tr("Submit Call"), QString::fromStdString(e.what()));
    return false;
  }
  compute();
  return true;
}

void ForecastPage::promptAdjust(int column) {
  if (!shown_ || !adjust_->isEnabled()) return;
  const auto& rollup = shown_->pipeline->rollup;
  const auto rep = shown_->data->repIndex(tree_->selectedRep());
  const auto& node = rollup.nodes[rollup.nodeOfRep[rep]];
  const View view = ForecastTree::viewOfColumn(column).value_or(View::Commit);
  AdjustForecastDialog dialog(tree_->currentItem()->text(ForecastTree::Rep), view, node.raw, node.adjusted,
                              shown_->data->minorDigits, this);
  if (dialog.exec() != QDialog::Accepted) return;
  applyAdjustment(dialog.view(), dialog.layer(), dialog.amount(), dialog.note());
}

void ForecastPage::promptSubmit() {
  if (!tree_->currentItem()) return;
  const auto answer =
      MessageBoxSeam::question(this, tr("Submit Call"),
                               tr("Submit the current call of %1 and their team for %2?")
                                   .arg(tree_->currentItem()->text(ForecastTree::Rep), period_->currentText()));
  if (answer == QMessageBox::Yes) submitSelected();
}
