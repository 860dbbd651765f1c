#include "charts/StatForecastChart.h"

#include <QAreaSeries>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"

namespace {
double msOf(const QDate& d) { return static_cast<double>(d.startOfDay(Qt::UTC).toMSecsSinceEpoch()); }
}  // namespace

StatForecastChart::StatForecastChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-statistical"), tr("Monthly bookings and statistical forecast"));
  setForecast({}, {}, {}, {}, {}, {}, {}, QString(), QStringLiteral("USD"));
}

void StatForecastChart::setForecast(const std::vector<QDate>& months, const std::vector<double>& history,
                                    const std::vector<double>& mean, const std::vector<double>& lo80,
                                    const std::vector<double>& hi80, const std::vector<double>& lo95,
                                    const std::vector<double>& hi95, const QString& method, const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  double top = 1;
  for (const double v : history) top = std::max(top, v);
  for (const double v : hi95) top = std::max(top, v);
  const MoneyScale scale = MoneyScale::forMaximum(top, currency);
  auto* actual = new QLineSeries(c);
  actual->setName(tr("Bookings"));
  for (std::size_t i = 0; i < history.size() && i < months.size(); ++i) {
    actual->append(msOf(months[i]), history[i] / scale.divisor);
  }
  forecast_ = new QLineSeries(c);
  forecast_->setName(method.isEmpty() ? tr("Forecast") : tr("Forecast (%1)").arg(method));
  const auto band = [&](const std::vector<double>& lo, const std::vector<double>& hi, const QString& name, int alpha) {
    auto* upper = new QLineSeries(c);
    auto* lower = new QLineSeries(c);
    for (std::size_t k = 0; k < lo.size() && history.size() + k < months.size(); ++k) {
      const double x = msOf(months[history.size() + k]);
      upper->append(x, hi[k] / scale.divisor);
      lower->append(x, std::max(0.0, lo[k]) / scale.divisor);
    }
    auto* area = new QAreaSeries(upper, lower);
    area->setName(name);
    QColor color(40, 110, 200, alpha);
    area->setBrush(color);
    area->setPen(Qt::NoPen);
    return area;
  };
  auto* band95 = band(lo95, hi95, tr("95% interval"), 50);
  auto* band80 = band(lo80, hi80, tr("80% interval"), 90);
  if (!history.empty() && !mean.empty())
    forecast_->append(msOf(months[history.size() - 1]), history.back() / scale.divisor);
  for (std::size_t k = 0; k < mean.size() && history.size() + k < months.size(); ++k) {
    forecast_->append(msOf(months[history.size() + k]), mean[k] / scale.divisor);
  }
  std::vector<QAbstractSeries*> all{band95, band80, actual, forecast_};
  for (auto* s : all) c->addSeries(s);
  auto* x = new QDateTimeAxis(c);
  x->setFormat(QStringLiteral("MMM yy"));
  x->setTickCount(8);
  if (!months.empty()) {
    x->setRange(months.front().startOfDay(Qt::UTC), months.back().startOfDay(Qt::UTC));
  }
  auto* y = new QValueAxis(c);
  y->setRange(0, top / scale.divisor * 1.05);
  y->applyNiceNumbers();
  y->setLabelFormat(QStringLiteral("%.0f"));
  y->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  for (auto* s : all) {
    s->attachAxis(x);
    s->attachAxis(y);
  }
}
