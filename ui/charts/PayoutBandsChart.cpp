#include "charts/PayoutBandsChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"

PayoutBandsChart::PayoutBandsChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-payout-bands"), tr("Pay by attainment band"));
  setMinimumHeight(240);
}

void PayoutBandsChart::setBands(const QStringList& categories, const std::vector<BarSet>& sets, int minorDigits,
                                const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  const double unit = std::pow(10.0, minorDigits);
  double top = 0, bottom = 0;
  for (const auto& set : sets) {
    for (const std::int64_t v : set.second) {
      // Display only: the report's sums are exact; a chart needs doubles.
      top = std::max(top, static_cast<double>(v) / unit);
      bottom = std::min(bottom, static_cast<double>(v) / unit);
    }
  }
  const MoneyScale scale = MoneyScale::forMaximum(std::max(top, -bottom), currency);
  series_ = new QBarSeries(c);
  for (const auto& [name, values] : sets) {
    auto* bars = new QBarSet(name, series_);
    for (const std::int64_t v : values) bars->append(static_cast<double>(v) / unit / scale.divisor);
    series_->append(bars);
  }
  c->addSeries(series_);
  auto* x = new QBarCategoryAxis(c);
  QStringList labels;
  for (QString label : categories) {
    // Axis labels are read as rich text, where "<50%" would vanish as a broken tag.
    if (label.startsWith(QLatin1String(">="))) {
      label = label.mid(2).replace(QLatin1String("%"), QLatin1String("%+"));
    } else if (label.startsWith(QLatin1Char('<'))) {
      label = QLatin1String("0-") + label.mid(1);
    }
    labels << label;
  }
  x->append(labels);
  x->setTitleText(tr("Attainment"));
  auto* y = new QValueAxis(c);
  y->setRange(bottom / scale.divisor * 1.1, top > 0 ? top / scale.divisor * 1.1 : 1);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  series_->attachAxis(x);
  series_->attachAxis(y);
  c->legend()->setVisible(sets.size() > 1);
}
