#pragma once
// Win rate (left axis, percent) and average sales cycle (right axis, days) over consecutive periods.
// Periods where a KPI is undefined leave a gap instead of a misleading zero.
#include <QChartView>

#include <optional>
#include <vector>

class QLineSeries;

class TrendChart : public QChartView {
  Q_OBJECT

 public:
  explicit TrendChart(QWidget* parent = nullptr);

  // Equal lengths: one entry per period name.
  void setTrend(const QStringList& periods, const std::vector<std::optional<double>>& winRatePercent,
                const std::vector<std::optional<double>>& cycleDays);
  QLineSeries* winRate() const { return winRate_; }
  QLineSeries* cycle() const { return cycle_; }

 private:
  QLineSeries* winRate_ = nullptr;
  QLineSeries* cycle_ = nullptr;
};
