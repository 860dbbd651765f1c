#include "mainwindow/MainWindow.h"

#include <algorithm>

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStatusBar>

#include <exception>

#include "dialogs/ImportSummaryDialog.h"
#include "dialogs/TaskProgressDialog.h"
#include "dialogs/import/ImportWizard.h"
#include "domain/EntitySchema.h"
#include "io/MappingProfile.h"
#include "io/NativeExport.h"
#include "io/NativeImport.h"
#include "mainwindow/UndoImportAction.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/MappingProfileStore.h"
#include "storage/Workbook.h"
#include "views/compensation/CompensationPage.h"
#include "views/dashboard/DashboardPage.h"
#include "views/forecast/ForecastPage.h"
#include "views/reports/ReportsPage.h"
#include "views/tables/EntityTableView.h"
#include "views/territories/TerritoriesPage.h"

namespace {

const char* const kTableEntities[] = {"opportunity", "account", "contact", "rep", "quota"};

QString toQString(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }
std::filesystem::path toPath(const QString& path) { return std::filesystem::path(path.toStdString()); }

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName(QStringLiteral("main-window"));
  // The status labels first: restoring the remembered page already updates them.
  activityLabel_ = new QLabel(this);
  activityLabel_->setObjectName(QStringLiteral("status-activity"));
  rowsLabel_ = new QLabel(this);
  rowsLabel_->setObjectName(QStringLiteral("status-rows"));
  pathLabel_ = new QLabel(this);
  pathLabel_->setObjectName(QStringLiteral("status-path"));
  pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  statusBar()->addWidget(activityLabel_, 1);
  rowsLabel_->setContentsMargins(8, 0, 8, 0);
  statusBar()->addPermanentWidget(rowsLabel_);
  statusBar()->addPermanentWidget(pathLabel_);

  createPages();
  createActions();
  setAcceptDrops(true);

  resize(1280, 800);
  restoreGeometry(settings_.windowGeometry());
  restoreState(settings_.windowState());
  updateTitle();
  updateStatus();
}

MainWindow::~MainWindow() { closeWorkbook(); }

void MainWindow::createPages() {
  navigation_ = new QListWidget(this);
  navigation_->setObjectName(QStringLiteral("navigation"));
  pages_ = new QStackedWidget(this);
  pages_->setObjectName(QStringLiteral("pages"));

  auto addPage = [this](const QString& key, const QString& label, QWidget* page) {
    auto* item = new QListWidgetItem(label, navigation_);
    item->setData(Qt::UserRole, key);
    pages_->addWidget(page);
  };

  dashboard_ = new DashboardPage(settings_, this);
  connect(dashboard_, &DashboardPage::opportunitiesRequested, this, &MainWindow::showOpportunities);
  addPage(QStringLiteral("dashboard"), tr("Dashboard"), dashboard_);
  const QString tableLabels[] = {tr("Opportunities"), tr("Accounts"), tr("Contacts"), tr("Reps"), tr("Quotas")};
  int index = 0;
  for (const char* entity : kTableEntities) {
    const salesops::EntitySpec* spec = salesops::findEntity(entity);
    auto* view = new EntityTableView(*spec, settings_, this);
    connect(view, &EntityTableView::statusChanged, this, &MainWindow::updateStatus);
    connect(view, &EntityTableView::activity, this, [this](const QString& text) { activityLabel_->setText(text); });
    tables_.push_back(view);
    addPage(QString::fromLatin1(entity), tableLabels[index++], view);
  }
  forecast_ = new ForecastPage(this);
  addPage(QStringLiteral("forecast"), tr("Forecast"), forecast_);
  territories_ = new TerritoriesPage(this);
  addPage(QStringLiteral("territories"), tr("Territories"), territories_);
  compensation_ = new CompensationPage(this);
  compensation_->setRunner([this](const QString& title, auto work) { return runExclusive(title, std::move(work)); });
  addPage(QStringLiteral("compensation"), tr("Compensation"), compensation_);
  reports_ = new ReportsPage(settings_, this);
  addPage(QStringLiteral("reports"), tr("Reports"), reports_);
  connect(dashboard_, &DashboardPage::serviceChanged, this, [this] {
    if (dashboard_->service()) attachStaleTables();
    reports_->setService(dashboard_->sharedService(),
                         workbook_ ? QString::fromStdString(workbook_->path().string()) : QString());
  });
  connect(dashboard_, &DashboardPage::definitionsChanged, this,
          [this] { reports_->setDefinitions(dashboard_->definitions()); });

  navigation_->setStyleSheet(
      QStringLiteral("QListWidget#navigation { border: none; padding: 8px 6px; }"
                     "QListWidget#navigation::item { padding: 6px 12px; }"));
  navigation_->setFrameShape(QFrame::NoFrame);
  navigation_->ensurePolished();
  // Wide enough for the longest label of the current language, without eating the table's width.
  navigation_->setFixedWidth(navigation_->sizeHintForColumn(0) + 48);
  connect(navigation_, &QListWidget::currentRowChanged, pages_, &QStackedWidget::setCurrentIndex);
  connect(pages_, &QStackedWidget::currentChanged, this, &MainWindow::updateStatus);
  connect(pages_, &QStackedWidget::currentChanged, this, &MainWindow::showStalePage);
  int start = 0;
  const QString remembered = settings_.currentPage();
  for (int i = 0; i < navigation_->count(); ++i) {
    if (navigation_->item(i)->data(Qt::UserRole).toString() == remembered) start = i;
  }
  navigation_->setCurrentRow(start);

  auto* central = new QWidget(this);
  auto* layout = new QHBoxLayout(central);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(navigation_);
  auto* divider = new QFrame(central);
  divider->setFrameShape(QFrame::VLine);
  divider->setFrameShadow(QFrame::Sunken);
  layout->addWidget(divider);
  layout->addWidget(pages_, 1);
  setCentralWidget(central);
}

