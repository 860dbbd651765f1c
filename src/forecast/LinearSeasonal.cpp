#include "forecast/LinearSeasonal.h"

#include <Eigen/Dense>
#include <cmath>

#include "forecast/SimpleMethods.h"

namespace salesops::forecast {
namespace {

Eigen::RowVectorXd regressors(std::size_t t, int seasons, int columns) {
  Eigen::RowVectorXd x = Eigen::RowVectorXd::Zero(columns);
  x(0) = 1.0;
  x(1) = static_cast<double>(t);
  if (seasons > 1) {
    const auto position = static_cast<int>(t % static_cast<std::size_t>(seasons));
    if (position > 0) x(1 + position) = 1.0;
  }
  return x;
}

}  // namespace

ForecastPath linearSeasonalForecast(std::span<const double> y, int m, int h) {
  const std::size_t n = y.size();
  const bool seasonal = m > 1 && n >= 2 * static_cast<std::size_t>(m);
  const int seasons = seasonal ? m : 1;
  const int p = 2 + (seasons - 1);
  if (n < static_cast<std::size_t>(p) + 1) return driftForecast(y, h);

  Eigen::MatrixXd X(static_cast<Eigen::Index>(n), p);
  Eigen::VectorXd Y(static_cast<Eigen::Index>(n));
  for (std::size_t t = 0; t < n; ++t) {
    X.row(static_cast<Eigen::Index>(t)) = regressors(t, seasons, p);
    Y(static_cast<Eigen::Index>(t)) = y[t];
  }
  // Column-pivoting QR stays accurate when the time column dwarfs the dummies (long series).
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  const Eigen::VectorXd beta = qr.solve(Y);
  const double rss = (Y - X * beta).squaredNorm();
  const double sigma2 = rss / static_cast<double>(n - static_cast<std::size_t>(p));
  const Eigen::MatrixXd xtxInverse = (X.transpose() * X).ldlt().solve(Eigen::MatrixXd::Identity(p, p));

  ForecastPath path;
  path.used = seasonal ? Method::LinearSeasonal : Method::LinearTrend;
  for (int k = 1; k <= h; ++k) {
    const Eigen::RowVectorXd x = regressors(n - 1 + static_cast<std::size_t>(k), seasons, p);
    path.mean.push_back(x.dot(beta));
    const double leverage = (x * xtxInverse * x.transpose())(0, 0);
    path.sd.push_back(std::sqrt(std::max(0.0, sigma2 * (1 + leverage))));
  }
  return path;
}

}  // namespace salesops::forecast
