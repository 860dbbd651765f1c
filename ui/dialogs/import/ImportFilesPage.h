#pragma once
// Step 1: the files (and folders) to import, what each was recognised as and how sure, its encoding,
// and the mapping it will be read with; files nothing fits well enough say "choose a mapping".
#include <QFutureWatcher>
#include <QStringList>
#include <QWizardPage>

#include "dialogs/import/ImportSession.h"

class QLabel;
class QTableWidget;

class ImportFilesPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportFilesPage(ImportSession& session, QWidget* parent = nullptr);

  // Detects the files' sources on a worker; the table fills when it is done.
  void addPaths(const QStringList& paths);
  bool detecting() const;
  // Shows the session's files again (after the profiles changed on another page).
  void refresh() { rebuild(); }
  bool isComplete() const override;
  QTableWidget* table() const noexcept { return table_; }

 private:
  struct Detected {
    std::vector<WizardFile> files;
    QString error;
  };
  void startDetection(std::vector<std::filesystem::path> paths);
  void detectionFinished();
  void rebuild();
  void chooseMapping(std::size_t file, int choice);
  void removeSelected();
  void loadProfile();
  int choiceOf(const WizardFile& file) const;

  ImportSession& session_;
  QTableWidget* table_ = nullptr;
  QLabel* status_ = nullptr;
  QFutureWatcher<Detected> watcher_;
  std::vector<std::filesystem::path> queued_;  // added while a detection runs
};