void MainWindow::createActions() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  QAction* newAction = file->addAction(tr("&New…"), this, &MainWindow::promptNew);
  newAction->setShortcut(QKeySequence::New);
  QAction* openAction = file->addAction(tr("&Open…"), this, &MainWindow::promptOpen);
  openAction->setShortcut(QKeySequence::Open);
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  recentMenu_->setObjectName(QStringLiteral("menu-recent"));
  connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
  file->addSeparator();
  importAction_ = file->addAction(tr("&Import CSV Workbook…"), this, &MainWindow::promptImport);
  exportAction_ = file->addAction(tr("&Export CSV Workbook…"), this, &MainWindow::promptExport);
  exportTableAction_ = file->addAction(tr("Export &Table…"), this, [this] {
    if (auto* view = qobject_cast<EntityTableView*>(pages_->currentWidget())) view->promptExport();
  });
  exportTableAction_->setObjectName(QStringLiteral("action-export-table"));
  exportTableAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  crmImportAction_ = file->addAction(tr("Import from &CRM…"), this, [this] { promptCrmImport(); });
  undoImport_ = new UndoImportAction(*this, *file);
  file->addSeparator();
  QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
  quit->setShortcut(QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  QAction* about = help->addAction(tr("&About SalesOps Workbench"), this, &MainWindow::showAbout);
  about->setMenuRole(QAction::AboutRole);

  workbookActions_ = {newAction, openAction, recentMenu_->menuAction(), importAction_, exportAction_, crmImportAction_};
  rebuildRecentMenu();
}

bool MainWindow::openWorkbook(const QString& path) {
  std::unique_ptr<salesops::Workbook> opened;
  try {
    opened = salesops::Workbook::open(toPath(path));
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Open Workbook"), QString::fromStdString(e.what()));
    if (!QFileInfo::exists(path)) settings_.removeRecentFile(path);
    return false;
  }
  closeWorkbook();
  workbook_ = std::move(opened);
  settings_.addRecentFile(QFileInfo(path).absoluteFilePath());
  settings_.setLastDirectory(QFileInfo(path).absolutePath());
  attachViews();
  if (workbook_->migrationBackup()) {
    activityLabel_->setText(tr("Upgraded the workbook; the previous version was saved as %1")
                                .arg(toQString(*workbook_->migrationBackup())));
  }
  return true;
}

bool MainWindow::createWorkbook(const QString& path) {
  std::unique_ptr<salesops::Workbook> created;
  try {
    created = salesops::Workbook::create(toPath(path));
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("New Workbook"), QString::fromStdString(e.what()));
    return false;
  }
  closeWorkbook();
  workbook_ = std::move(created);
  settings_.addRecentFile(QFileInfo(path).absoluteFilePath());
  settings_.setLastDirectory(QFileInfo(path).absolutePath());
  attachViews();
  return true;
}

void MainWindow::closeWorkbook() {
  // The views let go of the connection before the workbook (and its lock) goes away.
  for (auto* view : tables_) view->setDatabase(nullptr, {});
  stalePages_.clear();
  if (forecast_) forecast_->showWorkbook(nullptr);  // it writes adjustments through the window's workbook
  if (territories_) territories_->showWorkbook(nullptr);
  workbook_.reset();
  if (dashboard_) dashboard_->showWorkbook(nullptr);
  if (compensation_) compensation_->showWorkbook(nullptr);
  updateTitle();
  updateStatus();
}

void MainWindow::attachViews() {
  QString currency = QStringLiteral("USD");
  try {
    currency = QString::fromStdString(workbook_->settings().currency);
  } catch (const std::exception& e) {
    activityLabel_->setText(tr("Could not read the workbook settings: %1").arg(QString::fromStdString(e.what())));
  }
  tableCurrency_ = currency;
  dashboard_->showWorkbook(workbook_.get());
  // The other screens load when first shown, the tables when shown or once the dashboard has its numbers:
  // on two cores, their work would slow the dashboard's load.
  stalePages_ = {forecast_, territories_, compensation_};
  stalePages_.insert(stalePages_.end(), tables_.begin(), tables_.end());
  showStalePage();
  updateTitle();
  updateStatus();
}

bool MainWindow::reopen(const std::filesystem::path& path) { return openWorkbook(toQString(path)); }

