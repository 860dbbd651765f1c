#pragma once
// Exporting an entity table page exactly as it shows: its filter text and drill-down conditions, its sort,
// and its visible columns in their on-screen order under their on-screen headers. The export runs on a
// worker thread with its own read-only connection behind a TaskProgressDialog (Cancel leaves no file).
#include <QString>

#include <vector>

#include "dialogs/ExportOptionsDialog.h"
#include "io/TableExport.h"
#include "storage/TableQuery.h"

class EntityTableView;
class QWidget;

namespace tableexport {

salesops::TableQuerySpec queryOf(const EntityTableView& view);
std::vector<salesops::TableExportColumn> visibleColumns(const EntityTableView& view);

struct Outcome {
  bool ok = false;
  bool cancelled = false;
  QString error;
  salesops::TableExportResult result;
};

// Exports the rows of `view` from the workbook file `workbook` to `path`.
Outcome run(QWidget* parent, const EntityTableView& view, const QString& workbook, const QString& path,
            const ExportChoice& choice);

}  // namespace tableexport
