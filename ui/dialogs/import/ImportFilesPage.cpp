#include "dialogs/import/ImportFilesPage.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

#include "seams/FileDialogSeam.h"
#include "seams/MessageBoxSeam.h"

namespace {

constexpr int kChooseMapping = -1;
constexpr int kLeaveOut = -2;
// A choice of the mapping combo: the profile and its file entry in one int.
constexpr int kEntriesPerProfile = 1000;

enum Column { FileColumn, DetectedColumn, EncodingColumn, MappingColumn, ColumnCount };

}  // namespace

ImportFilesPage::ImportFilesPage(ImportSession& session, QWidget* parent) : QWizardPage(parent), session_(session) {
  setObjectName(QStringLiteral("import-files-page"));
  setTitle(tr("Files to import"));
  setSubTitle(
      tr("Add CRM export files or folders (or drop them here). Each file is matched to a mapping "
         "profile by its header row; override the choice where it is wrong."));

  table_ = new QTableWidget(0, ColumnCount, this);
  table_->setObjectName(QStringLiteral("import-files"));
  table_->setHorizontalHeaderLabels({tr("File"), tr("Recognised as"), tr("Encoding"), tr("Mapping")});
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(MappingColumn, QHeaderView::Stretch);

  auto* addFiles = new QPushButton(tr("Add &File…"), this);
  auto* addFolder = new QPushButton(tr("Add F&older…"), this);
  auto* remove = new QPushButton(tr("&Remove"), this);
  auto* load = new QPushButton(tr("&Load Mapping Profile…"), this);
  load->setToolTip(tr("A profile saved as JSON, added to the choices of the Mapping column"));
  connect(addFiles, &QPushButton::clicked, this, [this] {
    const QString file = FileDialogSeam::getOpenFileName(this, tr("Add CRM Export File"), QString(),
                                                         tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!file.isEmpty()) addPaths({file});
  });
  connect(addFolder, &QPushButton::clicked, this, [this] {
    const QString folder = FileDialogSeam::getExistingDirectory(this, tr("Add Every CSV File of a Folder"), QString());
    if (!folder.isEmpty()) addPaths({folder});
  });
  connect(remove, &QPushButton::clicked, this, &ImportFilesPage::removeSelected);
  connect(load, &QPushButton::clicked, this, &ImportFilesPage::loadProfile);

  status_ = new QLabel(tr("No files yet."), this);
  status_->setObjectName(QStringLiteral("import-files-status"));
  status_->setWordWrap(true);

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(addFiles);
  buttons->addWidget(addFolder);
  buttons->addWidget(remove);
  buttons->addStretch(1);
  buttons->addWidget(load);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(buttons);
  layout->addWidget(table_, 1);
  layout->addWidget(status_);

  connect(&watcher_, &QFutureWatcher<Detected>::finished, this, &ImportFilesPage::detectionFinished);
}

bool ImportFilesPage::detecting() const { return watcher_.isRunning(); }

bool ImportFilesPage::isComplete() const { return !detecting() && session_.ready(); }

void ImportFilesPage::addPaths(const QStringList& paths) {
  std::vector<std::filesystem::path> fresh;
  for (const QString& p : paths) {
    const std::filesystem::path path(QFileInfo(p).absoluteFilePath().toStdString());
    const bool known =
        std::any_of(session_.files.begin(), session_.files.end(), [&](const WizardFile& f) { return f.path == path; });
    if (!known) fresh.push_back(path);
  }
  if (fresh.empty()) return;
  if (detecting()) {
    queued_.insert(queued_.end(), fresh.begin(), fresh.end());
    return;
  }
  startDetection(std::move(fresh));
}

void ImportFilesPage::startDetection(std::vector<std::filesystem::path> paths) {
  status_->setText(tr("Reading the header rows…"));
  emit completeChanged();
  watcher_.setFuture(QtConcurrent::run([paths = std::move(paths), profiles = session_.profiles] {
    Detected out;
    try {
      for (auto& found : salesops::detectSources(paths, profiles)) {
        WizardFile file;
        file.path = found.path;
        file.headers = std::move(found.headers);
        file.encoding = std::move(found.encoding);
        file.detection = found.detection.summary();
        file.confidence = found.detection.best ? found.detection.best->confidence : 0.0;
        file.detected = found.source.has_value();
        file.source = std::move(found.source);
        out.files.push_back(std::move(file));
      }
    } catch (const std::exception& e) {
      out.error = QString::fromStdString(e.what());
    }
    return out;
  }));
}

void ImportFilesPage::detectionFinished() {
  Detected result = watcher_.result();
  for (auto& file : result.files) {
    const auto same = std::find_if(session_.files.begin(), session_.files.end(),
                                   [&](const WizardFile& f) { return f.path == file.path; });
    if (same != session_.files.end()) {
      // Detected again after a profile was loaded: keep what the user chose.
      if (!same->source && !same->skip) *same = std::move(file);
    } else {
      session_.files.push_back(std::move(file));
    }
  }
  rebuild();
  if (!result.error.isEmpty()) status_->setText(result.error);
  if (!queued_.empty()) startDetection(std::exchange(queued_, {}));
  emit completeChanged();
}

