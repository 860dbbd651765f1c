#pragma once
// The KPI definition choices (kpi/KpiDefinitions.h) as six drop-downs, each value explained, the default
// (KPIS.md's definition) marked. The Dashboard and the Reports page compute with what the user picks here.
#include <QDialog>

#include <vector>

#include "kpi/KpiDefinitions.h"

class QComboBox;

class DefinitionsDialog : public QDialog {
  Q_OBJECT

 public:
  DefinitionsDialog(const salesops::KpiDefinitionChoices& choices, QWidget* parent = nullptr);

  salesops::KpiDefinitionChoices choices() const;
  QComboBox* combo(const QString& name) const;

 private:
  std::vector<std::pair<QString, QComboBox*>> combos_;
};
