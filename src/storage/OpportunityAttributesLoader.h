#pragma once
// The opportunity text attributes the KPI snapshot leaves out (lead_source, type), for reports that break
// figures down by them. Rows follow the snapshot's order (opportunity id ascending), so index o here is
// opportunity o of KpiSnapshot::opportunities when both are read from the same workbook state.
#include <cstdint>
#include <string>
#include <vector>

#include "storage/Workbook.h"

namespace salesops {

struct OpportunityAttributes {
  std::vector<std::string> values;       // distinct values, sorted; "" (not set) included when it occurs
  std::vector<std::int32_t> leadSource;  // per opportunity: index into values
  std::vector<std::int32_t> type;        // per opportunity: index into values
  std::size_t size() const noexcept { return leadSource.size(); }
};

OpportunityAttributes loadOpportunityAttributes(Workbook& workbook);

}  // namespace salesops
