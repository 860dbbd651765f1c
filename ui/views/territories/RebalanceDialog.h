#pragma once
// Reviewing a rebalancing proposal: the metric and the move cap, the proposed moves, the imbalance before and
// after, and quota relief; accepting names the planning model to apply the moves into.
#include <QDialog>

#include <optional>

#include "services/TerritoryService.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

class RebalanceDialog : public QDialog {
  Q_OBJECT

 public:
  RebalanceDialog(salesops::Workbook& workbook, std::string modelId, bool modelIsPlanning, salesops::Period period,
                  salesops::Date today, QWidget* parent = nullptr);

  // Computes the proposal for the dialog's settings (off the GUI thread, behind a progress dialog).
  void propose();
  const std::optional<salesops::RebalanceProposal>& proposal() const { return proposal_; }
  std::string intoModel() const;

 private:
  void showProposal();

  salesops::Workbook& workbook_;
  std::string modelId_;
  salesops::Period period_;
  salesops::Date today_;
  std::optional<salesops::RebalanceProposal> proposal_;
  QComboBox* metric_;
  QSpinBox* maxMoves_;
  QTableWidget* moves_;
  QLabel* summary_;
  QLineEdit* into_;
  QPushButton* apply_;
};
