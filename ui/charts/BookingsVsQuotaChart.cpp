#include "charts/BookingsVsQuotaChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "charts/ChartSupport.h"

namespace {
// Qt Charts elides category labels wider than about a quarter of the chart to "…", which hides every
// "Firstname Lastname"; "F. Lastname" fits, and the bar's tooltip has the full name.
QString shortName(const QString& name) {
  const QStringList words = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
  if (name.size() <= 12 || words.size() < 2) return name;
  return words.front().left(1) + QStringLiteral(". ") + words.back();
}
}  // namespace

BookingsVsQuotaChart::BookingsVsQuotaChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-bookings-vs-quota"), tr("Bookings vs quota by rep"));
  // Category labels that do not fit their row are elided to "…": fifteen names need the height.
  setMinimumHeight(460);
  setReps({}, QStringLiteral("USD"));
}

void BookingsVsQuotaChart::setReps(std::vector<Rep> reps, const QString& currency) {
  QChart* c = chart();
  chartsupport::reset(c);
  const std::size_t all = reps.size();
  if (reps.size() > static_cast<std::size_t>(kMaxReps)) {
    std::stable_sort(reps.begin(), reps.end(), [](const Rep& a, const Rep& b) { return a.quota > b.quota; });
    reps.resize(static_cast<std::size_t>(kMaxReps));
  }
  auto attainment = [](const Rep& r) { return r.quota > 0 ? r.bookings / r.quota * 100.0 : 0.0; };
  std::stable_sort(reps.begin(), reps.end(), [&](const Rep& a, const Rep& b) { return attainment(a) > attainment(b); });
  c->setTitle(all > reps.size()
                  ? tr("Bookings vs quota: the %1 reps with the largest quota of %2").arg(reps.size()).arg(all)
                  : tr("Bookings vs quota by rep"));

  bars_ = new QHorizontalBarSeries(c);
  auto* set = new QBarSet(tr("Attainment"), bars_);
  QStringList names;
  repIds_.clear();
  double top = 100;
  for (const Rep& r : reps) {
    set->append(attainment(r));
    names << shortName(r.name);
    repIds_ << r.id;
    top = std::max(top, attainment(r));
  }
  bars_->append(set);
  c->addSeries(bars_);
  target_ = new QLineSeries(c);
  target_->setName(tr("Quota (100%)"));
  // Category positions run from -0.5 to n - 0.5, so the line spans the whole plot.
  target_->append(100, -0.5);
  target_->append(100, static_cast<double>(reps.size()) - 0.5);
  QPen pen(Qt::red);
  pen.setWidth(2);
  pen.setStyle(Qt::DashLine);
  target_->setPen(pen);
  c->addSeries(target_);

  auto* y = new QBarCategoryAxis(c);
  y->append(names);
  // Qt Charts elides a vertical category label whose text is taller than its row; fifteen rows at the
  // default font do not fit, at a smaller one they do.
  QFont labelFont = y->labelsFont();
  labelFont.setPointSizeF(labelFont.pointSizeF() * 0.8);
  y->setLabelsFont(labelFont);
  auto* x = new QValueAxis(c);
  // Ticks on round percentages: 25% steps, 50% once the best rep is far above quota.
  const double step = top > 200 ? 50.0 : 25.0;
  const double end = std::ceil(top / step) * step;
  x->setRange(0, end);
  x->setTickCount(static_cast<int>(end / step) + 1);
  x->setLabelFormat(QStringLiteral("%.0f%%"));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  bars_->attachAxis(x);
  bars_->attachAxis(y);
  // A line on the category axis squeezes its labels to "…"; a hidden value axis over the same rows does not.
  auto* rows = new QValueAxis(c);
  rows->setRange(-0.5, static_cast<double>(reps.size()) - 0.5);
  rows->setVisible(false);
  c->addAxis(rows, Qt::AlignRight);
  target_->attachAxis(x);
  target_->attachAxis(rows);

  connect(set, &QBarSet::clicked, this, [this](int index) {
    if (index >= 0 && index < repIds_.size()) emit repClicked(repIds_[index]);
  });
  connect(set, &QBarSet::hovered, this, [this, reps, currency](bool on, int index) {
    if (!on || index < 0 || static_cast<std::size_t>(index) >= reps.size()) return QToolTip::hideText();
    const Rep& r = reps[static_cast<std::size_t>(index)];
    const QLocale locale;
    QToolTip::showText(QCursor::pos(), tr("%1\nBookings: %2 %4\nQuota: %3 %4")
                                           .arg(r.name, locale.toString(r.bookings, 'f', 0),
                                                locale.toString(r.quota, 'f', 0), currency));
  });
}
