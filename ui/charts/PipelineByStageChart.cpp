#include "charts/PipelineByStageChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

#include "charts/ChartSupport.h"
#include "charts/MoneyScale.h"
#include "views/dashboard/KpiText.h"

PipelineByStageChart::PipelineByStageChart(QWidget* parent) : QChartView(parent) {
  chartsupport::setUp(this, QStringLiteral("chart-pipeline-by-stage"), tr("Open pipeline by stage"));
  chart()->legend()->hide();
  setStages({}, QStringLiteral("USD"), 2);
}

void PipelineByStageChart::setStages(const std::vector<salesops::StagePipeline>& stages, const QString& currency,
                                     int minorDigits) {
  QChart* c = chart();
  chartsupport::reset(c);
  double top = 0;
  for (const auto& s : stages) top = std::max(top, kpitext::units(s.amount, minorDigits));
  const MoneyScale scale = MoneyScale::forMaximum(top, currency);

  bars_ = new QHorizontalBarSeries(c);
  auto* set = new QBarSet(tr("Open pipeline"), bars_);
  QStringList names;
  // Horizontal bars and their axis run bottom-up: appending in reverse puts the first stage on top.
  for (auto s = stages.rbegin(); s != stages.rend(); ++s) {
    set->append(kpitext::units(s->amount, minorDigits) / scale.divisor);
    names << QString::fromStdString(s->name);
  }
  bars_->append(set);
  c->addSeries(bars_);
  auto* y = new QBarCategoryAxis(c);
  y->append(names);
  auto* x = new QValueAxis(c);
  x->setRange(0, top > 0 ? top / scale.divisor * 1.1 : 1);
  x->applyNiceNumbers();
  x->setLabelFormat(QStringLiteral("%.0f"));
  x->setTitleText(scale.unit);
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  bars_->attachAxis(x);
  bars_->attachAxis(y);

  connect(set, &QBarSet::clicked, this, [this, names](int index) {
    if (index >= 0 && index < names.size()) emit stageClicked(names[names.size() - 1 - index]);
  });
  connect(set, &QBarSet::hovered, this, [this, stages, currency, minorDigits](bool on, int index) {
    if (!on || index < 0 || static_cast<std::size_t>(index) >= stages.size()) return QToolTip::hideText();
    const auto& s = stages[stages.size() - 1 - static_cast<std::size_t>(index)];
    const QLocale locale;
    QToolTip::showText(QCursor::pos(),
                       tr("%1: %2 %3 in %n opportunities", nullptr, static_cast<int>(s.count))
                           .arg(QString::fromStdString(s.name),
                                locale.toString(kpitext::units(s.amount, minorDigits), 'f', 0), currency));
  });
}
