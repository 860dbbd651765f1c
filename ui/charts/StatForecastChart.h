#pragma once
// Monthly bookings and the statistical forecast after them, with the 80 % and 95 % prediction intervals as
// shaded bands.
#include <QChartView>
#include <QDate>

#include <vector>

class QLineSeries;

class StatForecastChart : public QChartView {
  Q_OBJECT

 public:
  explicit StatForecastChart(QWidget* parent = nullptr);
  // months: history then forecast months; values in currency units. The interval vectors match `mean`.
  void setForecast(const std::vector<QDate>& months, const std::vector<double>& history,
                   const std::vector<double>& mean, const std::vector<double>& lo80, const std::vector<double>& hi80,
                   const std::vector<double>& lo95, const std::vector<double>& hi95, const QString& method,
                   const QString& currency);
  QLineSeries* forecastSeries() const { return forecast_; }

 private:
  QLineSeries* forecast_ = nullptr;
};
