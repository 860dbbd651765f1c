#include "dialogs/import/ImportWizard.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

#include "dialogs/import/ImportFilesPage.h"
#include "dialogs/import/ImportMappingPage.h"
#include "dialogs/import/ImportOptionsPage.h"
#include "dialogs/import/ImportSummaryPage.h"
#include "dialogs/import/ImportValidationPage.h"
#include "storage/Workbook.h"

ImportWizard::ImportWizard(WorkbookRunner runner, std::vector<salesops::MappingProfile> profiles, QWidget* parent)
    : QWizard(parent), session_(std::make_unique<ImportSession>()) {
  setObjectName(QStringLiteral("import-wizard"));
  setWindowTitle(tr("Import from CRM"));
  setWizardStyle(QWizard::ClassicStyle);
  setOption(QWizard::NoBackButtonOnLastPage);
  setOption(QWizard::NoCancelButtonOnLastPage);
  setAcceptDrops(true);
  resize(1000, 680);
  session_->runner = std::move(runner);
  session_->profiles = std::move(profiles);

  files_ = new ImportFilesPage(*session_, this);
  mapping_ = new ImportMappingPage(*session_, this);
  options_ = new ImportOptionsPage(*session_, this);
  validation_ = new ImportValidationPage(*session_, this);
  summary_ = new ImportSummaryPage(*session_, this);
  setPage(FilesPageId, files_);
  setPage(MappingPageId, mapping_);
  setPage(OptionsPageId, options_);
  setPage(ValidationPageId, validation_);
  setPage(SummaryPageId, summary_);
  setButtonText(QWizard::CommitButton, tr("&Import"));
  connect(this, &QWizard::currentIdChanged, this, [this](int id) {
    if (id == FilesPageId) files_->refresh();
  });
}

// The pages refer to the session: they go first, before the session (a member) and long before QWizard
// would delete them as children.
ImportWizard::~ImportWizard() {
  for (const int id : pageIds()) {
    QWizardPage* p = page(id);
    removePage(id);
    delete p;
  }
}

WorkbookRunner ImportWizard::directRunner(const std::filesystem::path& path) {
  return [path](QWidget* parent, const QString& title, WorkbookWork work) {
    return TaskProgressDialog::run(parent, title, [&](const salesops::LongTask& task) {
      auto workbook = salesops::Workbook::open(path);
      work(*workbook, task);
    });
  };
}

void ImportWizard::addPaths(const QStringList& paths) {
  if (currentId() != FilesPageId) restart();
  files_->addPaths(paths);
}

bool ImportWizard::imported() const { return session_->report && session_->report->committed; }

QStringList droppedPaths(const QMimeData* mime) {
  QStringList paths;
  if (!mime || !mime->hasUrls()) return paths;
  for (const QUrl& url : mime->urls()) {
    if (url.isLocalFile()) paths << url.toLocalFile();
  }
  return paths;
}

void ImportWizard::dragEnterEvent(QDragEnterEvent* event) {
  if (!droppedPaths(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void ImportWizard::dropEvent(QDropEvent* event) {
  const QStringList paths = droppedPaths(event->mimeData());
  if (paths.isEmpty()) return;
  event->acceptProposedAction();
  addPaths(paths);
}
