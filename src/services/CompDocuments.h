#pragma once
// Text forms of payouts: the payout register for payroll (CSV, columns of COMP.md) and a rep's statement
// (CSV with one row per line and per credited deal, or one printable HTML page). Pure functions.
#include <string>

#include "services/CompService.h"

namespace salesops {

// rep_id, period_start, period_end, plan_id, component, kind, amount, detail.
std::string payoutRegisterCsv(const PayoutOutcome& payout);

// period_start, period_end, plan_id, component, kind, amount, detail, opportunity_id, credited_amount: a row
// per ledger line, then a row per deal behind it (amount empty, the deal's id and the rep's credited amount).
std::string statementCsv(const PayoutOutcome& statement);

// A self-contained HTML page: header, lines with their rules and deals, total, draw balance left.
std::string statementHtml(const PayoutOutcome& statement);

// Credit in ten-thousandths of a minor unit as money text with up to four extra decimals trimmed to the
// currency's digits when exact ("90000.00", "333.3033").
std::string creditText(std::int64_t credit4, int minorDigits);

}  // namespace salesops
