#include "views/dashboard/DashboardPage.h"

#include <QDate>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

#include "charts/BookingsVsQuotaChart.h"
#include "charts/ForecastVsActualChart.h"
#include "charts/PipelineByStageChart.h"
#include "charts/TrendChart.h"
#include "common/Currency.h"
#include "dialogs/DefinitionsDialog.h"
#include "kpi/PipelineByStage.h"
#include "mainwindow/UserSettings.h"
#include "printing/ReportOutput.h"
#include "services/ReportDashboard.h"
#include "storage/Workbook.h"
#include "views/dashboard/KpiText.h"
#include "views/dashboard/WorkbookSummaryPage.h"
#include "widgets/KpiTile.h"
#include "widgets/PeriodPicker.h"

namespace {

using salesops::KpiId;

// The tiles, in reading order: results, then pipeline and forecast, then the activity behind them.
constexpr KpiId kTiles[] = {
    KpiId::Bookings,         KpiId::Quota,          KpiId::Attainment,       KpiId::WinRate,         KpiId::CycleDays,
    KpiId::DealSize,         KpiId::Pipeline,       KpiId::WeightedPipeline, KpiId::Coverage,        KpiId::Forecast,
    KpiId::ForecastAccuracy, KpiId::LeadConversion, KpiId::MeetingsPerRep,   KpiId::SellingTimeShare};
constexpr int kTileColumns = 5;

const salesops::KpiInfo& info(KpiId id) { return salesops::kpiCatalog()[static_cast<std::size_t>(id)]; }
QString qs(std::string_view text) { return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())); }
std::optional<double> optional(const salesops::KpiValue& v, double factor = 1) {
  return v.defined ? std::optional<double>(v.number * factor) : std::nullopt;
}

}  // namespace

