#include "kpi/KpiEngine.h"

#include <algorithm>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "kpi/KpiRepCells.h"

namespace salesops {
namespace {

// What a group's KPIs are derived from: the sums of its reps' cells for one period.
struct GroupSums {
  __int128 credit = 0;
  std::int64_t won = 0, lost = 0;
  __int128 wonAmount = 0, lostAmount = 0;
  std::int64_t cycleCount = 0, cycleDaysSum = 0;
  std::vector<std::int64_t> dealAmounts;
  std::vector<std::int32_t> cycleDays;
  std::int64_t openCount = 0;
  __int128 pipeline = 0, weighted = 0;
  ExactQuota quota;
  std::int64_t repsWithQuota = 0, repsAtQuota = 0;
  bool anyForecast = false;
  std::int64_t forecast = 0;
  __int128 wapeError = 0, wapeCredit = 0, wapeForecast = 0;  // ten-thousandths of a minor unit
  std::int64_t leads = 0, leadsConverted = 0, leadsAnswered = 0;
  __int128 responseSecondsSum = 0;
  std::vector<std::int64_t> responseSeconds;
  std::int64_t meetings = 0, sellingMinutes = 0, activityMinutes = 0;
  std::int32_t employed = 0;
  __int128 openAmount = 0, pastDueAmount = 0;
  std::vector<std::int64_t> levels;
  std::vector<std::int32_t> forecastMissing;
};

__int128 absolute(__int128 v) noexcept { return v < 0 ? -v : v; }
double toDouble(__int128 v) noexcept { return static_cast<double>(static_cast<long double>(v)); }
double ratio(__int128 num, __int128 den) noexcept {
  return static_cast<double>(static_cast<long double>(num) / static_cast<long double>(den));
}

// The middle element(s) of an unsorted list; the list is reordered. Precondition: not empty.
template <typename T>
std::pair<T, T> middle(std::vector<T>& values) {
  const std::size_t half = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half), values.end());
  const T upper = values[half];
  if (values.size() % 2 == 1) return {upper, upper};
  const T lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(half));
  return {lower, upper};
}

GroupSums sumGroup(const KpiRepCells& cells, const KpiGroup& group, std::size_t period) {
  GroupSums g;
  g.levels.assign(cells.levelCount(), 0);
  for (const std::int32_t rep : group.reps) {
    const RepPeriodCell& c = cells.at(rep, period);
    g.credit += c.credit;
    g.won += c.won;
    g.lost += c.lost;
    g.wonAmount += c.wonAmount;
    g.lostAmount += c.lostAmount;
    g.cycleCount += c.cycleCount;
    g.cycleDaysSum += c.cycleDaysSum;
    g.dealAmounts.insert(g.dealAmounts.end(), c.dealAmounts.begin(), c.dealAmounts.end());
    g.cycleDays.insert(g.cycleDays.end(), c.cycleDays.begin(), c.cycleDays.end());
    g.openCount += c.openCount;
    g.pipeline += c.pipeline;
    g.weighted += c.weighted;
    g.quota.add(c.quota);
    if (c.quota.isPositive()) {
      ++g.repsWithQuota;
      if (c.quota.compareCredit(c.credit) >= 0) ++g.repsAtQuota;
    }
    if (c.hasForecast) {
      g.anyForecast = true;
      g.forecast += c.forecastAmount;
      g.wapeError += absolute(static_cast<__int128>(c.forecastAmount) * 10000 - c.credit);
      g.wapeCredit += c.credit;
      g.wapeForecast += static_cast<__int128>(c.forecastAmount) * 10000;
    } else {
      g.forecastMissing.push_back(rep);
    }
    g.leads += c.leads;
    g.leadsConverted += c.leadsConverted;
    g.leadsAnswered += c.leadsAnswered;
    g.responseSecondsSum += c.responseSecondsSum;
    g.responseSeconds.insert(g.responseSeconds.end(), c.responseSeconds.begin(), c.responseSeconds.end());
    g.meetings += c.meetings;
    g.sellingMinutes += c.sellingMinutes;
    g.activityMinutes += c.activityMinutes;
    if (c.employed) ++g.employed;
    g.openAmount += cells.totals(rep).openAmount;
    g.pastDueAmount += cells.totals(rep).pastDueAmount;
    const std::int64_t* levels = cells.levels(rep, period);
    for (std::size_t l = 0; l < g.levels.size(); ++l) g.levels[l] += levels[l];
  }
  return g;
}

