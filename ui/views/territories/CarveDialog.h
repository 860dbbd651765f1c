#pragma once
// Carving N new territories under the selected territory of a planning model: how many, on which metric, out
// of which territory's accounts; Propose computes the carve (off the GUI thread, behind a progress dialog) and
// shows each new territory's total beside the naive split's, and the model's balance before and after;
// accepting applies it (the page makes that undoable).
#include <QDialog>

#include <optional>

#include "services/TerritoryService.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

class CarveDialog : public QDialog {
  Q_OBJECT

 public:
  CarveDialog(salesops::Workbook& workbook, const salesops::territory::Model& model, const std::string& parentId,
              salesops::Period period, QWidget* parent = nullptr);

  void setCount(int count);
  void setFromTerritory(const QString& territoryId);
  // Computes the proposal for the dialog's settings; a refusal is shown in a message box.
  void propose();
  const std::optional<salesops::CarveProposal>& proposal() const { return proposal_; }
  QTableWidget* territories() const { return table_; }
  QLabel* summary() const { return summary_; }
  QPushButton* applyButton() const { return apply_; }

 private:
  void showProposal();

  salesops::Workbook& workbook_;
  std::string modelId_, parentId_;
  salesops::Period period_;
  std::optional<salesops::CarveProposal> proposal_;
  QSpinBox* count_;
  QComboBox* metric_;
  QComboBox* from_;
  QTableWidget* table_;
  QLabel* summary_;
  QPushButton* apply_;
};
