#pragma once
// One balance metric per territory as vertical bars (money in whole units, thousands or millions).
#include <QChartView>

#include "services/TerritoryService.h"

class QBarSet;

class TerritoryBalanceChart : public QChartView {
  Q_OBJECT

 public:
  explicit TerritoryBalanceChart(QWidget* parent = nullptr);

  void setBalance(const salesops::BalanceReport& report, salesops::BalanceMetric metric);
  // The bars of the last setBalance(), in table order (money divided by the axis scale); null before.
  QBarSet* bars() const { return bars_; }

 private:
  QBarSet* bars_ = nullptr;
};
