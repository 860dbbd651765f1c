#include "charts/TrendChart.h"

#include <QBarCategoryAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "charts/ChartSupport.h"

TrendChart::TrendChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-trend"), tr("Win rate and sales cycle, last 8 quarters"));
  setTrend({}, {}, {});
}

void TrendChart::setTrend(const QStringList& periods, const std::vector<std::optional<double>>& winRatePercent,
                          const std::vector<std::optional<double>>& cycleDays) {
  QChart* c = chart();
  chartsupport::reset(c);
  winRate_ = new QLineSeries(c);
  winRate_->setName(tr("Win rate (count)"));
  winRate_->setPointsVisible(true);
  cycle_ = new QLineSeries(c);
  cycle_->setName(tr("Average sales cycle (days)"));
  cycle_->setPointsVisible(true);
  double longest = 10;
  for (std::size_t i = 0; i < winRatePercent.size(); ++i) {
    if (winRatePercent[i]) winRate_->append(static_cast<double>(i), *winRatePercent[i]);
  }
  for (std::size_t i = 0; i < cycleDays.size(); ++i) {
    if (!cycleDays[i]) continue;
    cycle_->append(static_cast<double>(i), *cycleDays[i]);
    longest = std::max(longest, *cycleDays[i]);
  }
  c->addSeries(winRate_);
  c->addSeries(cycle_);
  auto* x = new QBarCategoryAxis(c);
  x->append(periods);
  auto* percent = new QValueAxis(c);
  percent->setRange(0, 100);
  percent->setTickCount(5);
  percent->setLabelFormat(QStringLiteral("%.0f%%"));
  percent->setTitleText(tr("Win rate"));
  auto* days = new QValueAxis(c);
  days->setRange(0, std::ceil(longest * 1.1 / 10.0) * 10.0);
  days->applyNiceNumbers();
  days->setLabelFormat(QStringLiteral("%.0f"));
  days->setTitleText(tr("Days"));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(percent, Qt::AlignLeft);
  c->addAxis(days, Qt::AlignRight);
  winRate_->attachAxis(x);
  winRate_->attachAxis(percent);
  cycle_->attachAxis(x);
  cycle_->attachAxis(days);
}
