#include "views/tables/TableExportRunner.h"

#include <QHeaderView>
#include <QTableView>

#include "dialogs/TaskProgressDialog.h"
#include "models/EntityTableModel.h"
#include "storage/Database.h"
#include "views/tables/EntityTableView.h"

namespace tableexport {

salesops::TableQuerySpec queryOf(const EntityTableView& view) {
  salesops::TableQuerySpec query;
  query.filter = view.model()->filterText().toStdString();
  query.conditions = view.model()->conditions();
  query.corporateCurrency = view.corporateCurrency().toStdString();
  const QHeaderView* header = view.table()->horizontalHeader();
  const int column = header->sortIndicatorSection();
  const auto& fields = view.spec().fields;
  if (column >= 0 && column < static_cast<int>(fields.size())) {
    query.sortField = std::string(fields[static_cast<std::size_t>(column)].name);
    query.ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
  }
  return query;
}

std::vector<salesops::TableExportColumn> visibleColumns(const EntityTableView& view) {
  std::vector<salesops::TableExportColumn> columns;
  const QHeaderView* header = view.table()->horizontalHeader();
  const auto& fields = view.spec().fields;
  for (int visual = 0; visual < header->count(); ++visual) {
    const int logical = header->logicalIndex(visual);
    if (logical < 0 || logical >= static_cast<int>(fields.size()) || header->isSectionHidden(logical)) continue;
    columns.push_back({std::string(fields[static_cast<std::size_t>(logical)].name),
                       view.model()->headerData(logical, Qt::Horizontal).toString().toStdString()});
  }
  return columns;
}

Outcome run(QWidget* parent, const EntityTableView& view, const QString& workbook, const QString& path,
            const ExportChoice& choice) {
  salesops::TableExportOptions options;
  options.format = choice.xlsx ? salesops::TableExportFormat::Xlsx : salesops::TableExportFormat::Csv;
  options.csv = choice.csv;
  options.columns = visibleColumns(view);
  options.sheetName = view.title().toStdString();
  const salesops::TableQuerySpec query = queryOf(view);
  const salesops::EntitySpec* spec = &view.spec();
  const std::filesystem::path source = workbook.toStdString();
  const std::filesystem::path target = path.toStdString();

  Outcome outcome;
  const auto task = TaskProgressDialog::run(
      parent, QObject::tr("Exporting %1…").arg(view.title()), [&](const salesops::LongTask& longTask) {
        // The worker's own connection: the GUI thread keeps the workbook's for painting the table.
        auto db = salesops::Database::open(source, salesops::Database::Mode::ReadOnly);
        outcome.result = salesops::exportTable(db, *spec, query, target, options, longTask);
      });
  outcome.ok = task.ok;
  outcome.cancelled = task.cancelled;
  outcome.error = task.error;
  return outcome;
}

}  // namespace tableexport
