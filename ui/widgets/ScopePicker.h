#pragma once
// A combo box of dashboard scopes: everyone, each team, each manager's team (the manager and everyone below),
// each rep on their own. Item data is a key ("all", "team:East", "manager:R001", "rep:R001", "territory:US-W") that
// tests and saved views can select by.
#include <QComboBox>

#include <string>
#include <vector>

#include "services/KpiService.h"

// How a scope maps onto a KpiRequest: `by` and `scope` go into the request; with `rep` set, the request is
// split by rep and only that rep's group is kept (a rep id alone as scope would include their reports).
struct DashboardScope {
  salesops::KpiGrouping by = salesops::KpiGrouping::All;
  std::string scope;
  std::string rep;
};

class ScopePicker : public QComboBox {
  Q_OBJECT

 public:
  explicit ScopePicker(QWidget* parent = nullptr);

  // Fills the list from the service's reps, teams and hierarchy; keeps the current key when it still exists.
  void setService(const salesops::KpiService& service);
  DashboardScope currentScope() const;
  QString currentKey() const { return currentData().toString(); }
  bool selectKey(const QString& key);

 private:
  void add(const QString& label, const QString& key, DashboardScope scope);

  std::vector<DashboardScope> scopes_;
};