DashboardPage::DashboardPage(UserSettings& settings, QWidget* parent)
    : QWidget(parent),
      settings_(settings),
      definitions_(settings.kpiDefinitions()),
      tabs_(new QTabWidget(this)),
      summary_(new WorkbookSummaryPage(this)),
      period_(new PeriodPicker(this)),
      scope_(new ScopePicker(this)),
      status_(new QLabel(this)),
      definitionsButton_(new QToolButton(this)),
      exportButton_(new QToolButton(this)),
      printButton_(new QToolButton(this)),
      body_(new QStackedWidget(this)),
      message_(new QLabel(this)),
      bookingsChart_(new BookingsVsQuotaChart(this)),
      pipelineChart_(new PipelineByStageChart(this)),
      trendChart_(new TrendChart(this)),
      forecastChart_(new ForecastVsActualChart(this)) {
  setObjectName(QStringLiteral("page-dashboard"));
  // The summary page was the whole dashboard once; inside it, its name and its "coming soon" note would now
  // say the wrong thing.
  summary_->setObjectName(QStringLiteral("dashboard-workbook"));
  if (auto* note = summary_->findChild<QLabel*>(QStringLiteral("placeholder-dashboard"))) note->hide();
  status_->setObjectName(QStringLiteral("dashboard-status"));
  message_->setObjectName(QStringLiteral("dashboard-message"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  tabs_->setObjectName(QStringLiteral("dashboard-tabs"));
  body_->addWidget(message_);
  body_->addWidget(createKpiTab());
  tabs_->addTab(body_, tr("KPIs"));
  tabs_->addTab(summary_, tr("Workbook"));

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(12, 12, 12, 12);
  layout->addWidget(tabs_);

  connect(&watcher_, &QFutureWatcher<Loaded>::finished, this, [this] { loaded(watcher_.result()); });
  connect(period_, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
  connect(scope_, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
  connect(bookingsChart_, &BookingsVsQuotaChart::repClicked, this,
          [this](const QString& rep) { drill(QStringLiteral("bookings"), rep, QString()); });
  connect(pipelineChart_, &PipelineByStageChart::stageClicked, this,
          [this](const QString& stage) { drill(QStringLiteral("pipeline"), QString(), stage); });
  showWorkbook(nullptr);
}

QWidget* DashboardPage::createKpiTab() {
  auto* content = new QWidget(this);
  auto* bar = new QHBoxLayout;
  auto* periodLabel = new QLabel(tr("&Quarter:"), content);
  periodLabel->setBuddy(period_);
  auto* scopeLabel = new QLabel(tr("&Scope:"), content);
  scopeLabel->setBuddy(scope_);
  bar->addWidget(periodLabel);
  bar->addWidget(period_);
  bar->addSpacing(12);
  bar->addWidget(scopeLabel);
  bar->addWidget(scope_);
  bar->addSpacing(12);
  bar->addWidget(status_, 1);
  definitionsButton_->setObjectName(QStringLiteral("dashboard-definitions"));
  definitionsButton_->setText(tr("&Definitions…"));
  definitionsButton_->setToolTip(tr("Choose how win rate, cycle, coverage and accuracy are defined"));
  exportButton_->setObjectName(QStringLiteral("dashboard-export"));
  exportButton_->setText(tr("&Export…"));
  exportButton_->setToolTip(tr("Save this view as CSV, Excel, HTML or PDF"));
  printButton_->setObjectName(QStringLiteral("dashboard-print"));
  printButton_->setText(tr("&Print…"));
  for (QToolButton* button : {definitionsButton_, exportButton_, printButton_}) {
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addWidget(button);
  }
  connect(definitionsButton_, &QToolButton::clicked, this, &DashboardPage::chooseDefinitions);
  connect(exportButton_, &QToolButton::clicked, this, &DashboardPage::exportView);
  connect(printButton_, &QToolButton::clicked, this, &DashboardPage::printView);
  updateDefinitionsButton();

  auto* tiles = new QGridLayout;
  tiles->setSpacing(8);
  int at = 0;
  for (const KpiId id : kTiles) {
    const auto& kpi = info(id);
    // The catalog's names carry no unit; the cycle's is not obvious from its number.
    const QString title = id == KpiId::CycleDays ? tr("%1 (days)").arg(tr(kpi.name.data())) : tr(kpi.name.data());
    auto* tile = new KpiTile(qs(kpi.id), title, tr(kpi.definition.data()), content);
    tiles_[qs(kpi.id)] = tile;
    connect(tile, &KpiTile::clicked, this, [this, id = qs(kpi.id)] { drill(id, QString(), QString()); });
    tiles->addWidget(tile, at / kTileColumns, at % kTileColumns);
    ++at;
  }
  for (int c = 0; c < kTileColumns; ++c) tiles->setColumnStretch(c, 1);

  auto* charts = new QGridLayout;
  charts->setSpacing(8);
  charts->addWidget(bookingsChart_, 0, 0);
  charts->addWidget(pipelineChart_, 0, 1);
  charts->addWidget(trendChart_, 1, 0);
  charts->addWidget(forecastChart_, 1, 1);

  auto* layout = new QVBoxLayout(content);
  layout->addLayout(bar);
  layout->addLayout(tiles);
  layout->addLayout(charts, 1);
  auto* scroll = new QScrollArea(this);
  scroll->setObjectName(QStringLiteral("dashboard-scroll"));
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(content);
  return scroll;
}

salesops::Date DashboardPage::today() const {
  if (today_) return *today_;
  const QDate now = QDate::currentDate();
  return salesops::Date::fromCivil(now.year(), now.month(), now.day());
}

KpiTile* DashboardPage::tile(const QString& kpiId) const {
  const auto it = tiles_.find(kpiId);
  return it == tiles_.end() ? nullptr : it->second;
}

void DashboardPage::showWorkbook(salesops::Workbook* workbook) {
  ++generation_;  // a snapshot still loading for an earlier workbook is dropped
  summary_->showWorkbook(workbook);
  service_.reset();
  emit serviceChanged();
  body_->setCurrentWidget(message_);
  if (!workbook) {
    message_->setText(tr("Open or create a workbook to see its KPIs."));
    status_->clear();
    return;
  }
  message_->setText(tr("Loading KPIs…"));
  const std::filesystem::path path = workbook->path();
  const quint64 generation = generation_;
  watcher_.setFuture(QtConcurrent::run([path, generation] {
    Loaded result{generation, {}, {}};
    try {
      auto connection = salesops::Workbook::open(path, salesops::Workbook::Access::ReadOnly);
      result.service = std::make_shared<const salesops::KpiService>(*connection);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
    }
    return result;
  }));
}

void DashboardPage::loaded(const Loaded& result) {
  if (result.generation != generation_) return;
  if (!result.service) {
    message_->setText(tr("Could not load the KPIs: %1").arg(result.error));
    return;
  }
  service_ = result.service;
  currency_ = QString::fromStdString(service_->snapshot().currency);
  minorDigits_ = salesops::isCurrencyCode(service_->snapshot().currency)
                     ? salesops::minorDigits(service_->snapshot().currency)
                     : 2;
  const QString period = period_->currentText();
  period_->setCalendar(service_->calendar(), service_->asOfSetting().value_or(today()));
  // After an import the user keeps looking at the quarter they chose.
  if (!period.isEmpty()) period_->selectName(period);
  scope_->setService(*service_);
  body_->setCurrentIndex(1);
  emit serviceChanged();
  refresh();
}

void DashboardPage::refresh() {
  if (!service_ || !period_->hasPeriod()) return;
  const DashboardScope scope = scope_->currentScope();
  const salesops::Period period = period_->currentPeriod();
  salesops::KpiRequest request;
  request.periods = salesops::precedingQuarters(service_->calendar(), period, kTrendPeriods);
  request.by = scope.by;
  request.scope = scope.scope;
  request.choices = definitions_;
  salesops::KpiReport report;
  try {
    report = service_->compute(request, today());
  } catch (const std::exception& e) {
    status_->setText(tr("Could not compute the KPIs: %1").arg(QString::fromStdString(e.what())));
    return;
  }
  std::size_t group = 0;
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    if (!scope.rep.empty() && report.groups[g].id == scope.rep) group = g;
  }
  if (report.groups.empty()) return;
  scopeReps_.clear();
  scopeTerritories_.clear();
  // In a territory scope the group's "reps" are territories (kpi/TerritoryScope.h).
  const salesops::KpiSnapshot& groupSnapshot = service_->snapshotFor(scope.by, scope.scope);
  const bool territoryScope = &groupSnapshot != &service_->snapshot();
  if (scope.by != salesops::KpiGrouping::All || !scope.scope.empty() || !scope.rep.empty()) {
    auto& ids = territoryScope ? scopeTerritories_ : scopeReps_;
    for (const std::int32_t r : report.groups[group].reps)
      ids.push_back(groupSnapshot.reps.id[static_cast<std::size_t>(r)]);
  }
  const auto& current = report.grid.cell(group, kTrendPeriods - 1);
  const auto& previous = report.grid.cell(group, kTrendPeriods - 2);
  const QString previousName = QString::fromStdString(service_->calendar().nameOf(report.periods[kTrendPeriods - 2]));
  const kpitext::Money money{currency_, minorDigits_};
  for (const KpiId id : kTiles) {
    const auto& kpi = info(id);
    const QString before = kpitext::value(previous[id], kpi.kind, money);
    tiles_[qs(kpi.id)]->setValue(kpitext::value(current[id], kpi.kind, money),
                                 kpitext::change(current[id], previous[id], kpi.kind),
                                 tr("%1 in %2").arg(before, previousName));
  }
  status_->setText(
      tr("As of %1 · %2 reps")
          .arg(QLocale().toString(QDate::fromString(QString::fromStdString(report.asOf.toString()), Qt::ISODate),
                                  QLocale::ShortFormat))
          .arg(report.groups[group].reps.size()));

  QStringList names;
  std::vector<std::optional<double>> winRate, cycle, forecast;
  std::vector<double> bookings;
  for (std::size_t p = 0; p < report.periods.size(); ++p) {
    const auto& cell = report.grid.cell(group, p);
    names << QString::fromStdString(service_->calendar().nameOf(report.periods[p]));
    winRate.push_back(optional(cell[KpiId::WinRate], 100.0));
    cycle.push_back(optional(cell[KpiId::CycleDays]));
    forecast.push_back(cell[KpiId::Forecast].defined
                           ? std::optional<double>(kpitext::units(cell[KpiId::Forecast].minor, minorDigits_))
                           : std::nullopt);
    bookings.push_back(kpitext::units(cell[KpiId::Bookings].minor, minorDigits_));
  }
  trendChart_->setTrend(names, winRate, cycle);
  forecastChart_->setPeriods(names, forecast, bookings, currency_);
  pipelineChart_->setStages(salesops::pipelineByStage(groupSnapshot, report.groups[group].reps, period), currency_,
                            minorDigits_);
  showRepChart(period, scope);
  emit kpisShown();
}

void DashboardPage::showRepChart(const salesops::Period& period, const DashboardScope& scope) {
  salesops::KpiRequest request;
  request.periods = {period};
  request.by = salesops::KpiGrouping::Rep;
  request.scope = scope.scope;
  request.choices = definitions_;
  if (!scopeTerritories_.empty()) {
    // A territory scope has no reps of its own: one bar per territory of the subtree.
    request.by = salesops::KpiGrouping::Territory;
    request.scope.clear();
  }
  const salesops::KpiReport report = service_->compute(request, today());
  std::vector<BookingsVsQuotaChart::Rep> reps;
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    const auto& group = report.groups[g];
    if (!scope.rep.empty() && group.id != scope.rep) continue;
    if (!scopeTerritories_.empty() &&
        std::find(scopeTerritories_.begin(), scopeTerritories_.end(), group.id) == scopeTerritories_.end())
      continue;
    const auto& cell = report.grid.cell(g, 0);
    reps.push_back({QString::fromStdString(group.id), QString::fromStdString(group.name),
                    kpitext::units(cell[KpiId::Bookings].minor, minorDigits_),
                    kpitext::units(cell[KpiId::Quota].minor, minorDigits_)});
  }
  bookingsChart_->setReps(std::move(reps), currency_);
}

void DashboardPage::drill(const QString& kpiId, const QString& rep, const QString& stage) {
  if (!service_ || !period_->hasPeriod()) return;
  using Op = salesops::TableCondition::Op;
  const salesops::Period period = period_->currentPeriod();
  const QString quarter = period_->currentText().trimmed();
  std::vector<salesops::TableCondition> conditions;
  QString what = tr("Opportunities");
  // What each tile counts (KPIS.md): bookings and deal figures are won deals, win rate won and lost ones,
  // pipeline figures open ones; the others show every opportunity of the scope closing in the quarter.
  static const QStringList won = {QStringLiteral("bookings"), QStringLiteral("attainment"), QStringLiteral("deal_size"),
                                  QStringLiteral("cycle_days")};
  static const QStringList open = {QStringLiteral("pipeline"), QStringLiteral("weighted_pipeline"),
                                   QStringLiteral("coverage")};
  if (!stage.isEmpty()) {
    conditions.push_back({"stage", Op::In, {stage.toStdString()}});
    what = tr("Opportunities in %1").arg(stage);
  } else if (won.contains(kpiId)) {
    conditions.push_back({"stage", Op::StageKindIn, {"won"}});
    what = tr("Won opportunities");
  } else if (kpiId == QLatin1String("win_rate")) {
    conditions.push_back({"stage", Op::StageKindIn, {"won", "lost"}});
    what = tr("Won and lost opportunities");
  } else if (open.contains(kpiId)) {
    conditions.push_back({"stage", Op::StageKindIn, {"open"}});
    what = tr("Open opportunities");
  }
  conditions.push_back({"close_date", Op::Between, {period.start.toString(), period.end.toString()}});
  QString owners;
  if (!rep.isEmpty() && !scopeTerritories_.empty()) {
    conditions.push_back({"account_id", Op::In, {rep.toStdString()}, "territory_id"});  // a territory's bar
    owners = tr("of accounts now in territory %1").arg(rep);
  } else if (!rep.isEmpty()) {
    conditions.push_back({"owner_rep_id", Op::In, {rep.toStdString()}});
    owners = tr("owned by %1").arg(rep);
  } else if (!scopeReps_.empty()) {
    conditions.push_back({"owner_rep_id", Op::In, scopeReps_});
    owners = tr("owned by %1").arg(scope_->currentText().trimmed());
  } else if (!scopeTerritories_.empty()) {
    // The accounts' current territory: close to the territory in force on the close date, not always equal.
    conditions.push_back({"account_id", Op::In, scopeTerritories_, "territory_id"});
    owners = tr("of accounts now in %1").arg(scope_->currentText().trimmed());
  } else {
    owners = tr("of everyone");
  }
  emit opportunitiesRequested(tr("%1 closing in %2, %3").arg(what, quarter, owners), conditions);
}

void DashboardPage::setDefinitions(const salesops::KpiDefinitionChoices& choices) {
  definitions_ = choices;
  settings_.setKpiDefinitions(choices);
  updateDefinitionsButton();
  emit definitionsChanged();
  refresh();
}

void DashboardPage::updateDefinitionsButton() {
  const std::string changed = salesops::describeNonDefault(definitions_);
  definitionsButton_->setText(changed.empty() ? tr("&Definitions…") : tr("&Definitions (changed)…"));
  definitionsButton_->setToolTip(changed.empty()
                                     ? tr("KPIS.md's definitions")
                                     : tr("Not KPIS.md's definitions: %1").arg(QString::fromStdString(changed)));
}

void DashboardPage::chooseDefinitions() {
  DefinitionsDialog dialog(definitions_, this);
  if (dialog.exec() == QDialog::Accepted) setDefinitions(dialog.choices());
}

std::optional<salesops::ReportDocument> DashboardPage::currentReport() const {
  if (!service_ || !period_->hasPeriod()) return std::nullopt;
  const DashboardScope scope = scope_->currentScope();
  salesops::DashboardReportRequest request;
  request.period = period_->currentPeriod();
  request.by = scope.by;
  request.scope = scope.scope;
  request.rep = scope.rep;
  request.scopeName = scope_->currentText().trimmed().toStdString();
  request.choices = definitions_;
  return salesops::dashboardReport(*service_, request, today());
}

void DashboardPage::exportView() {
  try {
    if (const auto report = currentReport()) {
      reportoutput::exportInteractively(this, *report, settings_,
                                        tr("dashboard-%1.xlsx").arg(period_->currentText().trimmed()));
    }
  } catch (const std::exception& e) {
    status_->setText(tr("Could not export: %1").arg(QString::fromStdString(e.what())));
  }
}

void DashboardPage::printView() {
  try {
    if (const auto report = currentReport()) reportoutput::printInteractively(this, *report);
  } catch (const std::exception& e) {
    status_->setText(tr("Could not print: %1").arg(QString::fromStdString(e.what())));
  }
}
