#pragma once
// What every dashboard chart does before drawing new data: drop the old series and axes (a chart owns them),
// and keep the look consistent.
#include <QChart>
#include <QChartView>

namespace chartsupport {

inline void reset(QChart* chart) {
  chart->removeAllSeries();
  const auto axes = chart->axes();
  for (QAbstractAxis* axis : axes) {
    chart->removeAxis(axis);
    delete axis;
  }
}

// Animations would replay on every period change; the dashboard should just show the numbers.
inline void setUp(QChartView* view, const QString& objectName, const QString& title) {
  view->setObjectName(objectName);
  view->setRenderHint(QPainter::Antialiasing);
  view->setMinimumHeight(300);
  QChart* chart = view->chart();
  chart->setTitle(title);
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setMargins(QMargins(4, 4, 4, 4));
}

}  // namespace chartsupport
