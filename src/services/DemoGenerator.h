#pragma once
// A realistic, deterministic demo workbook: the same options give the same records (the audit log's
// times aside). Three fiscal years FY2024..FY2026 of a B2B seller, as of 2026-11-15.
#include <cstdint>
#include <string>

#include "common/Progress.h"
#include "storage/Workbook.h"

namespace salesops {

struct DemoOptions {
  std::int64_t opportunities = 20000;  // 1 .. 1,000,000
  std::uint64_t seed = 1;
};

struct DemoSummary {
  std::int64_t reps = 0, accounts = 0, contacts = 0, opportunities = 0, history = 0, splits = 0, leads = 0,
               activities = 0, quotas = 0, forecastSubmissions = 0, fxRates = 0;
};

// Fills an empty workbook (no reps, accounts or opportunities yet; else Error(Data)). One transaction.
DemoSummary generateDemo(Workbook& workbook, const DemoOptions& options, const LongTask& task = {});

}  // namespace salesops
