#pragma once
// File → Import from CRM…: pick files (or drop them) → detected source and mapping → column mapping with
// a live preview → options → validation (a dry run) → import with progress and Cancel → summary.
// A thin layer over io/MappedImport.h: everything that reads a file runs on a worker, so a
// 1,000,000-row export never freezes the window.
#include <QStringList>
#include <QWizard>

#include <filesystem>
#include <memory>

#include "dialogs/import/ImportSession.h"

class ImportFilesPage;
class ImportMappingPage;
class ImportOptionsPage;
class ImportValidationPage;
class ImportSummaryPage;
class QMimeData;

class ImportWizard : public QWizard {
  Q_OBJECT

 public:
  enum PageId { FilesPageId, MappingPageId, OptionsPageId, ValidationPageId, SummaryPageId };

  // `profiles`: the built-in profiles plus the user's (from the workbook and from disk).
  ImportWizard(WorkbookRunner runner, std::vector<salesops::MappingProfile> profiles, QWidget* parent = nullptr);
  ~ImportWizard() override;

  // A runner that opens the workbook at `path` on the worker (the caller holds no connection to it).
  static WorkbookRunner directRunner(const std::filesystem::path& path);

  void addPaths(const QStringList& paths);
  const ImportSession& session() const noexcept { return *session_; }
  ImportSession& session() noexcept { return *session_; }
  // True once an import changed the workbook: the caller reloads its views.
  bool imported() const;

  ImportFilesPage* filesPage() const noexcept { return files_; }
  ImportMappingPage* mappingPage() const noexcept { return mapping_; }
  ImportOptionsPage* optionsPage() const noexcept { return options_; }
  ImportValidationPage* validationPage() const noexcept { return validation_; }
  ImportSummaryPage* summaryPage() const noexcept { return summary_; }

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  std::unique_ptr<ImportSession> session_;
  ImportFilesPage* files_ = nullptr;
  ImportMappingPage* mapping_ = nullptr;
  ImportOptionsPage* options_ = nullptr;
  ImportValidationPage* validation_ = nullptr;
  ImportSummaryPage* summary_ = nullptr;
};

// The local files or folders among dropped URLs.
QStringList droppedPaths(const QMimeData* mime);
