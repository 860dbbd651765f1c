#include "storage/OpportunityAttributesLoader.h"

#include <algorithm>
#include <map>

namespace salesops {

OpportunityAttributes loadOpportunityAttributes(Workbook& workbook) {
  // Dictionary-encoded: a million opportunities share a handful of sources and types.
  std::map<std::string, std::int32_t, std::less<>> dictionary;
  std::vector<std::int32_t> source, type;
  const auto code = [&](std::string_view text) {
    auto it = dictionary.find(text);
    if (it == dictionary.end()) it = dictionary.emplace(std::string(text), 0).first;
    return &it->second;
  };
  std::vector<std::int32_t*> sourceSlots, typeSlots;
  Statement q =
      workbook.db().prepare("SELECT coalesce(lead_source, ''), coalesce(type, '') FROM opportunity ORDER BY id");
  while (q.step()) {
    sourceSlots.push_back(code(q.text(0)));
    typeSlots.push_back(code(q.text(1)));
  }
  OpportunityAttributes out;
  for (auto& [text, index] : dictionary) {
    index = static_cast<std::int32_t>(out.values.size());
    out.values.push_back(text);
  }
  out.leadSource.reserve(sourceSlots.size());
  out.type.reserve(typeSlots.size());
  for (const auto* slot : sourceSlots) out.leadSource.push_back(*slot);
  for (const auto* slot : typeSlots) out.type.push_back(*slot);
  return out;
}

}  // namespace salesops
