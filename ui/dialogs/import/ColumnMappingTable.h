#pragma once
// The column mapping editor of the import wizard: one row per source column with the field it feeds, the
// value format, the day/month order, "match by name", "ignore", and the verdict of the last preview
// (flagged columns in amber, conflicting ones in red, the verdict as tooltip).
#include <QTableWidget>

#include <string>
#include <vector>

#include "io/MappedImport.h"

class ColumnMappingTable : public QTableWidget {
  Q_OBJECT

 public:
  enum Column { SourceColumn, FieldColumn, FormatColumn, DateOrderColumn, ByNameColumn, IgnoreColumn, VerdictColumn };

  explicit ColumnMappingTable(QWidget* parent = nullptr);

  // Edits `source` in place (null: empty table); `headers` are the file's header row.
  void setSource(salesops::MappedSource* source, const std::vector<std::string>& headers);
  void showDecisions(const std::vector<salesops::ColumnDecision>& decisions);
  // The row of a source column, or -1.
  int rowOf(const QString& header) const;
  // Maps `header` to `field` ("" = not imported), as choosing it in the field combo does.
  void setField(const QString& header, const QString& field);

 signals:
  void mappingChanged();

 private:
  const salesops::ColumnMapping* find(int row) const;
  salesops::ColumnMapping& column(int row);
  void addRow(int row, const std::string& header);
  void syncRow(int row);
  void fieldChosen(int row, const QString& fields);

  salesops::MappedSource* source_ = nullptr;
  std::vector<std::string> headers_;
};
