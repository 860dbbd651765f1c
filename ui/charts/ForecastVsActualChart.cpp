#include "charts/ForecastVsActualChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>

#include <algorithm>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"

ForecastVsActualChart::ForecastVsActualChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-forecast-vs-actual"), tr("Forecast call vs bookings"));
  setPeriods({}, {}, {}, QStringLiteral("USD"));
}

void ForecastVsActualChart::setPeriods(const QStringList& periods, const std::vector<std::optional<double>>& forecast,
                                       const std::vector<double>& bookings, const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  double top = 0;
  for (const auto& f : forecast) top = std::max(top, f.value_or(0));
  for (const double b : bookings) top = std::max(top, b);
  const MoneyScale scale = MoneyScale::forMaximum(top, currency);

  bars_ = new QBarSeries(c);
  auto* called = new QBarSet(tr("Forecast call"), bars_);
  auto* booked = new QBarSet(tr("Bookings"), bars_);
  for (const auto& f : forecast) called->append(f.value_or(0) / scale.divisor);
  for (const double b : bookings) booked->append(b / scale.divisor);
  bars_->append(called);
  bars_->append(booked);
  c->addSeries(bars_);
  auto* x = new QBarCategoryAxis(c);
  x->append(periods);
  auto* y = new QValueAxis(c);
  y->setRange(0, top > 0 ? top / scale.divisor * 1.1 : 1);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  bars_->attachAxis(x);
  bars_->attachAxis(y);
}
