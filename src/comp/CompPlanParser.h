#pragma once
// Reads a plan file (COMP.md) into a CompPlan. Strict: an unknown key, a missing field, a rate written as a
// number instead of a string, tiers out of order... are rejected with the JSON path of the value, e.g.
// `plans/AE.json: components[2].rates.tiers[1].from: must be greater than the previous tier's 0.5`.
#include <string>
#include <string_view>

#include "comp/CompPlan.h"

namespace salesops::comp {

// `source` names the file in messages. `minorDigits` are the currency's (2 for USD). Errors: Error(Data)
// with the first problem; nothing else happens.
CompPlan parseCompPlan(std::string_view json, const std::string& source, int minorDigits = 2);

}  // namespace salesops::comp
