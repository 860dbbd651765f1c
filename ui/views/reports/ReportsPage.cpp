#include "views/reports/ReportsPage.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "io/HtmlReportWriter.h"
#include "mainwindow/UserSettings.h"
#include "printing/ReportOutput.h"
#include "services/KpiService.h"
#include "services/ReportBuilder.h"
#include "storage/OpportunityAttributesLoader.h"
#include "storage/Workbook.h"
#include "widgets/PeriodPicker.h"

namespace {

struct ReportEntry {
  const char* name;
  const char* title;
  const char* about;
};

// The reports of ReportBuilder::names(), with the words a manager would look for.
const ReportEntry kReports[] = {
    {"rep-scorecard", QT_TRANSLATE_NOOP("ReportsPage", "Rep scorecard"),
     QT_TRANSLATE_NOOP("ReportsPage", "Every KPI for every rep, with the total.")},
    {"team-rollup", QT_TRANSLATE_NOOP("ReportsPage", "Team roll-up"),
     QT_TRANSLATE_NOOP("ReportsPage", "KPIs by manager down the hierarchy, with subtotals.")},
    {"pipeline-by-stage", QT_TRANSLATE_NOOP("ReportsPage", "Pipeline by stage"),
     QT_TRANSLATE_NOOP("ReportsPage", "Open amount, weighted amount and count per stage.")},
    {"win-loss", QT_TRANSLATE_NOOP("ReportsPage", "Win / loss"),
     QT_TRANSLATE_NOOP("ReportsPage", "Won and lost by lead source and by type.")},
    {"kpi-trend", QT_TRANSLATE_NOOP("ReportsPage", "KPI trend"),
     QT_TRANSLATE_NOOP("ReportsPage", "The main KPIs over the last eight quarters.")},
    {"forecast-vs-actual", QT_TRANSLATE_NOOP("ReportsPage", "Forecast vs actual"),
     QT_TRANSLATE_NOOP("ReportsPage", "Each rep's commit call against bookings.")},
};

}  // namespace

ReportsPage::ReportsPage(UserSettings& settings, QWidget* parent)
    : QWidget(parent),
      settings_(settings),
      definitions_(settings.kpiDefinitions()),
      list_(new QListWidget(this)),
      period_(new PeriodPicker(this)),
      status_(new QLabel(this)),
      preview_(new QTextBrowser(this)),
      export_(new QPushButton(tr("&Export…"), this)),
      print_(new QPushButton(tr("&Print…"), this)) {
  setObjectName(QStringLiteral("page-reports"));
  list_->setObjectName(QStringLiteral("reports-list"));
  preview_->setObjectName(QStringLiteral("reports-preview"));
  status_->setObjectName(QStringLiteral("reports-status"));
  export_->setObjectName(QStringLiteral("reports-export"));
  print_->setObjectName(QStringLiteral("reports-print"));
  for (const auto& entry : kReports) {
    auto* item = new QListWidgetItem(tr(entry.title), list_);
    item->setData(Qt::UserRole, QString::fromLatin1(entry.name));
    item->setToolTip(tr(entry.about));
  }
  list_->setCurrentRow(0);
  list_->setFixedWidth(list_->sizeHintForColumn(0) + 40);

  auto* periodLabel = new QLabel(tr("&Quarter:"), this);
  periodLabel->setBuddy(period_);
  auto* bar = new QHBoxLayout;
  bar->addWidget(periodLabel);
  bar->addWidget(period_);
  bar->addSpacing(12);
  bar->addWidget(status_, 1);
  bar->addWidget(export_);
  bar->addWidget(print_);

  auto* right = new QVBoxLayout;
  right->addLayout(bar);
  right->addWidget(preview_, 1);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(12, 12, 12, 12);
  layout->addWidget(list_);
  layout->addLayout(right, 1);

  connect(list_, &QListWidget::currentRowChanged, this, &ReportsPage::rebuild);
  connect(period_, &QComboBox::currentIndexChanged, this, &ReportsPage::rebuild);
  connect(&watcher_, &QFutureWatcher<Built>::finished, this, [this] { built(watcher_.result()); });
  connect(export_, &QPushButton::clicked, this, [this] {
    if (report_) {
      reportoutput::exportInteractively(
          this, *report_, settings_,
          QStringLiteral("%1-%2.xlsx").arg(QString::fromStdString(report_->id), period_->currentText().trimmed()));
    }
  });
  connect(print_, &QPushButton::clicked, this, [this] {
    if (report_) reportoutput::printInteractively(this, *report_);
  });
  setService(nullptr, {});
}

void ReportsPage::setService(std::shared_ptr<const salesops::KpiService> service, const QString& workbookPath) {
  service_ = std::move(service);
  workbookPath_ = workbookPath;
  if (service_) {
    const QString period = period_->currentText();
    const QDate now = QDate::currentDate();
    const salesops::Date today = today_.value_or(salesops::Date::fromCivil(now.year(), now.month(), now.day()));
    const QSignalBlocker quiet(period_);
    period_->setCalendar(service_->calendar(), service_->asOfSetting().value_or(today));
    if (!period.isEmpty()) period_->selectName(period);
  }
  rebuild();
}

void ReportsPage::setDefinitions(const salesops::KpiDefinitionChoices& choices) {
  definitions_ = choices;
  rebuild();
}

void ReportsPage::rebuild() {
  ++generation_;
  report_.reset();
  export_->setEnabled(false);
  print_->setEnabled(false);
  if (!service_ || !period_->hasPeriod() || !list_->currentItem()) {
    preview_->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Open a workbook to see its reports.")));
    status_->clear();
    return;
  }
  status_->setText(tr("Building…"));
  salesops::ReportRequest request;
  request.name = list_->currentItem()->data(Qt::UserRole).toString().toStdString();
  request.period = period_->currentPeriod();
  request.choices = definitions_;
  const QDate now = QDate::currentDate();
  const salesops::Date today = today_.value_or(salesops::Date::fromCivil(now.year(), now.month(), now.day()));
  const std::filesystem::path path = workbookPath_.toStdString();
  watcher_.setFuture(QtConcurrent::run([service = service_, request, today, path, generation = generation_] {
    Built result{generation, std::nullopt, {}};
    try {
      std::optional<salesops::OpportunityAttributes> attributes;
      if (salesops::ReportBuilder::needsAttributes(request.name)) {
        // Its own read-only connection: the window's Workbook belongs to the GUI thread.
        auto connection = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
        attributes = salesops::loadOpportunityAttributes(*connection);
      }
      const salesops::ReportBuilder builder(*service, attributes ? &*attributes : nullptr);
      result.report = builder.build(request, today);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
    }
    return result;
  }));
}

void ReportsPage::built(const Built& result) {
  if (result.generation != generation_) return;  // the user picked something else meanwhile
  if (!result.report) {
    status_->setText(tr("Could not build the report: %1").arg(result.error));
    preview_->clear();
    return;
  }
  report_ = result.report;
  preview_->setHtml(QString::fromStdString(salesops::HtmlReportWriter::html(*report_)));
  status_->setText(QString::fromStdString(report_->subtitle));
  export_->setEnabled(true);
  print_->setEnabled(true);
  emit reportShown();
}

bool ReportsPage::saveTo(const QString& path) {
  if (!report_) return false;
  try {
    reportoutput::save(*report_, path);
    return true;
  } catch (const std::exception& e) {
    status_->setText(tr("Could not write %1: %2").arg(path, QString::fromStdString(e.what())));
    return false;
  }
}
