#pragma once
// What the pages of the import wizard share: the candidate profiles, the files with their chosen
// mapping, the options, and the way to reach the workbook (which the main window lends to a worker).
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dialogs/TaskProgressDialog.h"
#include "io/MappedImport.h"

namespace salesops {
class Workbook;
}

using WorkbookWork = std::function<void(salesops::Workbook&, const salesops::LongTask&)>;
// Runs `work` on a worker with the workbook to itself, behind a progress dialog (over `parent`) with Cancel.
using WorkbookRunner =
    std::function<TaskProgressDialog::Outcome(QWidget* parent, const QString& title, WorkbookWork work)>;

struct WizardFile {
  std::filesystem::path path;
  std::vector<std::string> headers;
  std::string encoding;
  std::string detection;  // ProfileDetection::summary(), kept as text: its pointers die with the worker
  double confidence = 0;
  bool detected = false;                         // the best entry reached kMinimumDetectionConfidence
  std::optional<salesops::MappedSource> source;  // unset: the user must choose a mapping
  bool skip = false;                             // the user left this file out
};

struct ImportSession {
  std::vector<salesops::MappingProfile> profiles;  // built-in, then the user's
  std::vector<WizardFile> files;
  salesops::MappedImportOptions options;
  WorkbookRunner runner;
  std::optional<salesops::ImportReport> dryRun;  // of the current files and options
  std::optional<salesops::ImportReport> report;  // of the import itself

  // The files to import, in the order they were added.
  std::vector<salesops::MappedSource> sources() const {
    std::vector<salesops::MappedSource> out;
    for (const auto& f : files) {
      if (!f.skip && f.source) out.push_back(*f.source);
    }
    return out;
  }
  bool ready() const {
    bool any = false;
    for (const auto& f : files) {
      if (f.skip) continue;
      if (!f.source) return false;
      any = true;
    }
    return any;
  }
};

inline QString toQString(const std::string& text) { return QString::fromStdString(text); }
inline QString fileLabel(const std::filesystem::path& path) { return QString::fromStdString(path.filename().string()); }
