#pragma once
// Open pipeline closing in the period, per open stage in pipeline order.
#include <QChartView>

#include <vector>

#include "kpi/PipelineByStage.h"

class QAbstractBarSeries;

class PipelineByStageChart : public QChartView {
  Q_OBJECT

 public:
  explicit PipelineByStageChart(QWidget* parent = nullptr);

  void setStages(const std::vector<salesops::StagePipeline>& stages, const QString& currency, int minorDigits);
  // Bars bottom-up: the last stage first.
  QAbstractBarSeries* bars() const { return bars_; }

 signals:
  void stageClicked(const QString& stageName);

 private:
  QAbstractBarSeries* bars_ = nullptr;
};
