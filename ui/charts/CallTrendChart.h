#pragma once
// The weekly trend of a team's forecast calls (commit, best case, pipeline) with the result so far as a
// flat line: how the call moved through the quarter.
#include <QChartView>
#include <QDate>

#include <vector>

class QLineSeries;

class CallTrendChart : public QChartView {
  Q_OBJECT

 public:
  struct Week {
    QDate end;
    double commit = 0, bestCase = 0, pipeline = 0;  // currency units
  };
  explicit CallTrendChart(QWidget* parent = nullptr);
  void setTrend(const std::vector<Week>& weeks, double result, const QString& currency);
  QLineSeries* commitSeries() const { return commit_; }

 private:
  QLineSeries* commit_ = nullptr;
};
