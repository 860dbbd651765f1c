#pragma once
// Attainment per rep as horizontal bars (names stay readable) with the 100% line: bookings against quota, comparable
// across quota sizes. Scopes with many reps show the reps with the largest quotas only.
#include <QChartView>

#include <vector>

class QAbstractBarSeries;
class QLineSeries;

class BookingsVsQuotaChart : public QChartView {
  Q_OBJECT

 public:
  static constexpr int kMaxReps = 15;

  struct Rep {
    QString id;
    QString name;
    double bookings = 0;  // currency units
    double quota = 0;
  };

  explicit BookingsVsQuotaChart(QWidget* parent = nullptr);

  void setReps(std::vector<Rep> reps, const QString& currency);
  QAbstractBarSeries* bars() const { return bars_; }
  QLineSeries* target() const { return target_; }
  // The rep ids behind the bars, in bar order.
  const QStringList& repIds() const { return repIds_; }

 signals:
  void repClicked(const QString& repId);

 private:
  QAbstractBarSeries* bars_ = nullptr;
  QLineSeries* target_ = nullptr;
  QStringList repIds_;
};