void stageConversion(const KpiSnapshot& snapshot, const GroupSums& g, KpiGridCell& cell) {
  const std::size_t open = snapshot.openStages.size();
  // reached[pos]: opportunities whose level (1 + furthest open position, open + 1 when won) is > pos.
  std::vector<std::int64_t> reached(open + 1, 0);
  std::int64_t atLeast = 0;
  for (std::size_t level = g.levels.size(); level-- > 1;) {
    atLeast += g.levels[level];
    if (level - 1 < reached.size()) reached[level - 1] = atLeast;
  }
  double sum = 0;
  int defined = 0;
  for (std::size_t pos = 0; pos + 1 < open; ++pos) {
    StageConversionStep step;
    step.fromStage = snapshot.openStages[pos];
    step.toStage = snapshot.openStages[pos + 1];
    step.reachedFrom = reached[pos];
    step.reachedTo = reached[pos + 1];
    if (step.reachedFrom > 0) {
      step.rate = KpiValue::of(static_cast<double>(step.reachedTo) / static_cast<double>(step.reachedFrom));
      sum += step.rate.number;
      ++defined;
    }
    cell.stageSteps.push_back(step);
  }
  cell[KpiId::StageConversion] = defined > 0 ? KpiValue::of(sum / defined) : KpiValue::undefined();
}

