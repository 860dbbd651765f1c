#pragma once
// The whole-plan part of the plan editor: the plan's own fields (name, payout period, base, on-target
// variable, plan cap, draw, clawback window, ramp) and its components (add, remove, and each kind's fields:
// basis and cap of a commission, a bonus's threshold and amount, a SPIFF's amount or percent and rule, an
// override's rate). Every edit rewrites the plan text (comp/CompPlanWriter.h), which the editor parses;
// a parser error's JSON path is shown on the field it came from. Undo steps back through the edits.
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

class PlanForm : public QWidget {
  Q_OBJECT

 public:
  // Columns of the components table.
  enum Column { kId, kKind, kBasis, kMinAttainment, kAmount, kRate, kCap, kRule, kColumns };

  explicit PlanForm(QWidget* parent = nullptr);

  // Shows a plan text (a plan loaded or a version saved); clears the undo history.
  void setJson(const std::string& json);
  const std::string& json() const { return json_; }
  // Marks the field a parser error's JSON path names (an empty path clears the marks); returns its label for
  // the status line ("Draw amount", "Component 2 (bonus) amount"), empty when the path is the rate table's.
  QString markError(const std::string& path);
  bool undo();
  bool canUndo() const { return !history_.empty(); }

  QLineEdit* field(const QString& objectName) const;
  QComboBox* payoutPeriod() const { return period_; }
  QComboBox* drawKind() const { return drawKind_; }
  QTableWidget* components() const { return components_; }
  QComboBox* newKind() const { return newKind_; }
  // Adds a component of the kind chosen in newKind(); removes the selected one (or the last).
  void addComponent();
  void removeComponent();

 signals:
  void changed();

 private:
  void apply(const std::string& path, const std::optional<std::string>& jsonValue);
  void replace(const std::string& json);
  void showFields();
  void componentEdited(int row, int column);

  std::string json_;
  std::vector<std::string> history_;
  bool loading_ = false;
  QLineEdit *name_ = nullptr, *base_ = nullptr, *target_ = nullptr, *planCap_ = nullptr, *drawAmount_ = nullptr,
            *clawback_ = nullptr, *ramp_ = nullptr;
  QComboBox* period_ = nullptr;
  QComboBox* drawKind_ = nullptr;
  QTableWidget* components_ = nullptr;
  QComboBox* newKind_ = nullptr;
  QPushButton* undo_ = nullptr;
};
