#include "charts/PayoutCurveChart.h"

#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "charts/ChartSupport.h"

PayoutCurveChart::PayoutCurveChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-payout-curve"), tr("Payout per period against attainment"));
  setCurves({}, {}, 2);
}

void PayoutCurveChart::setCurves(const std::vector<salesops::CurvePoint>& stored,
                                 const std::vector<salesops::CurvePoint>& edited, int minorDigits) {
  QChart* c = chart();
  chartsupport::reset(c);
  const double unit = std::pow(10.0, minorDigits);
  double highest = 1;
  const auto fill = [&](QLineSeries* series, const std::vector<salesops::CurvePoint>& points) {
    for (const auto& p : points) {
      // Display only: money stays exact in the engine; a chart needs doubles.
      const double payout = static_cast<double>(p.payout) / unit;
      series->append(static_cast<double>(p.attainmentMicro) / 10000.0, payout);
      highest = std::max(highest, payout);
    }
  };
  stored_ = new QLineSeries(c);
  stored_->setName(tr("Plan as stored"));
  fill(stored_, stored);
  edited_ = new QLineSeries(c);
  edited_->setName(tr("Plan as edited"));
  QPen dashed(QColor(0xd0, 0x60, 0x20));
  dashed.setWidth(2);
  dashed.setStyle(Qt::DashLine);
  edited_->setPen(dashed);
  fill(edited_, edited);
  c->addSeries(stored_);
  c->addSeries(edited_);
  auto* x = new QValueAxis(c);
  x->setRange(0, 200);
  x->setTickCount(9);
  x->setLabelFormat(QStringLiteral("%.0f%%"));
  x->setTitleText(tr("Attainment"));
  auto* y = new QValueAxis(c);
  y->setRange(0, highest * 1.1);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(tr("Payout"));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  for (QLineSeries* s : {stored_, edited_}) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
}