void derive(const KpiSnapshot& snapshot, double minorPerUnit, const KpiDefinitionChoices& choices, GroupSums& g,
            KpiGridCell& cell) {
  using enum KpiId;
  using Choices = KpiDefinitionChoices;
  const KpiValue none = KpiValue::undefined();
  const double bookings = toDouble(g.credit) / 10000.0;
  cell[Bookings] = KpiValue::money(divideRounded(g.credit, 10000), bookings);
  cell[Quota] = KpiValue::money(g.quota.rounded(), g.quota.value());
  cell[Attainment] = g.quota.isZero() ? none : KpiValue::of(bookings / g.quota.value());
  cell[AttainmentRate] =
      g.repsWithQuota == 0 ? none : KpiValue::of(static_cast<double>(g.repsAtQuota) / g.repsWithQuota);

  const std::int64_t closed = g.won + g.lost;
  cell[WinRate] = closed == 0 ? none : KpiValue::of(static_cast<double>(g.won) / static_cast<double>(closed));
  const __int128 closedAmount = g.wonAmount + g.lostAmount;
  cell[WinRateValue] = closedAmount == 0 ? none : KpiValue::of(ratio(g.wonAmount, closedAmount));
  const bool medians = choices.cycleStatistic == Choices::CycleStatistic::Median;
  if (g.cycleCount > 0) {
    const auto [lowDays, highDays] = middle(g.cycleDays);
    const KpiValue median = KpiValue::of((static_cast<double>(lowDays) + highDays) / 2.0);
    cell[CycleDaysMedian] = median;
    cell[CycleDays] =
        medians ? median : KpiValue::of(static_cast<double>(g.cycleDaysSum) / static_cast<double>(g.cycleCount));
  }
  if (g.won > 0) {
    const auto [low, high] = middle(g.dealAmounts);
    const __int128 pair = static_cast<__int128>(low) + high;
    const KpiValue median = KpiValue::money(divideRounded(pair, 2), toDouble(pair) / 2.0);
    cell[DealSizeMedian] = median;
    cell[DealSize] = medians ? median : KpiValue::money(divideRounded(g.wonAmount, g.won), ratio(g.wonAmount, g.won));
  }
  cell[Pipeline] = KpiValue::money(static_cast<std::int64_t>(g.pipeline), toDouble(g.pipeline));
  cell[WeightedPipeline] = KpiValue::money(divideRounded(g.weighted, 10000), toDouble(g.weighted) / 10000.0);
  if (choices.coverageBase == Choices::CoverageBase::FullQuota) {
    cell[Coverage] = g.quota.isPositive() ? KpiValue::of(toDouble(g.pipeline) / g.quota.value()) : none;
  } else {
    const double remaining = -g.quota.minusFromCredit(g.credit);
    cell[Coverage] = g.quota.compareCredit(g.credit) >= 0 ? none : KpiValue::of(toDouble(g.pipeline) / remaining);
  }
  const KpiValue& winRate = choices.winRateBasis == Choices::WinRateBasis::Value ? cell[WinRateValue] : cell[WinRate];
  const KpiValue &dealSize = cell[DealSize], &cycle = cell[CycleDays];
  if (winRate && dealSize && cycle && cycle.number != 0) {
    cell[Velocity] = KpiValue::of(static_cast<double>(g.openCount) * winRate.number * (dealSize.number / minorPerUnit) /
                                  cycle.number);
  }
  cell[PastDueShare] = g.openAmount == 0 ? none : KpiValue::of(ratio(g.pastDueAmount, g.openAmount));

  if (g.anyForecast) {
    cell[Forecast] = KpiValue::money(g.forecast, static_cast<double>(g.forecast));
    // Both in ten-thousandths of a minor unit; the base is the actual bookings or the call itself.
    const __int128 call = static_cast<__int128>(g.forecast) * 10000;
    const __int128 base = choices.accuracyBase == Choices::AccuracyBase::Forecast ? call : g.credit;
    if (base != 0) {
      const __int128 error = call - g.credit;
      cell[ForecastError] = KpiValue::of(ratio(error, base));
      cell[ForecastAccuracy] = KpiValue::of(1.0 - ratio(absolute(error), base));
    }
  }
  const __int128 wapeBase = choices.accuracyBase == Choices::AccuracyBase::Forecast ? g.wapeForecast : g.wapeCredit;
  cell[ForecastWape] = wapeBase == 0 ? none : KpiValue::of(ratio(g.wapeError, wapeBase));
  cell.forecastMissing = std::move(g.forecastMissing);

  if (g.leadsAnswered > 0) {
    cell[LeadResponseHours] = KpiValue::of(ratio(g.responseSecondsSum, g.leadsAnswered) / 3600.0);
    const auto [low, high] = middle(g.responseSeconds);
    cell[LeadResponseHoursMedian] = KpiValue::of((static_cast<double>(low) + static_cast<double>(high)) / 7200.0);
  }
  cell[LeadsUnanswered] = KpiValue::of(static_cast<double>(g.leads - g.leadsAnswered));
  cell[LeadConversion] =
      g.leads == 0 ? none : KpiValue::of(static_cast<double>(g.leadsConverted) / static_cast<double>(g.leads));
  cell.employedReps = g.employed;
  cell[MeetingsPerRep] = g.employed == 0 ? none : KpiValue::of(static_cast<double>(g.meetings) / g.employed);
  cell[SellingTimeShare] =
      g.activityMinutes == 0
          ? none
          : KpiValue::of(static_cast<double>(g.sellingMinutes) / static_cast<double>(g.activityMinutes));
  stageConversion(snapshot, g, cell);
}

}  // namespace

KpiGrid computeKpis(const KpiSnapshot& snapshot, const std::vector<KpiGroup>& groups,
                    const std::vector<Period>& periods, const KpiParams& params) {
  const auto repCount = static_cast<std::int32_t>(snapshot.reps.size());
  for (const auto& group : groups) {
    for (const std::int32_t rep : group.reps) {
      if (rep < 0 || rep >= repCount) {
        throw Error(ErrorKind::Internal, "KPI group " + group.id + " names rep index " + std::to_string(rep) + " of " +
                                             std::to_string(repCount));
      }
    }
  }
  if (snapshot.splitBegin.size() != snapshot.opportunities.size() + 1 ||
      snapshot.reachedLevel.size() != snapshot.opportunities.size()) {
    throw Error(ErrorKind::Internal, "KPI snapshot used before buildIndexes()");
  }
  const KpiRepCells cells(snapshot, periods, params);
  const int digits = isCurrencyCode(snapshot.currency) ? minorDigits(snapshot.currency) : 2;
  const auto minorPerUnit = static_cast<double>(pow10(digits));
  KpiGrid grid(groups.size(), periods.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t p = 0; p < periods.size(); ++p) {
      GroupSums sums = sumGroup(cells, groups[g], p);
      derive(snapshot, minorPerUnit, params.choices, sums, grid.cell(g, p));
    }
  }
  return grid;
}

}  // namespace salesops
