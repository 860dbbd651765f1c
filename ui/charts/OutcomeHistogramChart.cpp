#include "charts/OutcomeHistogramChart.h"

#include <QAreaSeries>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"

OutcomeHistogramChart::OutcomeHistogramChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-monte-carlo"), tr("Simulated outcomes of the period"));
  setHistogram({}, {}, 0, 0, QStringLiteral("USD"));
}

void OutcomeHistogramChart::setHistogram(const std::vector<double>& edges, const std::vector<std::int64_t>& counts,
                                         double quota, double commit, const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  bins_ = static_cast<int>(counts.size());
  double lo = edges.empty() ? 0 : edges.front(), hi = edges.empty() ? 1 : edges.back();
  for (const double v : {quota, commit}) {
    if (v > 0) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  const MoneyScale scale = MoneyScale::forMaximum(hi, currency);
  // Bars as one stepped area on a value axis, so the quota and commit lines share the money axis.
  auto* upper = new QLineSeries(c);
  std::int64_t tallest = 1;
  for (std::size_t b = 0; b < counts.size(); ++b) {
    upper->append(edges[b] / scale.divisor, static_cast<double>(counts[b]));
    upper->append(edges[b + 1] / scale.divisor, static_cast<double>(counts[b]));
    tallest = std::max(tallest, counts[b]);
  }
  auto* area = new QAreaSeries(upper);
  area->setName(tr("Trials"));
  c->addSeries(area);
  const auto marker = [&](double at, const QString& name, Qt::GlobalColor color) {
    auto* line = new QLineSeries(c);
    line->setName(name);
    line->append(at / scale.divisor, 0);
    line->append(at / scale.divisor, static_cast<double>(tallest) * 1.05);
    QPen pen(color);
    pen.setWidth(2);
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    c->addSeries(line);
    return line;
  };
  std::vector<QAbstractSeries*> all{area};
  if (quota > 0) all.push_back(marker(quota, tr("Quota"), Qt::darkRed));
  if (commit > 0) all.push_back(marker(commit, tr("Commit call"), Qt::darkGreen));
  auto* x = new QValueAxis(c);
  const double pad = (hi - lo) * 0.03 + 1;
  x->setRange((lo - pad) / scale.divisor, (hi + pad) / scale.divisor);
  x->setLabelFormat(QStringLiteral("%.0f"));
  x->setTitleText(scale.unit);
  auto* y = new QValueAxis(c);
  y->setRange(0, static_cast<double>(tallest) * 1.1);
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(tr("Trials"));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  for (auto* s : all) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
}
