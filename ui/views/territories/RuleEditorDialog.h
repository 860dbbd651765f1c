#pragma once
// Editing the rules of one territory of a planning model: one row per condition (rule id, NOT group, field,
// operator, value). Rows with the same rule id are AND-ed, different rules are OR-ed, and rows naming a NOT
// group form "AND NOT (all of the group)". Every change re-checks the rules and re-counts, live, how many
// accounts each rule catches (RuleMatcher over the workbook's accounts: a few milliseconds for 100,000);
// problems are shown under the table, naming the rule, and OK stays disabled until there are none.
#include <QDialog>

#include <cstdint>
#include <memory>
#include <vector>

#include "territory/TerritoryModel.h"

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

class RuleEditorDialog : public QDialog {
  Q_OBJECT

 public:
  enum Column { RuleColumn, GroupColumn, FieldColumn, OperatorColumn, ValueColumn, MatchesColumn };

  RuleEditorDialog(const salesops::territory::Territory& territory,
                   std::shared_ptr<const std::vector<salesops::territory::Account>> accounts, int minorDigits,
                   QWidget* parent = nullptr);

  // The rules as edited (rows in order, grouped by rule id in order of first appearance).
  std::vector<salesops::territory::Rule> rules() const;
  std::int64_t priority() const;
  bool isValid() const { return valid_; }
  // Live count of the rule of `row`'s rule id; -1 when the rules do not check.
  std::int64_t matchesOfRow(int row) const;

  QTableWidget* table() const { return table_; }
  QLabel* problem() const { return problem_; }
  QPushButton* okButton() const { return ok_; }
  // Adds a condition row: to the selected row's rule, or to a new rule when `newRule`.
  void addCondition(bool newRule);
  void removeSelectedCondition();
  // Sets a row's field or operator by its file name ("postal_code", "not_in"), as choosing it in the combo does.
  void setField(int row, const QString& field);
  void setOperator(int row, const QString& op);

 private:
  void addRow(const QString& rule, const salesops::territory::Condition& condition);
  void refresh();

  std::string territoryId_;
  std::shared_ptr<const std::vector<salesops::territory::Account>> accounts_;
  int minorDigits_;
  bool valid_ = false;
  std::vector<std::int64_t> rowMatches_;
  QTableWidget* table_;
  QSpinBox* priority_;
  QLabel* problem_;
  QLabel* summary_;
  QPushButton* ok_;
};
