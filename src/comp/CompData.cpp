#include "comp/CompData.h"

namespace salesops::comp {

const CompPlan* CompData::planOn(const std::string& planId, Date day) const noexcept {
  const CompPlan* best = nullptr;
  for (const CompPlan& plan : plans) {
    if (plan.planId != planId || day < plan.effectiveFrom) continue;
    if (plan.effectiveTo && *plan.effectiveTo < day) continue;
    if (!best || best->effectiveFrom < plan.effectiveFrom) best = &plan;
  }
  return best;
}

}  // namespace salesops::comp
