#pragma once
// Step 2: the column mapping of each file with a live preview of its first 50 rows as stored. The preview
// reads the whole file for the column decisions, so it runs on a worker; an edit cancels a running one.
#include <QFutureWatcher>
#include <QTimer>
#include <QWizardPage>

#include <memory>

#include "dialogs/import/ImportSession.h"

class ColumnMappingTable;
class MappingPreviewTable;
class QComboBox;
class QLabel;
class QPlainTextEdit;

class ImportMappingPage : public QWizardPage {
  Q_OBJECT

 public:
  ImportMappingPage(ImportSession& session, QWidget* parent = nullptr);
  ~ImportMappingPage() override;

  void initializePage() override;
  bool previewRunning() const;
  // Shows the mapping of the session's file at `index` (files without a mapping are not offered).
  void showFile(std::size_t index);
  // Writes every file's mapping as one profile (MappingProfileWriter); reports failures in a message box.
  bool saveMappingToFile(const QString& path);
  // The same profile kept in the workbook (MappingProfileStore) under `name`; offered next time.
  bool saveMappingToWorkbook(const QString& name);

  ColumnMappingTable* columns() const noexcept { return columns_; }
  MappingPreviewTable* preview() const noexcept { return preview_; }
  QPlainTextEdit* rules() const noexcept { return rules_; }
  QLabel* status() const noexcept { return status_; }

 private:
  struct PreviewResult {
    salesops::MappedPreview preview;
    QString error;
    bool cancelled = false;
  };
  void requestPreview();
  void startPreview();
  void previewFinished();
  void promptSaveToFile();
  void promptSaveToWorkbook();
  std::string profileJson(const QString& name) const;

  ImportSession& session_;
  QComboBox* fileChoice_ = nullptr;
  ColumnMappingTable* columns_ = nullptr;
  MappingPreviewTable* preview_ = nullptr;
  QPlainTextEdit* rules_ = nullptr;
  QLabel* status_ = nullptr;
  std::size_t file_ = 0;
  QTimer debounce_;
  QFutureWatcher<PreviewResult> watcher_;
  std::shared_ptr<salesops::CancelToken> cancel_;
  bool again_ = false;
  bool previewing_ = false;  // until the result is shown (the watcher stops running before that)
};
