#pragma once
// Payout against attainment (0–200 %) of a plan as stored and as edited, side by side, so a change to the
// rate table shows its effect while it is typed.
#include <QChartView>

#include <vector>

#include "services/CompService.h"

class QLineSeries;

class PayoutCurveChart : public QChartView {
  Q_OBJECT

 public:
  explicit PayoutCurveChart(QWidget* parent = nullptr);

  // Money in minor units of a currency with `minorDigits` decimals; either curve may be empty.
  void setCurves(const std::vector<salesops::CurvePoint>& stored, const std::vector<salesops::CurvePoint>& edited,
                 int minorDigits);
  QLineSeries* stored() const { return stored_; }
  QLineSeries* edited() const { return edited_; }

 private:
  QLineSeries* stored_ = nullptr;
  QLineSeries* edited_ = nullptr;
};
