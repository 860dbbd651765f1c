#pragma once
// How the Territories page words and formats balance figures (locale numbers, whole currency units).
#include <QString>

#include <optional>

#include "services/TerritoryService.h"

namespace territorytext {

QString metricLabel(salesops::BalanceMetric metric);
QString money(std::int64_t minor, const salesops::BalanceReport& report);
QString value(std::int64_t value, salesops::BalanceMetric metric, const salesops::BalanceReport& report);
QString ratio(const std::optional<double>& value, int decimals);
// A ratio as a percentage with one decimal ("12.3%"), a dash when undefined.
QString percent(const std::optional<double>& value);
// "CV 12.3%, Gini 0.081, max/min 1.45"
QString imbalance(const salesops::BalanceReport& report, salesops::BalanceMetric metric);

}  // namespace territorytext
