#pragma once
// The standard reports of the CLI's `report` verb in the GUI: pick a report and a quarter, see it laid out
// as the printable page, then export it (CSV, XLSX, HTML, PDF) or print it. Reports are built on a worker
// thread from the Dashboard's in-memory snapshot, so the window never waits on the workbook.
#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>

#include "common/Date.h"
#include "io/ReportDocument.h"
#include "kpi/KpiDefinitions.h"

class PeriodPicker;
class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;
class UserSettings;

namespace salesops {
class KpiService;
struct OpportunityAttributes;
}  // namespace salesops

class ReportsPage : public QWidget {
  Q_OBJECT

 public:
  explicit ReportsPage(UserSettings& settings, QWidget* parent = nullptr);

  // The snapshot to build from (shared with the Dashboard) and the workbook file for the few reports that
  // need opportunity attributes; null clears the page.
  void setService(std::shared_ptr<const salesops::KpiService> service, const QString& workbookPath);
  void setDefinitions(const salesops::KpiDefinitionChoices& choices);
  void setToday(salesops::Date today) { today_ = today; }

  QListWidget* reportList() const { return list_; }
  PeriodPicker* periodPicker() const { return period_; }
  QTextBrowser* preview() const { return preview_; }
  // The report on screen; nullopt while building or when building failed.
  const std::optional<salesops::ReportDocument>& currentReport() const { return report_; }
  bool isBuilding() const { return watcher_.isRunning(); }

  // Writes the report on screen by the suffix of `path`; false with the reason on the page if it failed.
  bool saveTo(const QString& path);

 signals:
  void reportShown();

 private:
  struct Built {
    quint64 generation = 0;
    std::optional<salesops::ReportDocument> report;
    QString error;
  };
  void rebuild();
  void built(const Built& result);

  UserSettings& settings_;
  std::shared_ptr<const salesops::KpiService> service_;
  QString workbookPath_;
  salesops::KpiDefinitionChoices definitions_;
  std::optional<salesops::Date> today_;
  std::optional<salesops::ReportDocument> report_;
  QFutureWatcher<Built> watcher_;
  quint64 generation_ = 0;

  QListWidget* list_;
  PeriodPicker* period_;
  QLabel* status_;
  QTextBrowser* preview_;
  QPushButton* export_;
  QPushButton* print_;
};
