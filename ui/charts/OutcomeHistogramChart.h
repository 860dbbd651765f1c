#pragma once
// The Monte Carlo outcomes of a team's period as a histogram, with the quota and the commit call drawn as
// vertical lines: how likely each is at a glance.
#include <QChartView>

#include <cstdint>
#include <vector>

class QBarSeries;

class OutcomeHistogramChart : public QChartView {
  Q_OBJECT

 public:
  explicit OutcomeHistogramChart(QWidget* parent = nullptr);
  // edges: bins + 1 bin edges in currency units; counts per bin; quota/commit in currency units (0 = none).
  void setHistogram(const std::vector<double>& edges, const std::vector<std::int64_t>& counts, double quota,
                    double commit, const QString& currency);
  int binCount() const { return bins_; }

 private:
  int bins_ = 0;
};
