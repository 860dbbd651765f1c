#pragma once
// Monte Carlo simulation of the open deals of a period (issue 5, part 3): in every trial each deal closes
// won inside the period independently with its probability; a trial's outcome per group (rep) is what the
// group has already booked plus the credited amounts of the deals that closed. Random numbers come from a
// counter-based generator keyed by (seed, deal key, trial), so results depend only on the seed and the
// data, never on the thread count or the order of work. Money is summed in int64 minor units.
#include <cstdint>
#include <vector>

#include "common/Progress.h"

namespace salesops::forecast {

struct SimulationInput {
  std::int32_t groups = 0;           // outcome rows (reps), 0..groups-1
  std::vector<std::int64_t> booked;  // per group: amount already closed won, minor units (may be empty)
  // Per deal.
  std::vector<std::uint64_t> key;   // stable identity (e.g. the opportunity index); equal keys draw alike
  std::vector<double> probability;  // of closing won inside the period, 0..1
  // Credit entries: deal d credits creditAmount[k] to creditGroup[k] for k in creditBegin[d]..creditBegin[d+1].
  std::vector<std::int32_t> creditBegin;  // size deals + 1
  std::vector<std::int32_t> creditGroup;
  std::vector<std::int64_t> creditAmount;

  std::size_t deals() const noexcept { return key.size(); }
  // Adds a deal credited wholly to one group.
  void addDeal(std::uint64_t dealKey, double p, std::int32_t group, std::int64_t amount);
};

struct SimulationOptions {
  std::int32_t trials = 10000;
  std::uint64_t seed = 1;
  int threads = 2;  // the result does not depend on it
};

struct SimulationResult {
  std::int32_t trials = 0;
  std::int32_t groups = 0;
  std::vector<std::int64_t> outcomes;  // group-major: outcomes[g * trials + t]
  const std::int64_t* row(std::int32_t group) const noexcept { return outcomes.data() + group * trials; }
};

// Errors: Error(Usage) for trials < 1 or a credit entry naming an unknown group; Error(Cancelled).
SimulationResult simulate(const SimulationInput& input, const SimulationOptions& options, const LongTask& task = {});

// Nearest-rank percentile (q in (0, 1]) of a set of trial outcomes: the ceil(q·n)-th smallest.
std::int64_t percentile(std::vector<std::int64_t> values, double q);
// Share of the values ≥ threshold.
double shareAtLeast(const std::vector<std::int64_t>& values, std::int64_t threshold);

}  // namespace salesops::forecast
