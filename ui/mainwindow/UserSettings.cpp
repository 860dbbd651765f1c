#include "mainwindow/UserSettings.h"

#include <QDir>
#include <QLocale>

namespace {
const char* const kRecentFiles = "recentFiles";
const char* const kGeometry = "window/geometry";
const char* const kState = "window/state";
const char* const kLastDirectory = "lastDirectory";
const char* const kCurrentPage = "window/page";
const char* const kKpiDefinitions = "kpi/definitions";
const char* const kExportDelimiter = "export/delimiter";
const char* const kExportBom = "export/bom";
const char* const kExportCrlf = "export/crlf";
const char* const kExportForSpreadsheets = "export/forSpreadsheets";
const char* const kExportDecimalComma = "export/decimalComma";
const char* const kExportFormat = "export/format";

QString hiddenColumnsKey(const QString& entity) { return QStringLiteral("tables/%1/hiddenColumns").arg(entity); }
}  // namespace

QStringList UserSettings::recentFiles() const { return settings_.value(kRecentFiles).toStringList(); }

void UserSettings::addRecentFile(const QString& path) {
  QStringList files = recentFiles();
  const QString clean = QDir::cleanPath(path);
  files.removeAll(clean);
  files.prepend(clean);
  while (files.size() > kMaxRecentFiles) files.removeLast();
  settings_.setValue(kRecentFiles, files);
}

void UserSettings::removeRecentFile(const QString& path) {
  QStringList files = recentFiles();
  files.removeAll(QDir::cleanPath(path));
  settings_.setValue(kRecentFiles, files);
}

void UserSettings::clearRecentFiles() { settings_.remove(kRecentFiles); }

QByteArray UserSettings::windowGeometry() const { return settings_.value(kGeometry).toByteArray(); }

void UserSettings::setWindowGeometry(const QByteArray& geometry) { settings_.setValue(kGeometry, geometry); }

QByteArray UserSettings::windowState() const { return settings_.value(kState).toByteArray(); }

void UserSettings::setWindowState(const QByteArray& state) { settings_.setValue(kState, state); }

QStringList UserSettings::hiddenColumns(const QString& entity) const {
  return settings_.value(hiddenColumnsKey(entity)).toStringList();
}

void UserSettings::setHiddenColumns(const QString& entity, const QStringList& fields) {
  settings_.setValue(hiddenColumnsKey(entity), fields);
}

QString UserSettings::lastDirectory() const { return settings_.value(kLastDirectory, QDir::homePath()).toString(); }

void UserSettings::setLastDirectory(const QString& dir) { settings_.setValue(kLastDirectory, dir); }

QString UserSettings::currentPage() const { return settings_.value(kCurrentPage).toString(); }

void UserSettings::setCurrentPage(const QString& key) { settings_.setValue(kCurrentPage, key); }

salesops::KpiDefinitionChoices UserSettings::kpiDefinitions() const {
  salesops::KpiDefinitionChoices choices;
  for (const QString& assignment : settings_.value(kKpiDefinitions).toStringList()) {
    try {
      salesops::applyDefinition(choices, assignment.toStdString());
    } catch (const std::exception&) {
      // A setting written by another version: keep the default for it.
    }
  }
  return choices;
}

void UserSettings::setKpiDefinitions(const salesops::KpiDefinitionChoices& choices) {
  QStringList assignments;
  for (const auto& option : salesops::definitionOptions(choices)) {
    assignments << QString::fromUtf8(option.name.data(), static_cast<qsizetype>(option.name.size())) +
                       QLatin1Char('=') +
                       QString::fromUtf8(option.values[option.current].data(),
                                         static_cast<qsizetype>(option.values[option.current].size()));
  }
  settings_.setValue(kKpiDefinitions, assignments);
}

salesops::CsvWriteOptions UserSettings::exportCsvOptions(const QLocale& locale) const {
  // Spreadsheets split a CSV at the list separator of their locale, which is ';' where ',' is the decimal mark.
  const bool commaLocale = locale.decimalPoint() == QLatin1String(",");
  salesops::CsvWriteOptions options;
  const QString delimiter =
      settings_.value(kExportDelimiter, commaLocale ? QStringLiteral(";") : QStringLiteral(",")).toString();
  options.delimiter = delimiter == QLatin1String("tab") ? '\t' : delimiter == QLatin1String(";") ? ';' : ',';
  options.bom = settings_.value(kExportBom, true).toBool();
  options.crlf = settings_.value(kExportCrlf, true).toBool();
  options.neutralizeFormulas = settings_.value(kExportForSpreadsheets, true).toBool();
  options.decimalComma = settings_.value(kExportDecimalComma, commaLocale).toBool();
  return options;
}

void UserSettings::setExportCsvOptions(const salesops::CsvWriteOptions& options) {
  settings_.setValue(kExportDelimiter, options.delimiter == '\t'  ? QStringLiteral("tab")
                                       : options.delimiter == ';' ? QStringLiteral(";")
                                                                  : QStringLiteral(","));
  settings_.setValue(kExportBom, options.bom);
  settings_.setValue(kExportCrlf, options.crlf);
  settings_.setValue(kExportForSpreadsheets, options.neutralizeFormulas);
  settings_.setValue(kExportDecimalComma, options.decimalComma);
}

QString UserSettings::exportFormat() const {
  return settings_.value(kExportFormat).toString() == QLatin1String("csv") ? QStringLiteral("csv")
                                                                           : QStringLiteral("xlsx");
}

void UserSettings::setExportFormat(const QString& format) { settings_.setValue(kExportFormat, format); }
