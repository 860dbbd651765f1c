#pragma once
// Assignment of accounts to the territories of one model (TERRITORY.md "Assignment"):
//  1. a named account goes to the territory naming it;
//  2. otherwise every territory with a matching rule, all of whose ancestors have no rules or a matching
//     rule, is a candidate;
//  3. the winner is the highest priority, then the deepest, then the smallest territory_id (text order);
//  4. no candidate: unassigned.
// Compiling validates the whole model first (unknown parents, cycles, bad rule values, an account named by
// two territories) and throws Error(Data) before anything is assigned. A compiled engine is immutable, so
// any number of threads may assign with it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/Progress.h"
#include "territory/TerritoryModel.h"

namespace salesops::territory {

inline constexpr std::int32_t kUnassigned = -1;

struct Placement {
  std::int32_t territory = kUnassigned;  // index into Model::territories
  AssignmentSource source = AssignmentSource::Rule;
  std::int32_t rule = -1;  // index of the winning rule within the territory (source Rule)
};

struct CandidateExplanation {
  std::int32_t territory = kUnassigned;
  std::vector<std::string> matchedRules;  // rule ids of the territory that match the account
  bool ancestorsAllow = true;             // every ancestor has no rules or a matching rule
  std::string blockedBy;                  // the first ancestor whose rules all fail, when !ancestorsAllow
};

// A rule whose own conditions match the account but which one of its NOT groups rules out.
struct ExcludedRule {
  std::int32_t territory = kUnassigned;
  std::string rule;
  std::string negatedGroup;  // the first group (file order) all of whose conditions match
};

struct Explanation {
  Placement placement;
  std::vector<CandidateExplanation> matched;  // every territory with a matching rule, candidates first
  std::vector<ExcludedRule> excluded;         // rules ruled out by a NOT group, model order
  std::string reason;                         // one sentence: why the winner won (or why none)
};

class AssignmentEngine {
 public:
  // minorDigits: decimals of the corporate currency (annual_revenue rule values). The model is copied.
  AssignmentEngine(Model model, int minorDigits);
  ~AssignmentEngine();
  AssignmentEngine(AssignmentEngine&&) noexcept;
  AssignmentEngine& operator=(AssignmentEngine&&) noexcept;

  const Model& model() const noexcept;
  std::int32_t indexOf(std::string_view territoryId) const noexcept;  // kUnassigned when unknown
  // Territory indexes from the top down to `territory` itself.
  std::vector<std::int32_t> pathOf(std::int32_t territory) const;

  Placement assign(const Account& account) const;
  // One placement per account, in order. Runs on `threads` threads (1 or more); checks task.cancel between
  // blocks of accounts and reports progress from the first thread.
  std::vector<Placement> assignAll(const std::vector<Account>& accounts, const LongTask& task = {},
                                   int threads = 2) const;
  Explanation explain(const Account& account) const;
  // Per territory, per rule (model order): how many accounts the rule's own conditions match, ignoring
  // ancestors, priority and named accounts; what a rule editor shows beside each rule.
  std::vector<std::vector<std::int64_t>> ruleMatchCounts(const std::vector<Account>& accounts,
                                                         const LongTask& task = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops::territory
