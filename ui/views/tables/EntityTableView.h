#pragma once
// One entity's table page: a debounced filter line over a sortable table whose columns the user picks
// from the header's context menu (remembered per entity), and an Export… button that writes what the
// table shows to CSV or XLSX.
#include <QString>
#include <QWidget>

#include <vector>

#include "domain/EntitySchema.h"
#include "storage/TableQuery.h"

struct ExportChoice;

class EntityTableModel;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;
class QToolButton;
class QFrame;
class UserSettings;

namespace salesops {
class Database;
}

class EntityTableView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kFilterDelayMs = 250;

  EntityTableView(const salesops::EntitySpec& spec, UserSettings& settings, QWidget* parent = nullptr);

  // See EntityTableModel::setDatabase.
  void setDatabase(salesops::Database* db, const QString& corporateCurrency);
  const salesops::EntitySpec& spec() const noexcept { return spec_; }
  EntityTableModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  // "1,234 rows", "12 of 1,234 rows", or what is being computed.
  QString statusText() const;
  // Shows only the rows meeting `conditions`, with a bar saying `description` and a button to show all
  // rows again. The filter text is cleared so the drill-down shows exactly what it says.
  void drillDown(const QString& description, std::vector<salesops::TableCondition> conditions);
  void clearDrillDown();
  QString drillDownText() const;

  // "Opportunities": the page's name, used for the export's sheet and file names.
  QString title() const;
  QString corporateCurrency() const { return currency_; }
  // Asks for the export options and a file, then exports what the table shows; false when cancelled or failed
  // (failures are told in a message box).
  bool promptExport();
  // Exports what the table shows to `path` on a worker behind a progress dialog.
  bool exportTo(const QString& path, const ExportChoice& choice);

 signals:
  void statusChanged();
  // A line for the status bar ("Exported 1,234 rows to …").
  void activity(const QString& text);

 private:
  void showColumnMenu(const QPoint& pos);
  void setColumnHidden(int column, bool hidden);
  void applyHiddenColumns();
  void setInitialColumnWidths();

  const salesops::EntitySpec& spec_;
  UserSettings& settings_;
  EntityTableModel* model_;
  QLineEdit* filter_;
  QTableView* table_;
  QTimer* filterTimer_;
  QLabel* message_;
  QFrame* drillBar_;
  QLabel* drillText_;
  QToolButton* exportButton_;
  QString workbookPath_;  // the open workbook's file, for the export's own connection
  QString currency_;
};
