#pragma once
// The shell: menus, the navigation sidebar over the pages, the status bar, and the one open workbook.
// The workbook (and its writer lock) belongs to the window; long operations close it, run on a worker
// with their own connection, and open it again, so the GUI thread never shares a connection.
#include <QMainWindow>
#include <QString>

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "dialogs/TaskProgressDialog.h"
#include "mainwindow/UserSettings.h"
#include "storage/TableQuery.h"

class CompensationPage;
class DashboardPage;
class ReportsPage;
class TerritoriesPage;
class EntityTableView;
class ForecastPage;
class ImportWizard;
class UndoImportAction;
class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace salesops {
class Workbook;
struct LongTask;
}  // namespace salesops

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Each reports failures in a message box (through MessageBoxSeam) and returns whether it worked.
  bool openWorkbook(const QString& path);
  bool createWorkbook(const QString& path);
  bool importCsvWorkbook(const QString& folder);
  bool exportCsvWorkbook(const QString& folder);
  void closeWorkbook();
  // Closes the workbook, runs `work` on a worker thread with its own connection behind a progress dialog,
  // and opens the workbook again; failures and cancellation are told in a message box.
  bool runExclusive(const QString& title, std::function<void(salesops::Workbook&, const salesops::LongTask&)> work);

  salesops::Workbook* workbook() const noexcept { return workbook_.get(); }
  // The table page of an entity ("opportunity"), or null.
  EntityTableView* tableView(const QString& entity) const;

 public slots:
  // The menu commands: ask through FileDialogSeam, then act.
  void promptNew();
  void promptOpen();
  void promptImport();
  void promptExport();
  // File → Import from CRM…: the import wizard over the open workbook, with `paths` already added
  // (dropped files); null when no writable workbook is open.
  ImportWizard* promptCrmImport(const QStringList& paths = {});

 protected:
  void closeEvent(QCloseEvent* event) override;
  // CSV files and folders dropped on the window go to the import wizard.
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void createActions();
  void createPages();
  void showAbout();
  void rebuildRecentMenu();
  void attachViews();
  void updateStatus();
  void showStalePage();
  void attachStaleTables();
  void updateTitle();
  void setBusy(bool busy);
  // runExclusive without its message boxes: the import wizard tells the outcome itself.
  TaskProgressDialog::Outcome runOnWorker(QWidget* parent, const QString& title,
                                          std::function<void(salesops::Workbook&, const salesops::LongTask&)> work);
  // Opens the workbook again after a worker that needed it to itself.
  bool reopen(const std::filesystem::path& path);
  // The dashboard's drill-down: the opportunities page with its filter set.
  void showOpportunities(const QString& description, const std::vector<salesops::TableCondition>& conditions);

  UserSettings settings_;
  std::unique_ptr<salesops::Workbook> workbook_;
  QListWidget* navigation_ = nullptr;
  QStackedWidget* pages_ = nullptr;
  DashboardPage* dashboard_ = nullptr;
  ReportsPage* reports_ = nullptr;
  ForecastPage* forecast_ = nullptr;
  TerritoriesPage* territories_ = nullptr;
  CompensationPage* compensation_ = nullptr;
  QString tableCurrency_;             // the open workbook's corporate currency, for tables attached later
  std::vector<QWidget*> stalePages_;  // screens that have not seen the open workbook yet (load on first show)
  std::vector<EntityTableView*> tables_;
  QLabel* activityLabel_ = nullptr;
  QLabel* rowsLabel_ = nullptr;
  QLabel* pathLabel_ = nullptr;
  QMenu* recentMenu_ = nullptr;
  QAction* importAction_ = nullptr;
  QAction* exportAction_ = nullptr;
  QAction* exportTableAction_ = nullptr;  // the current table page's Export…
  QAction* crmImportAction_ = nullptr;
  UndoImportAction* undoImport_ = nullptr;  // File → Undo Last Import…
  std::vector<QAction*> workbookActions_;   // disabled while a worker owns the workbook
};
