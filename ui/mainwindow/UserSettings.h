#pragma once
// Per-user preferences (never workbook data) in QSettings behind typed accessors, so keys and value types
// live in one place.
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include "io/CsvWriter.h"
#include "kpi/KpiDefinitions.h"

class QLocale;

class UserSettings {
 public:
  static constexpr int kMaxRecentFiles = 10;

  QStringList recentFiles() const;
  // Moves `path` to the front of the list; keeps at most kMaxRecentFiles.
  void addRecentFile(const QString& path);
  void removeRecentFile(const QString& path);
  void clearRecentFiles();

  QByteArray windowGeometry() const;
  void setWindowGeometry(const QByteArray& geometry);
  QByteArray windowState() const;
  void setWindowState(const QByteArray& state);

  // The navigation key of the page shown when the window closed ("opportunity").
  QString currentPage() const;
  void setCurrentPage(const QString& key);

  // Field names of the columns the user hid in an entity's table.
  QStringList hiddenColumns(const QString& entity) const;
  void setHiddenColumns(const QString& entity, const QStringList& fields);

  // The folder the last file dialog ended in, to start the next one there.
  QString lastDirectory() const;
  void setLastDirectory(const QString& dir);

  // The KPI definition choices of the Dashboard and Reports page; unknown stored names are ignored.
  salesops::KpiDefinitionChoices kpiDefinitions() const;
  void setKpiDefinitions(const salesops::KpiDefinitionChoices& choices);

  // The CSV options of the last export from the GUI. Until one was made: for spreadsheets in `locale` (';'
  // and a decimal comma where its decimal mark is ',', UTF-8 with BOM, CRLF, formulas neutralised).
  salesops::CsvWriteOptions exportCsvOptions(const QLocale& locale) const;
  void setExportCsvOptions(const salesops::CsvWriteOptions& options);
  // "csv" or "xlsx": the format of the last table export (default "xlsx").
  QString exportFormat() const;
  void setExportFormat(const QString& format);

 private:
  mutable QSettings settings_;
};
