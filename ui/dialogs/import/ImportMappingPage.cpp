#include "dialogs/import/ImportMappingPage.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <fstream>

#include "common/Error.h"
#include "dialogs/import/ColumnMappingTable.h"
#include "dialogs/import/MappingPreviewTable.h"
#include "io/MappingProfileWriter.h"
#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"
#include "storage/MappingProfileStore.h"

ImportMappingPage::ImportMappingPage(ImportSession& session, QWidget* parent) : QWizardPage(parent), session_(session) {
  setObjectName(QStringLiteral("import-mapping-page"));
  setTitle(tr("Column mapping and preview"));
  setSubTitle(
      tr("Which field each source column feeds, and the first 50 rows as they would be stored. "
         "Shaded cells were filled by a default or rule (see its tooltip); amber columns were "
         "ambiguous, red ones cannot be read as mapped."));

  fileChoice_ = new QComboBox(this);
  fileChoice_->setObjectName(QStringLiteral("import-mapping-file"));
  connect(fileChoice_, &QComboBox::activated, this,
          [this](int index) { showFile(fileChoice_->itemData(index).toULongLong()); });
  auto* save = new QPushButton(tr("Save Mapping As…"), this);
  save->setObjectName(QStringLiteral("import-save-mapping"));
  auto* saveMenu = new QMenu(save);
  saveMenu->addAction(tr("Into the Workbook…"), this, &ImportMappingPage::promptSaveToWorkbook);
  saveMenu->addAction(tr("To a Profile File (JSON)…"), this, &ImportMappingPage::promptSaveToFile);
  save->setMenu(saveMenu);

  columns_ = new ColumnMappingTable(this);
  connect(columns_, &ColumnMappingTable::mappingChanged, this, [this] {
    session_.dryRun.reset();
    requestPreview();
  });
  preview_ = new MappingPreviewTable(this);
  rules_ = new QPlainTextEdit(this);
  rules_->setObjectName(QStringLiteral("import-rules"));
  rules_->setReadOnly(true);
  rules_->setMaximumBlockCount(500);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("import-preview-status"));
  status_->setWordWrap(true);

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("File:"), this));
  top->addWidget(fileChoice_, 1);
  top->addWidget(save);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(columns_);
  split->addWidget(preview_);
  split->addWidget(rules_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 3);
  split->setStretchFactor(2, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);
  layout->addWidget(status_);

  // Typing through several edits starts one preview, not one per click.
  debounce_.setSingleShot(true);
  debounce_.setInterval(200);
  connect(&debounce_, &QTimer::timeout, this, &ImportMappingPage::startPreview);
  connect(&watcher_, &QFutureWatcher<PreviewResult>::finished, this, &ImportMappingPage::previewFinished);
}

// A preview still reading a large file stops (it owns copies of what it reads, so it may end later).
ImportMappingPage::~ImportMappingPage() {
  if (cancel_) cancel_->cancel();
}

void ImportMappingPage::initializePage() {
  fileChoice_->clear();
  std::size_t first = session_.files.size();
  for (std::size_t i = 0; i < session_.files.size(); ++i) {
    const WizardFile& f = session_.files[i];
    if (f.skip || !f.source) continue;
    if (first == session_.files.size()) first = i;
    fileChoice_->addItem(QStringLiteral("%1 → %2").arg(fileLabel(f.path), toQString(f.source->mapping.entity)),
                         QVariant::fromValue<qulonglong>(i));
  }
  if (first < session_.files.size()) showFile(first);
}

bool ImportMappingPage::previewRunning() const { return previewing_ || debounce_.isActive(); }

void ImportMappingPage::showFile(std::size_t index) {
  if (index >= session_.files.size() || !session_.files[index].source) return;
  file_ = index;
  fileChoice_->setCurrentIndex(std::max(0, fileChoice_->findData(QVariant::fromValue<qulonglong>(index))));
  WizardFile& f = session_.files[index];
  columns_->setSource(&*f.source, f.headers);
  preview_->setRowCount(0);
  rules_->clear();
  requestPreview();
}

void ImportMappingPage::requestPreview() {
  status_->setText(tr("Reading the file for the preview…"));
  debounce_.start();
}

void ImportMappingPage::startPreview() {
  if (watcher_.isRunning()) {
    // The running preview is of an older mapping: stop it and start again when it has stopped.
    cancel_->cancel();
    again_ = true;
    return;
  }
  if (file_ >= session_.files.size() || !session_.files[file_].source) return;
  cancel_ = std::make_shared<salesops::CancelToken>();
  previewing_ = true;
  watcher_.setFuture(QtConcurrent::run([source = *session_.files[file_].source, cancel = cancel_] {
    PreviewResult result;
    salesops::LongTask task;
    task.cancel = cancel.get();
    const auto outcome =
        TaskProgressDialog::capture([&] { result.preview = salesops::previewMappedFile(source, 50, task); });
    result.cancelled = outcome.cancelled;
    result.error = outcome.error;
    return result;
  }));
}

