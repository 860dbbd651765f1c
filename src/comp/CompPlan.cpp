#include "comp/CompPlan.h"

namespace salesops::comp {

std::int64_t CompPlan::rampPercentMilli(int tenureMonth) const noexcept {
  for (const RampStep& step : ramp) {
    if (step.month == tenureMonth) return step.percentMilli;
  }
  return 100'000;
}

const char* kindName(ComponentKind kind) noexcept {
  switch (kind) {
    case ComponentKind::Commission:
      return "commission";
    case ComponentKind::Bonus:
      return "bonus";
    case ComponentKind::Spiff:
      return "spiff";
    case ComponentKind::Override:
      return "override";
  }
  return "commission";
}

}  // namespace salesops::comp
