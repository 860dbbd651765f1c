#pragma once
// The Forecast screen: a fiscal quarter, the roll-up tree along the manager hierarchy with raw and adjusted
// numbers, Adjust and Submit, and for the selected node three tabs: the weekly trend of its calls, the
// Monte Carlo histogram of the pipeline forecast with quota and commit lines, and the statistical forecast
// of its monthly bookings with the methods' backtest table.
//
// Everything is computed on a worker thread with its own read-only connection (loading the workbook's
// snapshot and history once per opened workbook); adjustments and submissions are short appends made with
// the window's connection on the GUI thread, followed by a new computation.
#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <string>

#include "common/Date.h"
#include "common/Progress.h"
#include "services/ForecastService.h"

class CallTrendChart;
class ForecastTree;
class OutcomeHistogramChart;
class PeriodPicker;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class StatForecastChart;

namespace salesops {
class Workbook;
}

class ForecastPage : public QWidget {
  Q_OBJECT

 public:
  static constexpr std::int32_t kTrials = 10000;

  explicit ForecastPage(QWidget* parent = nullptr);
  ~ForecastPage() override;

  void showWorkbook(salesops::Workbook* workbook);
  void setToday(salesops::Date today) { today_ = today; }
  salesops::Date asOf() const;

  // Adds an adjustment of the selected node and recomputes; false (with a message box) when refused.
  bool applyAdjustment(salesops::forecast::View view, salesops::forecast::Layer layer,
                       std::optional<std::int64_t> amount, const QString& note);
  // Submits the selected node's call (and its team's) now; false when refused.
  bool submitSelected();

  // What is on screen, for tests; null until the first computation arrives.
  const salesops::PipelineReport* pipeline() const { return shown_ ? shown_->pipeline.get() : nullptr; }
  const salesops::ForecastTrend* trend() const { return shown_ ? &shown_->trend : nullptr; }
  const salesops::StatisticalBookings* statistical() const { return shown_ ? &shown_->stat : nullptr; }
  bool busy() const { return watcher_.isRunning(); }
  // The rep whose team the charts show.
  std::string shownScope() const { return shown_ ? shown_->scope : std::string(); }
  PeriodPicker* periodPicker() const { return period_; }
  ForecastTree* tree() const { return tree_; }

 signals:
  void forecastShown();

 private:
  struct Computed {
    quint64 generation = 0;
    std::shared_ptr<const salesops::ForecastData> data;
    std::shared_ptr<const salesops::PipelineReport> pipeline;
    salesops::ForecastTrend trend;
    salesops::StatisticalBookings stat;
    std::string scope;
    QString error;
  };
  QWidget* createCharts();
  void compute();
  void computed(const Computed& result);
  void showCharts(const Computed& result);
  void promptAdjust(int column);
  void promptSubmit();

  salesops::Workbook* workbook_ = nullptr;
  QFutureWatcher<Computed> watcher_;
  quint64 generation_ = 0;
  std::shared_ptr<salesops::CancelToken> cancel_;
  std::shared_ptr<const salesops::ForecastData> data_;
  std::unique_ptr<Computed> shown_;
  std::optional<salesops::Date> today_, asOfSetting_;
  bool treeStale_ = true;
  bool recomputeWhenDone_ = false;

  PeriodPicker* period_;
  QLabel* status_;
  QPushButton* adjust_;
  QPushButton* submit_;
  QStackedWidget* body_;
  QLabel* message_;
  ForecastTree* tree_;
  QTabWidget* tabs_;
  CallTrendChart* trendChart_;
  OutcomeHistogramChart* histogram_;
  QLabel* simulation_;
  StatForecastChart* statChart_;
  QTableWidget* backtest_;
  QLabel* threeWays_;
};