void ImportMappingPage::previewFinished() {
  if (again_) {
    again_ = false;
    startPreview();
    return;
  }
  previewing_ = false;
  const PreviewResult result = watcher_.result();
  if (result.cancelled) return;
  if (!result.error.isEmpty()) {
    status_->setText(tr("No preview: %1").arg(result.error));
    return;
  }
  const auto& p = result.preview;
  preview_->showPreview(p);
  columns_->showDecisions(p.columns);
  QStringList text;
  for (const auto& rule : p.rules) text << QStringLiteral("• %1").arg(toQString(rule));
  if (!p.unmappedHeaders.empty()) {
    QStringList names;
    for (const auto& h : p.unmappedHeaders) names << toQString(h);
    text << tr("Not imported (no field): %1").arg(names.join(QStringLiteral(", ")));
  }
  rules_->setPlainText(text.isEmpty() ? tr("No defaults or rules apply to this file.") : text.join(QLatin1Char('\n')));
  int rejected = 0;
  for (const auto& row : p.rows) rejected += row.problem.empty() ? 0 : 1;
  int flagged = 0;
  for (const auto& c : p.columns) flagged += c.flagged || c.error ? 1 : 0;
  status_->setText(tr("Preview of %L1 rows (%L2 rows read for the column decisions); %3 would be rejected; "
                      "%4 column(s) to look at.")
                       .arg(p.rows.size())
                       .arg(p.rowsScanned)
                       .arg(rejected)
                       .arg(flagged));
}

std::string ImportMappingPage::profileJson(const QString& name) const {
  return salesops::writeMappingProfileJson(
      {salesops::profileIdFromName(name.toStdString()), name.toStdString(), "saved from the import wizard"},
      session_.sources());
}

bool ImportMappingPage::saveMappingToFile(const QString& path) {
  try {
    const std::string json = profileJson(QFileInfo(path).completeBaseName());
    std::ofstream out(path.toStdString(), std::ios::binary | std::ios::trunc);
    out << json;
    out.close();
    if (!out) throw salesops::Error(salesops::ErrorKind::Workbook, "cannot write " + path.toStdString());
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Save Mapping"), QString::fromStdString(e.what()));
    return false;
  }
  status_->setText(tr("Saved the mapping of every file as %1.").arg(QDir::toNativeSeparators(path)));
  return true;
}

void ImportMappingPage::promptSaveToFile() {
  QString path =
      FileDialogSeam::getSaveFileName(this, tr("Save Mapping As"), QString(), tr("Mapping profiles (*.json)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) path += QStringLiteral(".json");
  saveMappingToFile(path);
}

bool ImportMappingPage::saveMappingToWorkbook(const QString& name) {
  std::optional<salesops::MappingProfile> profile;
  std::string json;
  try {
    json = profileJson(name);
    profile = salesops::MappingProfile::fromJson(json, name.toStdString());
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Save Mapping"), QString::fromStdString(e.what()));
    return false;
  }
  const auto outcome =
      session_.runner(this, tr("Saving the mapping…"), [&](salesops::Workbook& workbook, const salesops::LongTask&) {
        salesops::MappingProfileStore(workbook).save(profile->id(), name.toStdString(), json);
      });
  if (!outcome.ok) {
    MessageBoxSeam::critical(this, tr("Save Mapping"), outcome.error);
    return false;
  }
  // Offered in the mapping chooser from now on, in place of an earlier profile of the same id (in place:
  // the chooser refers to profiles by position).
  const auto same = std::find_if(session_.profiles.begin(), session_.profiles.end(),
                                 [&](const salesops::MappingProfile& p) { return p.id() == profile->id(); });
  if (same != session_.profiles.end()) {
    *same = std::move(*profile);
  } else {
    session_.profiles.push_back(std::move(*profile));
  }
  status_->setText(tr("Saved the mapping of every file in the workbook as \"%1\".").arg(name));
  return true;
}

void ImportMappingPage::promptSaveToWorkbook() {
  bool ok = false;
  const QString name = QInputDialog::getText(this, tr("Save Mapping"), tr("Name of the mapping profile:"),
                                             QLineEdit::Normal, QString(), &ok);
  if (ok && !name.trimmed().isEmpty()) saveMappingToWorkbook(name.trimmed());
}
