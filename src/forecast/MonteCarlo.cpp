#include "forecast/MonteCarlo.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

#include "common/Error.h"

namespace salesops::forecast {
namespace {

// SplitMix64's finaliser: a bijective mix good enough that consecutive counters give independent-looking
// 64-bit words; two multiplies per draw, no state, so any (deal, trial) can be drawn in any order.
inline std::uint64_t mix(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

// P(u < threshold) for u uniform on 32 bits is threshold / 2^32; p = 1 maps to "always".
std::uint64_t thresholdOf(double p) noexcept {
  if (!(p > 0)) return 0;
  if (p >= 1) return std::uint64_t{1} << 32;
  return static_cast<std::uint64_t>(std::llround(p * 4294967296.0));
}

struct Entry {  // one credit entry with its deal's draw parameters, sorted by group for locality
  std::int32_t group;
  std::int64_t amount;
  std::uint64_t stream;
  std::uint64_t threshold;
};

void runTrials(const std::vector<Entry>& entries, std::int32_t trials, std::int32_t from, std::int32_t to,
               std::int64_t* outcomes, const LongTask& task, bool reports) {
  std::size_t done = 0;
  for (const Entry& e : entries) {
    if (e.threshold == 0) continue;
    std::int64_t* row = outcomes + static_cast<std::int64_t>(e.group) * trials;
    const std::uint64_t stream = e.stream, threshold = e.threshold;
    const std::int64_t amount = e.amount;
    // One 64-bit draw gives the uniforms of trials 2k (low half) and 2k + 1 (high half); a range that starts
    // or ends inside a pair takes its half alone, so any split of the trials draws the same numbers.
    const auto uniform = [stream](std::int32_t t) {
      const std::uint64_t word = mix(stream + static_cast<std::uint64_t>(t >> 1) * kGolden);
      return (t & 1) != 0 ? word >> 32 : word & 0xFFFFFFFFULL;
    };
    std::int32_t t = from;
    if (t < to && (t & 1) != 0) {
      row[t] += amount & -static_cast<std::int64_t>(uniform(t) < threshold);
      ++t;
    }
    for (; t + 1 < to; t += 2) {
      const std::uint64_t word = mix(stream + static_cast<std::uint64_t>(t >> 1) * kGolden);
      row[t] += amount & -static_cast<std::int64_t>((word & 0xFFFFFFFFULL) < threshold);
      row[t + 1] += amount & -static_cast<std::int64_t>((word >> 32) < threshold);
    }
    if (t < to) row[t] += amount & -static_cast<std::int64_t>(uniform(t) < threshold);
    if ((++done & 4095) == 0) {
      task.checkCancelled();
      if (reports)
        task.report("Simulating", static_cast<std::int64_t>(done), static_cast<std::int64_t>(entries.size()));
    }
  }
}

}  // namespace

void SimulationInput::addDeal(std::uint64_t dealKey, double p, std::int32_t group, std::int64_t amount) {
  if (creditBegin.empty()) creditBegin.push_back(0);
  key.push_back(dealKey);
  probability.push_back(p);
  creditGroup.push_back(group);
  creditAmount.push_back(amount);
  creditBegin.push_back(static_cast<std::int32_t>(creditGroup.size()));
}

SimulationResult simulate(const SimulationInput& input, const SimulationOptions& options, const LongTask& task) {
  if (options.trials < 1) throw Error(ErrorKind::Usage, "the simulation needs at least one trial");
  SimulationResult out;
  out.trials = options.trials;
  out.groups = input.groups;
  out.outcomes.assign(static_cast<std::size_t>(input.groups) * static_cast<std::size_t>(options.trials), 0);
  for (std::int32_t g = 0; g < input.groups && g < static_cast<std::int32_t>(input.booked.size()); ++g) {
    std::fill_n(out.outcomes.begin() + static_cast<std::ptrdiff_t>(g) * options.trials, options.trials,
                input.booked[g]);
  }
  std::vector<Entry> entries;
  entries.reserve(input.creditGroup.size());
  for (std::size_t d = 0; d < input.deals(); ++d) {
    const std::uint64_t stream = mix(mix(options.seed) ^ mix(input.key[d] + kGolden));
    for (std::int32_t k = input.creditBegin[d]; k < input.creditBegin[d + 1]; ++k) {
      if (input.creditGroup[k] < 0 || input.creditGroup[k] >= input.groups) {
        throw Error(ErrorKind::Usage, "a simulated deal credits an unknown group");
      }
      entries.push_back({input.creditGroup[k], input.creditAmount[k], stream, thresholdOf(input.probability[d])});
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.group < b.group; });

  const int threads = std::clamp(options.threads, 1, std::max(1, options.trials / 64));
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> failures(static_cast<std::size_t>(threads));
  for (int w = 0; w < threads; ++w) {
    const auto from = static_cast<std::int32_t>(static_cast<std::int64_t>(options.trials) * w / threads);
    const auto to = static_cast<std::int32_t>(static_cast<std::int64_t>(options.trials) * (w + 1) / threads);
    const auto body = [&, from, to, w] {
      try {
        runTrials(entries, options.trials, from, to, out.outcomes.data(), task, w == 0);
      } catch (...) {
        failures[static_cast<std::size_t>(w)] = std::current_exception();
      }
    };
    if (w + 1 == threads) {
      body();
    } else {
      workers.emplace_back(body);
    }
  }
  for (auto& worker : workers) worker.join();
  for (const auto& f : failures) {
    if (f) std::rethrow_exception(f);
  }
  return out;
}

std::int64_t percentile(std::vector<std::int64_t> values, double q) {
  if (values.empty()) return 0;
  const auto n = static_cast<double>(values.size());
  auto rank = static_cast<std::size_t>(std::ceil(q * n));
  rank = std::clamp<std::size_t>(rank, 1, values.size());
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank - 1), values.end());
  return values[rank - 1];
}

double shareAtLeast(const std::vector<std::int64_t>& values, std::int64_t threshold) {
  if (values.empty()) return 0;
  const auto hits = std::count_if(values.begin(), values.end(), [&](std::int64_t v) { return v >= threshold; });
  return static_cast<double>(hits) / static_cast<double>(values.size());
}

}  // namespace salesops::forecast
