#pragma once
// Edits of a plan's JSON text that keep everything else as the user wrote it (key order, other components):
// the plan editor's rate-table grid saves through here. The result parses with CompPlanParser.
#include <optional>
#include <string>
#include <vector>

#include "comp/CompPlan.h"

namespace salesops::comp {

// The plan text with component `componentId`'s rate table replaced. Error(Data) when there is no such
// commission component.
std::string withRateTable(const std::string& json, const std::string& componentId, TierSemantics semantics,
                          const std::vector<Tier>& tiers);

// The plan text with a new effective_from (a new version of the plan).
std::string withEffectiveFrom(const std::string& json, Date from);

// The plan text with the member at `path` (COMP.md's JSON paths as the parser reports them: "base_salary",
// "draw.amount", "components[2].cap") set to `jsonValue` (JSON text: "\"5000.00\"", "90") or removed when
// nullopt; missing objects on the way are created. Error(Data) for a bad path, index or value text.
std::string withMember(const std::string& json, const std::string& path, const std::optional<std::string>& jsonValue);

// The plan text with a new component of `kind` appended: a template the parser accepts (a 0-rate commission
// table, a bonus at 100 % of 0.00, a flat 0.00 SPIFF, a 0 override), with a fresh id.
std::string withNewComponent(const std::string& json, ComponentKind kind);
// The value at `path` as an editor shows it: strings without quotes, numbers as written, objects and arrays as
// JSON; nullopt when missing or null (or the text is not JSON).
std::optional<std::string> memberText(const std::string& json, const std::string& path);
// The number of components of the plan text (0 when it is not JSON or has none).
std::size_t componentCount(const std::string& json);
// `text` as a JSON string literal.
std::string jsonQuoted(const std::string& text);

// The plan text without component `index`. Error(Data) when out of range.
std::string withoutComponent(const std::string& json, std::size_t index);

}  // namespace salesops::comp
