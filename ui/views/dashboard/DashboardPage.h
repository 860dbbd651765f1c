#pragma once
// The KPI dashboard: a fiscal quarter and a scope, the main KPIs as tiles with their change against the
// previous quarter, and four charts. A second tab keeps the workbook summary.
//
// The snapshot is loaded once per opened workbook on a worker thread with its own read-only connection (the
// window's Workbook stays on the GUI thread); every period or scope change then computes from memory on the
// GUI thread, which takes milliseconds even on a million opportunities.
#include <QFutureWatcher>
#include <QWidget>

#include <map>
#include <memory>
#include <optional>

#include "common/Date.h"
#include "io/ReportDocument.h"
#include "services/KpiService.h"
#include "storage/TableQuery.h"
#include "widgets/ScopePicker.h"

class BookingsVsQuotaChart;
class ForecastVsActualChart;
class KpiTile;
class PeriodPicker;
class PipelineByStageChart;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class TrendChart;
class UserSettings;
class WorkbookSummaryPage;

namespace salesops {
class Workbook;
}

class DashboardPage : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kTrendPeriods = 8;

  explicit DashboardPage(UserSettings& settings, QWidget* parent = nullptr);

  // nullptr clears the page. Starts loading the snapshot; the KPIs appear when it is in memory.
  void showWorkbook(salesops::Workbook* workbook);
  // Null while loading, without a workbook, or when loading failed.
  const salesops::KpiService* service() const { return service_.get(); }
  std::shared_ptr<const salesops::KpiService> sharedService() const { return service_; }
  // The KPI definition choices the page computes with (the user's, from UserSettings).
  const salesops::KpiDefinitionChoices& definitions() const { return definitions_; }
  void setDefinitions(const salesops::KpiDefinitionChoices& choices);
  // The view on screen as a report (KPIs against the previous quarter, bookings vs quota, pipeline by
  // stage); nullopt while nothing is shown.
  std::optional<salesops::ReportDocument> currentReport() const;
  // "Today" when the workbook sets no as-of date; tests fix it.
  void setToday(salesops::Date today) { today_ = today; }
  salesops::Date today() const;

  PeriodPicker* periodPicker() const { return period_; }
  ScopePicker* scopePicker() const { return scope_; }
  KpiTile* tile(const QString& kpiId) const;
  BookingsVsQuotaChart* bookingsChart() const { return bookingsChart_; }
  PipelineByStageChart* pipelineChart() const { return pipelineChart_; }
  TrendChart* trendChart() const { return trendChart_; }
  ForecastVsActualChart* forecastChart() const { return forecastChart_; }

 signals:
  // The user drilled into a tile or a bar: show the opportunities meeting `conditions`, described so.
  void opportunitiesRequested(const QString& description, const std::vector<salesops::TableCondition>& conditions);
  // New KPIs are on screen (after loading and after each period or scope change).
  void kpisShown();
  // The snapshot finished loading (or was dropped with the workbook): sharedService() changed.
  void serviceChanged();
  // The user chose other KPI definitions (definitions()).
  void definitionsChanged();

 private:
  struct Loaded {
    quint64 generation = 0;
    std::shared_ptr<const salesops::KpiService> service;
    QString error;
  };
  QWidget* createKpiTab();
  void loaded(const Loaded& result);
  void refresh();
  void showRepChart(const salesops::Period& period, const DashboardScope& scope);
  // The conditions behind a tile (by KPI id), a rep's bar or a stage's bar, in the current period and scope.
  void drill(const QString& kpiId, const QString& rep, const QString& stage);
  void chooseDefinitions();
  void updateDefinitionsButton();
  void exportView();
  void printView();

  QFutureWatcher<Loaded> watcher_;
  quint64 generation_ = 0;
  std::shared_ptr<const salesops::KpiService> service_;
  std::optional<salesops::Date> today_;
  std::vector<std::string> scopeReps_;         // external ids of the reps of the scope on screen; empty = everyone
  std::vector<std::string> scopeTerritories_;  // or, for a territory scope, its territory ids
  UserSettings& settings_;
  salesops::KpiDefinitionChoices definitions_;
  QString currency_ = QStringLiteral("USD");
  int minorDigits_ = 2;

  QTabWidget* tabs_;
  WorkbookSummaryPage* summary_;
  PeriodPicker* period_;
  ScopePicker* scope_;
  QLabel* status_;
  QToolButton* definitionsButton_;
  QToolButton* exportButton_;
  QToolButton* printButton_;
  QStackedWidget* body_;
  QLabel* message_;
  std::map<QString, KpiTile*> tiles_;
  BookingsVsQuotaChart* bookingsChart_;
  PipelineByStageChart* pipelineChart_;
  TrendChart* trendChart_;
  ForecastVsActualChart* forecastChart_;
};
