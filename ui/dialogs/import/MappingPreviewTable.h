#pragma once
// The first rows of a file as they would be stored: a cell a default or rule filled is shaded, with the
// rule as its tooltip; a row that would be rejected is red with the reason; a row a rule skips is grey.
#include <QTableWidget>

#include "io/MappedImport.h"

class MappingPreviewTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit MappingPreviewTable(QWidget* parent = nullptr);
  void showPreview(const salesops::MappedPreview& preview);
  // The column of a field, or -1.
  int columnOf(const QString& field) const;
};
