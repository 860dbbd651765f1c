#pragma once
// The Territories page: a model selector, the model's territory tree, the rules of the selected territory
// with how many accounts each matches, and the balance of the territories on a chosen metric (table, bar
// chart, CV / Gini / max-min). Actions: assign the model in force, activate a model from a date, and
// rebalance into a planning model; in a planning model, edit the hierarchy and a territory's rules, and carve
// new territories (all undoable).
//
// Everything shown is computed on a worker thread with its own read-only connection; the window's Workbook is
// used on the GUI thread only for the writes, each behind a progress dialog.
#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "services/TerritoryService.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;
class TerritoryBalanceChart;

class TerritoriesPage : public QWidget {
  Q_OBJECT

 public:
  explicit TerritoriesPage(QWidget* parent = nullptr);

  // nullptr clears the page; otherwise lists the models and loads the one in force (or the first).
  void showWorkbook(salesops::Workbook* workbook);
  void setToday(salesops::Date today) { today_ = today; }
  salesops::Date today() const;

  // Loads another model of the workbook; false when there is no such model.
  bool selectModel(const QString& modelId);
  void selectMetric(salesops::BalanceMetric metric);
  bool isLoaded() const { return data_ != nullptr; }
  const salesops::BalanceReport* balance() const { return data_ ? &data_->balance : nullptr; }
  QTreeWidget* tree() const { return tree_; }
  QTableWidget* rules() const { return rules_; }
  QTableWidget* balanceTable() const { return balanceTable_; }
  TerritoryBalanceChart* chart() const { return chart_; }
  QUndoStack* undoStack() const { return undo_; }
  // Opens the rule editor of the selected territory / the carve dialog under it (planning models only).
  void editRules();
  void carve();
  void assign();
  void activate();
  void rebalance();

 private:
  struct Data {
    quint64 generation = 0;
    std::vector<salesops::TerritoryModelRow> models;
    salesops::territory::Model model;
    salesops::BalanceReport balance;
    std::vector<std::vector<std::int64_t>> ruleCounts;
    std::shared_ptr<const std::vector<salesops::territory::Account>> accounts;  // for the rule editor's counts
    salesops::Period period;
    QString error;
  };
  void reload(const std::string& modelId);
  void loaded(const std::shared_ptr<const Data>& data);
  void showTree();
  void showRules();
  void showBalance();
  // Hierarchy edits of a planning model (TerritoriesPageEdits.cpp), each an undoable command.
  void addTerritory();
  void removeTerritory();
  void treeItemChanged(QTreeWidgetItem* item, int column);
  bool editable() const;
  void pushEdit(const QString& text, std::function<void()> redo, std::function<void()> undo);
  const salesops::TerritoryModelRow* currentModel() const;

  salesops::Workbook* workbook_ = nullptr;
  std::optional<salesops::Date> today_;
  QFutureWatcher<std::shared_ptr<const Data>> watcher_;
  quint64 generation_ = 0;
  std::shared_ptr<const Data> data_;

  QComboBox* model_;
  QComboBox* metric_;
  QLabel* status_;
  QLabel* stats_;
  QPushButton* assign_;
  QPushButton* activate_;
  QPushButton* rebalance_;
  QPushButton* undoButton_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* editRules_;
  QPushButton* carve_;
  QTreeWidget* tree_;
  QTableWidget* rules_;
  QTableWidget* balanceTable_;
  TerritoryBalanceChart* chart_;
  QUndoStack* undo_;
};
