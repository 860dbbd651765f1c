// The edits of the Territories page in a planning model: add, remove, rename and re-prioritise territories,
// edit a territory's rules, carve new territories, apply a rebalancing. Each edit is made through TerritoryService
// first (so a refusal is shown and nothing is pushed), then pushed as an undoable command.
#include <QInputDialog>
#include <QTreeWidget>
#include <QUndoStack>

#include "common/Currency.h"
#include "seams/MessageBoxSeam.h"
#include "storage/Workbook.h"
#include "views/territories/CarveDialog.h"
#include "views/territories/RebalanceDialog.h"
#include "views/territories/RuleEditorDialog.h"
#include "views/territories/TerritoriesPage.h"
#include "views/territories/TerritoryEditCommand.h"

bool TerritoriesPage::editable() const {
  const auto* current = currentModel();
  return workbook_ && current && current->status == salesops::territory::ModelStatus::Planning;
}

void TerritoriesPage::pushEdit(const QString& text, std::function<void()> redo, std::function<void()> undo) {
  try {
    redo();
  } catch (const std::exception& e) {
    MessageBoxSeam::warning(this, tr("Territories"), QString::fromUtf8(e.what()));
    reload(data_->model.id);  // puts back what an in-place edit changed on screen
    return;
  }
  const std::string modelId = data_->model.id;
  undo_->push(new TerritoryEditCommand(text, std::move(redo), std::move(undo), [this, modelId] { reload(modelId); }));
}

void TerritoriesPage::addTerritory() {
  if (!editable()) return;
  bool ok = false;
  const QString id =
      QInputDialog::getText(this, tr("Add territory"), tr("Territory id:"), QLineEdit::Normal, {}, &ok).trimmed();
  if (!ok || id.isEmpty()) return;
  salesops::territory::Territory t;
  t.id = id.toStdString();
  t.name = t.id;
  t.type = "territory";
  if (const QTreeWidgetItem* parent = tree_->currentItem()) t.parentId = parent->text(0).toStdString();
  const std::string modelId = data_->model.id;
  pushEdit(
      tr("Add %1").arg(id), [this, modelId, t] { salesops::TerritoryService(*workbook_).addTerritory(modelId, t); },
      [this, modelId, t] { salesops::TerritoryService(*workbook_).removeTerritory(modelId, t.id); });
}

void TerritoriesPage::removeTerritory() {
  const QTreeWidgetItem* item = tree_->currentItem();
  if (!editable() || !item) return;
  const std::string modelId = data_->model.id;
  const std::string id = item->text(0).toStdString();
  const auto index = static_cast<std::size_t>(item->data(0, Qt::UserRole).toInt());
  const salesops::territory::Territory removed = data_->model.territories[index];
  pushEdit(
      tr("Remove %1").arg(item->text(0)),
      [this, modelId, id] { salesops::TerritoryService(*workbook_).removeTerritory(modelId, id); },
      [this, modelId, removed] { salesops::TerritoryService(*workbook_).addTerritory(modelId, removed); });
}

void TerritoriesPage::treeItemChanged(QTreeWidgetItem* item, int column) {
  if (!editable() || !item || (column != 1 && column != 3)) return;
  const auto index = static_cast<std::size_t>(item->data(0, Qt::UserRole).toInt());
  const salesops::territory::Territory before = data_->model.territories[index];
  const std::string name = item->text(1).toStdString();
  bool number = false;
  const qlonglong priority = item->text(3).trimmed().toLongLong(&number);
  if (!number || priority < 0) {
    MessageBoxSeam::warning(this, tr("Territories"), tr("Priority must be a whole number 0 or more."));
    reload(data_->model.id);
    return;
  }
  if (name == before.name && priority == before.priority) return;
  const std::string modelId = data_->model.id;
  pushEdit(
      tr("Edit %1").arg(QString::fromStdString(before.id)),
      [this, modelId, id = before.id, name, priority] {
        salesops::TerritoryService(*workbook_).updateTerritory(modelId, id, name, priority);
      },
      [this, modelId, before] {
        salesops::TerritoryService(*workbook_).updateTerritory(modelId, before.id, before.name, before.priority);
      });
}

void TerritoriesPage::editRules() {
  const QTreeWidgetItem* item = tree_->currentItem();
  if (!editable() || !item) return;
  const auto index = static_cast<std::size_t>(item->data(0, Qt::UserRole).toInt());
  const salesops::territory::Territory before = data_->model.territories[index];
  RuleEditorDialog dialog(before, data_->accounts, salesops::minorDigits(workbook_->settings().currency), this);
  if (dialog.exec() != QDialog::Accepted) return;
  const auto rules = dialog.rules();
  const std::int64_t priority = dialog.priority();
  const std::string modelId = data_->model.id;
  // The rules and the priority change in one transaction, and an undo puts both back.
  pushEdit(
      tr("Edit rules of %1").arg(QString::fromStdString(before.id)),
      [this, modelId, id = before.id, rules, priority] {
        salesops::TerritoryService(*workbook_).replaceRules(modelId, id, rules, priority);
      },
      [this, modelId, before] {
        salesops::TerritoryService(*workbook_).replaceRules(modelId, before.id, before.rules, before.priority);
      });
}

void TerritoriesPage::carve() {
  const QTreeWidgetItem* item = tree_->currentItem();
  if (!editable() || !item) return;
  CarveDialog dialog(*workbook_, data_->model, item->text(0).toStdString(), data_->period, this);
  if (dialog.exec() != QDialog::Accepted || !dialog.proposal()) return;
  const salesops::CarveProposal proposal = *dialog.proposal();
  pushEdit(
      tr("Carve %n territories under %1", nullptr, static_cast<int>(proposal.territories.size()))
          .arg(QString::fromStdString(proposal.parentId)),
      [this, proposal] { salesops::TerritoryService(*workbook_).applyCarve(proposal); },
      [this, proposal] { salesops::TerritoryService(*workbook_).undoCarve(proposal); });
}

void TerritoriesPage::rebalance() {
  const auto* current = currentModel();
  if (!workbook_ || !current) return;
  RebalanceDialog dialog(*workbook_, current->id, current->status == salesops::territory::ModelStatus::Planning,
                         data_->period, today(), this);
  if (dialog.exec() != QDialog::Accepted || !dialog.proposal() || dialog.intoModel().empty()) return;
  const std::string into = dialog.intoModel();
  bool exists = false;
  for (const auto& m : data_->models) exists = exists || m.id == into;
  try {
    salesops::TerritoryService(*workbook_).applyRebalance(*dialog.proposal(), into);
  } catch (const std::exception& e) {
    MessageBoxSeam::warning(this, tr("Rebalance"), QString::fromUtf8(e.what()));
    return;
  }
  const salesops::RebalanceProposal proposal = *dialog.proposal();
  undo_->push(new TerritoryEditCommand(
      tr("Apply %n moves into %1", nullptr, static_cast<int>(proposal.moves.size())).arg(QString::fromStdString(into)),
      [this, proposal, into] { salesops::TerritoryService(*workbook_).applyRebalance(proposal, into); },
      [this, proposal, into, exists] { salesops::TerritoryService(*workbook_).undoRebalance(proposal, into, !exists); },
      [this, into] { reload(into); }));
}
