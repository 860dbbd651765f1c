#pragma once
// The commit forecast call next to what was booked, per period: how good the calls were.
#include <QChartView>

#include <optional>
#include <vector>

class QBarSeries;

class ForecastVsActualChart : public QChartView {
  Q_OBJECT

 public:
  explicit ForecastVsActualChart(QWidget* parent = nullptr);

  // Equal lengths, currency units; an undefined forecast draws no bar.
  void setPeriods(const QStringList& periods, const std::vector<std::optional<double>>& forecast,
                  const std::vector<double>& bookings, const QString& currency);
  QBarSeries* bars() const { return bars_; }

 private:
  QBarSeries* bars_ = nullptr;
};
