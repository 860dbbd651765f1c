#include "charts/CallTrendChart.h"

#include <QBarCategoryAxis>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"

CallTrendChart::CallTrendChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-call-trend"), tr("Weekly calls against the result"));
  setTrend({}, 0, QStringLiteral("USD"));
}

void CallTrendChart::setTrend(const std::vector<Week>& weeks, double result, const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  double top = result;
  for (const auto& w : weeks) top = std::max({top, w.commit, w.bestCase, w.pipeline});
  const MoneyScale scale = MoneyScale::forMaximum(top, currency);
  const auto line = [&](const QString& name) {
    auto* s = new QLineSeries(c);
    s->setName(name);
    s->setPointsVisible(true);
    return s;
  };
  commit_ = line(tr("Commit"));
  auto* best = line(tr("Best case"));
  auto* pipeline = line(tr("Pipeline"));
  auto* booked = line(tr("Closed so far"));
  booked->setPointsVisible(false);
  QPen dashed = booked->pen();
  dashed.setStyle(Qt::DashLine);
  dashed.setWidth(2);
  booked->setPen(dashed);
  QStringList labels;
  for (std::size_t i = 0; i < weeks.size(); ++i) {
    const auto x = static_cast<double>(i);
    commit_->append(x, weeks[i].commit / scale.divisor);
    best->append(x, weeks[i].bestCase / scale.divisor);
    pipeline->append(x, weeks[i].pipeline / scale.divisor);
    booked->append(x, result / scale.divisor);
    labels << QLocale().toString(weeks[i].end, QStringLiteral("MMM d"));
  }
  for (auto* s : {commit_, best, pipeline, booked}) c->addSeries(s);
  auto* x = new QBarCategoryAxis(c);
  x->append(labels);
  x->setTitleText(tr("Week ending"));
  auto* y = new QValueAxis(c);
  y->setRange(0, top > 0 ? top / scale.divisor * 1.1 : 1);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  for (auto* s : {commit_, best, pipeline, booked}) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
}