bool MainWindow::runExclusive(const QString& title,
                              std::function<void(salesops::Workbook&, const salesops::LongTask&)> work) {
  if (!workbook_ || workbook_->readOnly()) return false;
  const auto outcome = runOnWorker(this, title, std::move(work));
  if (outcome.cancelled) {
    MessageBoxSeam::information(this, title, tr("Cancelled. The workbook was not changed."));
    return false;
  }
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, title, outcome.error);
    return false;
  }
  return true;
}

EntityTableView* MainWindow::tableView(const QString& entity) const {
  for (auto* view : tables_) {
    const auto name = view->spec().name;
    if (QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())) == entity) return view;
  }
  return nullptr;
}

void MainWindow::showOpportunities(const QString& description,
                                   const std::vector<salesops::TableCondition>& conditions) {
  EntityTableView* view = tableView(QStringLiteral("opportunity"));
  if (!view) return;
  view->drillDown(description, conditions);
  navigation_->setCurrentRow(pages_->indexOf(view));
}

void MainWindow::closeEvent(QCloseEvent* event) {
  settings_.setWindowGeometry(saveGeometry());
  settings_.setWindowState(saveState());
  if (auto* item = navigation_->currentItem()) settings_.setCurrentPage(item->data(Qt::UserRole).toString());
  closeWorkbook();
  event->accept();
}

void MainWindow::promptNew() {
  QString path = FileDialogSeam::getSaveFileName(this, tr("New Workbook"), settings_.lastDirectory(),
                                                 tr("SalesOps workbooks (*.salesops)"));
  if (path.isEmpty()) return;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".salesops");
  createWorkbook(path);
}

void MainWindow::promptOpen() {
  const QString path = FileDialogSeam::getOpenFileName(this, tr("Open Workbook"), settings_.lastDirectory(),
                                                       tr("SalesOps workbooks (*.salesops);;All files (*)"));
  if (!path.isEmpty()) openWorkbook(path);
}

void MainWindow::showAbout() {
  MessageBoxSeam::information(this, tr("About SalesOps Workbench"),
                              tr("SalesOps Workbench %1\n\nPipeline, forecasting, territories and compensation "
                                 "for sales operations analysts, in one workbook file.")
                                  .arg(QApplication::applicationVersion()));
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList files = settings_.recentFiles();
  for (const QString& file : files) {
    QAction* action = recentMenu_->addAction(QDir::toNativeSeparators(file));
    connect(action, &QAction::triggered, this, [this, file] { openWorkbook(file); });
  }
  if (files.isEmpty()) {
    recentMenu_->addAction(tr("No recent workbooks"))->setEnabled(false);
    return;
  }
  recentMenu_->addSeparator();
  connect(recentMenu_->addAction(tr("Clear Recent Workbooks")), &QAction::triggered, this,
          [this] { settings_.clearRecentFiles(); });
}

void MainWindow::updateStatus() {
  auto* view = qobject_cast<EntityTableView*>(pages_->currentWidget());
  // Only a table page has a table to export; created after the pages, so absent on the first call.
  if (exportTableAction_) exportTableAction_->setEnabled(view && workbook_ && pages_->isEnabled());
  if (view && workbook_) {
    rowsLabel_->setText(view->statusText());
    rowsLabel_->show();
  } else {
    rowsLabel_->clear();
    rowsLabel_->hide();
  }
  pathLabel_->setText(workbook_ ? QDir::toNativeSeparators(toQString(workbook_->path())) : tr("No workbook open"));
}

void MainWindow::updateTitle() {
  if (!workbook_) {
    setWindowTitle(tr("SalesOps Workbench"));
    return;
  }
  const QString name = QString::fromStdString(workbook_->path().filename().string());
  setWindowTitle(workbook_->readOnly() ? tr("%1 (read-only) — SalesOps Workbench").arg(name)
                                       : tr("%1 — SalesOps Workbench").arg(name));
}

void MainWindow::setBusy(bool busy) {
  for (QAction* action : workbookActions_) action->setEnabled(!busy);
  navigation_->setEnabled(!busy);
  pages_->setEnabled(!busy);
  updateStatus();
}

void MainWindow::showStalePage() {
  QWidget* current = pages_->currentWidget();
  const auto stale = std::find(stalePages_.begin(), stalePages_.end(), current);
  if (stale == stalePages_.end() || !workbook_) return;
  stalePages_.erase(stale);
  if (current == forecast_) forecast_->showWorkbook(workbook_.get());
  if (current == territories_) territories_->showWorkbook(workbook_.get());
  if (current == compensation_) compensation_->showWorkbook(workbook_.get());
  for (auto* view : tables_) {
    if (current == view) view->setDatabase(&workbook_->db(), tableCurrency_);
  }
  updateStatus();
}

void MainWindow::attachStaleTables() {
  if (!workbook_) return;
  for (auto* view : tables_) {
    const auto stale = std::find(stalePages_.begin(), stalePages_.end(), view);
    if (stale == stalePages_.end()) continue;
    stalePages_.erase(stale);
    view->setDatabase(&workbook_->db(), tableCurrency_);
  }
  updateStatus();
}
