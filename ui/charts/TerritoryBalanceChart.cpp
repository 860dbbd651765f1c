#include "charts/TerritoryBalanceChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>

#include <algorithm>
#include <vector>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"
#include "views/dashboard/KpiText.h"
#include "views/territories/TerritoryText.h"

TerritoryBalanceChart::TerritoryBalanceChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("territory-balance-chart"), tr("Balance"));
  chart()->legend()->hide();
  setMinimumHeight(220);
}

void TerritoryBalanceChart::setBalance(const salesops::BalanceReport& report, salesops::BalanceMetric metric) {
  QChart* c = chart();
  chartsupport::reset(c);
  const auto m = static_cast<std::size_t>(metric);
  const bool money = salesops::isMoneyMetric(metric);
  auto* series = new QBarSeries(c);
  bars_ = new QBarSet(territorytext::metricLabel(metric), series);
  QStringList names;
  std::vector<double> values;
  double top = 0;
  for (const auto& row : report.rows) {
    // Money in whole currency units: the bars compare territories, cents would only add digits.
    values.push_back(money ? kpitext::units(row.values[m], report.minorDigits) : static_cast<double>(row.values[m]));
    top = std::max(top, values.back());
    names << QString::fromStdString(row.territoryId);
  }
  const MoneyScale scale =
      money ? MoneyScale::forMaximum(top, QString::fromStdString(report.currency)) : MoneyScale{1, QString()};
  for (double v : values) bars_->append(v / scale.divisor);
  series->append(bars_);
  c->addSeries(series);
  auto* x = new QBarCategoryAxis(c);
  x->append(names);
  x->setLabelsAngle(names.size() > 8 ? -60 : 0);
  auto* y = new QValueAxis(c);
  y->setRange(0, top > 0 ? top / scale.divisor * 1.1 : 1);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  c->setTitle(tr("%1 by territory").arg(territorytext::metricLabel(metric)));
}
