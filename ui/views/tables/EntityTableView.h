#pragma once
// One entity's table page: a debounced filter line over a sortable table whose columns the user picks
// from the header's context menu (remembered per entity).
#include <QString>
#include <QWidget>

#include <vector>

#include "domain/EntitySchema.h"
#include "storage/TableQuery.h"

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

 signals:
  void statusChanged();

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
};