int ImportFilesPage::choiceOf(const WizardFile& file) const {
  if (file.skip) return kLeaveOut;
  if (!file.source) return kChooseMapping;
  for (std::size_t p = 0; p < session_.profiles.size(); ++p) {
    const auto& profile = session_.profiles[p];
    if (profile.id() != file.source->profileId) continue;
    for (std::size_t i = 0; i < profile.files().size(); ++i) {
      if (profile.files()[i].id == file.source->mapping.id) return static_cast<int>(p * kEntriesPerProfile + i);
    }
  }
  return kChooseMapping;
}

void ImportFilesPage::rebuild() {
  table_->setRowCount(static_cast<int>(session_.files.size()));
  int undecided = 0;
  for (std::size_t row = 0; row < session_.files.size(); ++row) {
    const WizardFile& file = session_.files[row];
    const int r = static_cast<int>(row);
    auto* name = new QTableWidgetItem(fileLabel(file.path));
    name->setToolTip(QString::fromStdString(file.path.string()));
    table_->setItem(r, FileColumn, name);
    auto* detected = new QTableWidgetItem(file.detected ? toQString(file.detection).section(QLatin1Char(';'), 0, 0)
                                                        : tr("choose a mapping"));
    detected->setToolTip(toQString(file.detection));
    if (!file.detected) detected->setForeground(QColor(0xb0, 0x20, 0x20));
    table_->setItem(r, DetectedColumn, detected);
    table_->setItem(r, EncodingColumn, new QTableWidgetItem(toQString(file.encoding)));

    auto* combo = new QComboBox(table_);
    combo->setObjectName(QStringLiteral("mapping-choice-%1").arg(r));
    combo->addItem(tr("Choose a mapping…"), kChooseMapping);
    combo->addItem(tr("Leave this file out"), kLeaveOut);
    for (std::size_t p = 0; p < session_.profiles.size(); ++p) {
      const auto& profile = session_.profiles[p];
      for (std::size_t i = 0; i < profile.files().size(); ++i) {
        const auto& entry = profile.files()[i];
        // The profile id keeps the choice short; its full name is the item's tooltip.
        combo->addItem(
            QStringLiteral("%1 — %2 (%3)").arg(toQString(profile.id()), toQString(entry.id), toQString(entry.entity)),
            static_cast<int>(p * kEntriesPerProfile + i));
        combo->setItemData(combo->count() - 1, toQString(profile.name()), Qt::ToolTipRole);
      }
    }
    combo->setCurrentIndex(std::max(0, combo->findData(choiceOf(file))));
    connect(combo, &QComboBox::activated, this,
            [this, row, combo](int index) { chooseMapping(row, combo->itemData(index).toInt()); });
    table_->setCellWidget(r, MappingColumn, combo);
    if (!file.skip && !file.source) ++undecided;
  }
  if (session_.files.empty()) {
    status_->setText(tr("No files yet."));
  } else if (undecided > 0) {
    status_->setText(
        tr("%n file(s) need a mapping: nothing fits them well enough to import them as they are.", nullptr, undecided));
  } else {
    status_->setText(tr("Every file has a mapping. Next: check the columns and the preview."));
  }
}

void ImportFilesPage::chooseMapping(std::size_t row, int choice) {
  WizardFile& file = session_.files[row];
  file.skip = choice == kLeaveOut;
  if (choice < 0) {
    file.source.reset();
  } else {
    const auto& profile = session_.profiles[static_cast<std::size_t>(choice / kEntriesPerProfile)];
    const auto& entry = profile.files()[static_cast<std::size_t>(choice % kEntriesPerProfile)];
    file.source = salesops::MappedSource{file.path, profile.id(), entry, profile.locale(), profile.stages()};
  }
  session_.dryRun.reset();
  rebuild();
  emit completeChanged();
}

void ImportFilesPage::removeSelected() {
  const auto rows = table_->selectionModel()->selectedRows();
  std::vector<int> indexes;
  for (const auto& index : rows) indexes.push_back(index.row());
  std::sort(indexes.rbegin(), indexes.rend());
  for (int r : indexes) session_.files.erase(session_.files.begin() + r);
  session_.dryRun.reset();
  rebuild();
  emit completeChanged();
}

void ImportFilesPage::loadProfile() {
  const QString path = FileDialogSeam::getOpenFileName(this, tr("Load Mapping Profile"), QString(),
                                                       tr("Mapping profiles (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  try {
    session_.profiles.push_back(salesops::MappingProfile::fromFile(path.toStdString()));
  } catch (const std::exception& e) {
    MessageBoxSeam::critical(this, tr("Load Mapping Profile"), QString::fromStdString(e.what()));
    return;
  }
  // The files nothing fitted may fit the new profile.
  std::vector<std::filesystem::path> undecided;
  for (const auto& f : session_.files) {
    if (!f.source && !f.skip) undecided.push_back(f.path);
  }
  rebuild();
  if (!undecided.empty() && !detecting()) startDetection(std::move(undecided));
}
