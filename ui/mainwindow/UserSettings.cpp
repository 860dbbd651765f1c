#include "mainwindow/UserSettings.h"

#include <QDir>

namespace {
const char* const kRecentFiles = "recentFiles";
const char* const kGeometry = "window/geometry";
const char* const kState = "window/state";
const char* const kLastDirectory = "lastDirectory";
const char* const kCurrentPage = "window/page";
const char* const kKpiDefinitions = "kpi/definitions";

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
