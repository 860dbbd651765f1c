#pragma once
// What the payout engine reads: the KPI snapshot (reps, won deals, splits, quotas in corporate minor units)
// plus the deal attributes SPIFF filters and statements need. Filled by services/CompService from a workbook
// or by tests by hand; immutable while the engine runs.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "comp/CompPlan.h"
#include "kpi/KpiSnapshot.h"

namespace salesops::comp {

struct Assignment {
  std::int32_t rep = -1;  // rep index of the snapshot
  std::string planId;
  Date from;
  std::optional<Date> to;  // inclusive; empty = open-ended
};

struct CompData {
  const KpiSnapshot* snapshot = nullptr;
  std::vector<std::string> opportunityIds;   // external id per opportunity index
  std::vector<std::string> attributeValues;  // distinct type / lead_source texts
  std::vector<std::int32_t> type;            // per opportunity: index into attributeValues, or kNoIndex
  std::vector<std::int32_t> leadSource;      // same
  std::vector<std::int32_t> lostDay;         // per opportunity: the day it became lost (history), kDayMax unknown
  std::vector<CompPlan> plans;               // every version of every plan
  std::vector<Assignment> assignments;
  int minorDigits = 2;

  // The version of plan `planId` in force on `day`, or null.
  const CompPlan* planOn(const std::string& planId, Date day) const noexcept;
};

}  // namespace salesops::comp
