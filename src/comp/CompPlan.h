#pragma once
// A compensation plan as COMP.md defines it: components, rate tables, caps, draw, clawback window and ramp.
// Value type built by CompPlanParser; money in minor units of the plan's currency, rates and attainment
// thresholds as exact scaled integers (see ExactMoney.h for the scales).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/Date.h"

namespace salesops::comp {

enum class TierSemantics { Marginal, Retroactive };
enum class Basis { Period, Ytd };
enum class ComponentKind { Commission, Bonus, Spiff, Override };
enum class PayoutPeriod { Month, Quarter };
enum class DrawKind { None, Recoverable, NonRecoverable };

struct Tier {
  std::int64_t fromMicro = 0;  // attainment lower bound in millionths (1.0 = 1'000'000)
  std::int64_t rateNano = 0;   // rate in billionths (0.06 = 60'000'000)
};

struct SpiffFilter {
  std::optional<std::string> type, stage, leadSource;
  std::optional<std::int64_t> minAmount;  // minor units, compared with the converted amount
};

struct Component {
  std::string id;
  ComponentKind kind = ComponentKind::Commission;
  Basis basis = Basis::Period;
  TierSemantics semantics = TierSemantics::Marginal;
  std::vector<Tier> tiers;                  // commission: ascending fromMicro, the first at 0
  std::optional<std::int64_t> cap;          // commission: minor units per period (ytd: year to date)
  std::int64_t minAttainmentMicro = 0;      // bonus
  std::optional<std::int64_t> amount;       // bonus, spiff (flat): minor units
  std::optional<std::int64_t> percentNano;  // spiff: share of the credited amount, in billionths
  SpiffFilter filter;                       // spiff
  std::int64_t rateNano = 0;                // override
};

struct RampStep {
  int month = 1;              // tenure month, 1 = the month of start_date
  std::int64_t percentMilli;  // quota percent in thousandths of a percent (50 % = 50'000)
};

struct CompPlan {
  std::string planId, name, currency;
  Date effectiveFrom;
  std::optional<Date> effectiveTo;
  PayoutPeriod payoutPeriod = PayoutPeriod::Quarter;
  std::int64_t baseSalary = 0, targetVariable = 0;  // minor units; informative (statements, plan cost)
  std::vector<Component> components;
  std::optional<std::int64_t> planCap;
  DrawKind drawKind = DrawKind::None;
  std::int64_t drawAmount = 0;  // per payout period
  int clawbackDays = 0;         // 0: no clawback
  std::vector<RampStep> ramp;   // ascending months
  std::string json;             // the plan text as given, stored and exported unchanged

  // The ramp percent (thousandths) for tenure month m >= 1; 100 % past the schedule.
  std::int64_t rampPercentMilli(int tenureMonth) const noexcept;
};

const char* kindName(ComponentKind kind) noexcept;

}  // namespace salesops::comp
