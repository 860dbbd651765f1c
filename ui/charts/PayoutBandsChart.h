#pragma once
// Pay per attainment band as vertical bars, one bar set per plan variant (the plan cost shows one, the
// what-if the current plan beside the candidate), so where the money goes across reps reads at a glance.
#include <QChartView>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

class QBarSeries;

class PayoutBandsChart : public QChartView {
  Q_OBJECT

 public:
  explicit PayoutBandsChart(QWidget* parent = nullptr);

  // One name and value per category for each set; money in minor units with `minorDigits` decimals.
  using BarSet = std::pair<QString, std::vector<std::int64_t>>;
  void setBands(const QStringList& categories, const std::vector<BarSet>& sets, int minorDigits,
                const QString& currency);
  QBarSeries* series() const { return series_; }

 private:
  QBarSeries* series_ = nullptr;
};
