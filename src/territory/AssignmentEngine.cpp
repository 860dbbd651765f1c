#include "territory/AssignmentEngine.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "common/Error.h"
#include "territory/RuleMatch.h"

namespace salesops::territory {
namespace {

struct CompiledRule {
  std::int32_t territory = 0;
  std::int32_t index = 0;  // within the territory
  RuleMatcher matcher;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using Bucket = std::unordered_map<std::string, std::vector<std::int32_t>, StringHash, std::equal_to<>>;

// Per-thread scratch: which territories matched the current account, stamped so nothing is cleared.
struct Scratch {
  std::vector<std::uint32_t> stamp;
  std::vector<std::int32_t> firstRule;
  std::vector<std::int32_t> matched;
  std::uint32_t current = 0;
  AccountValues values;
};

}  // namespace

struct AssignmentEngine::Impl {
  Model model;
  std::vector<std::int32_t> parent;  // kUnassigned at the top
  std::vector<std::int32_t> depth;
  std::vector<std::vector<std::int32_t>> ancestors;  // nearest first
  std::vector<std::uint8_t> hasRules;
  std::vector<CompiledRule> rules;
  // Rules with an eq/in condition on a text field are found through that field's value; the rest are
  // tested for every account.
  std::vector<std::pair<AccountField, Bucket>> anchors;
  std::vector<std::int32_t> unanchored;
  std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>> named;
  std::unordered_map<std::string, std::int32_t, StringHash, std::equal_to<>> byId;

  void validateHierarchy() {
    const auto n = static_cast<std::int32_t>(model.territories.size());
    for (std::int32_t t = 0; t < n; ++t) {
      if (!byId.emplace(model.territories[t].id, t).second)
        throw Error(ErrorKind::Data,
                    "model " + model.id + ": territory " + model.territories[t].id + " is listed twice");
    }
    parent.assign(n, kUnassigned);
    for (std::int32_t t = 0; t < n; ++t) {
      const Territory& territory = model.territories[t];
      if (territory.parentId.empty()) continue;
      const auto found = byId.find(territory.parentId);
      if (found == byId.end())
        throw Error(ErrorKind::Data, "model " + model.id + ": territory " + territory.id + " has parent_id \"" +
                                         territory.parentId + "\", which is not a territory of the model");
      parent[t] = found->second;
    }
    depth.assign(n, 0);
    ancestors.assign(n, {});
    for (std::int32_t t = 0; t < n; ++t) {
      for (std::int32_t a = parent[t]; a != kUnassigned; a = parent[a]) {
        if (a == t || static_cast<std::int32_t>(ancestors[t].size()) > n)
          throw Error(ErrorKind::Data,
                      "model " + model.id + ": the parents of territory " + model.territories[t].id + " form a loop");
        ancestors[t].push_back(a);
      }
      depth[t] = static_cast<std::int32_t>(ancestors[t].size());
    }
  }

  void validateNamed() {
    for (std::int32_t t = 0; t < static_cast<std::int32_t>(model.territories.size()); ++t) {
      for (const auto& account : model.territories[t].namedAccounts) {
        const auto [it, inserted] = named.emplace(account, t);
        if (!inserted && it->second != t)
          throw Error(ErrorKind::Data, "model " + model.id + ": account " + account + " is named by territories " +
                                           model.territories[it->second].id + " and " + model.territories[t].id +
                                           "; name it in one territory only");
      }
    }
  }

  void compileRules(int minorDigits) {
    hasRules.assign(model.territories.size(), 0);
    for (std::int32_t t = 0; t < static_cast<std::int32_t>(model.territories.size()); ++t) {
      const Territory& territory = model.territories[t];
      for (std::int32_t r = 0; r < static_cast<std::int32_t>(territory.rules.size()); ++r) {
        const Rule& rule = territory.rules[r];
        const std::string where = "model " + model.id + " territory " + territory.id + " rule " + rule.id;
        CompiledRule compiled{t, r, RuleMatcher(rule, minorDigits, where)};
        rules.push_back(std::move(compiled));
        hasRules[t] = 1;
      }
    }
    for (std::int32_t r = 0; r < static_cast<std::int32_t>(rules.size()); ++r) anchor(r);
  }

  // Files the rule under its most selective eq/in text condition (the one with the fewest values).
  void anchor(std::int32_t r) {
    const CompiledCondition* best = nullptr;
    for (const auto& c : rules[r].matcher.ownConditions()) {
      const bool listed = c.op == RuleOperator::Eq || c.op == RuleOperator::In;
      if (!listed || isNumericField(c.field)) continue;
      if (!best || c.texts.size() < best->texts.size()) best = &c;
    }
    if (!best) {
      unanchored.push_back(r);
      return;
    }
    auto it = std::find_if(anchors.begin(), anchors.end(), [&](const auto& a) { return a.first == best->field; });
    if (it == anchors.end()) it = anchors.insert(anchors.end(), {best->field, Bucket{}});
    for (const auto& value : best->texts) {
      auto& list = it->second[value];
      if (list.empty() || list.back() != r) list.push_back(r);
    }
  }

  bool ruleMatches(const CompiledRule& rule, AccountValues& values) const { return rule.matcher.matches(values); }

  void noteMatch(std::int32_t r, Scratch& s) const {
    const std::int32_t t = rules[r].territory;
    if (s.stamp[t] == s.current) {
      s.firstRule[t] = std::min(s.firstRule[t], rules[r].index);
      return;
    }
    s.stamp[t] = s.current;
    s.firstRule[t] = rules[r].index;
    s.matched.push_back(t);
  }

  // Every territory with a matching rule is stamped and listed in s.matched.
  void collectMatches(const Account& account, Scratch& s) const {
    if (s.stamp.size() != model.territories.size()) {
      s.stamp.assign(model.territories.size(), 0);
      s.firstRule.assign(model.territories.size(), 0);
      s.current = 0;
    }
    if (++s.current == 0) {
      std::fill(s.stamp.begin(), s.stamp.end(), 0);
      s.current = 1;
    }
    s.matched.clear();
    s.values.reset(account);
    for (const auto& [field, bucket] : anchors) {
      const auto found = bucket.find(std::string_view(s.values.text(field)));
      if (found == bucket.end()) continue;
      for (std::int32_t r : found->second) {
        if (s.stamp[rules[r].territory] == s.current && s.firstRule[rules[r].territory] <= rules[r].index) continue;
        if (ruleMatches(rules[r], s.values)) noteMatch(r, s);
      }
    }
    for (std::int32_t r : unanchored) {
      if (s.stamp[rules[r].territory] == s.current && s.firstRule[rules[r].territory] <= rules[r].index) continue;
      if (ruleMatches(rules[r], s.values)) noteMatch(r, s);
    }
  }

  // The first ancestor whose rules all fail, or kUnassigned when every ancestor allows the territory.
  std::int32_t blocker(std::int32_t t, const Scratch& s) const {
    for (std::int32_t a : ancestors[t]) {
      if (hasRules[a] && s.stamp[a] != s.current) return a;
    }
    return kUnassigned;
  }

  bool better(std::int32_t a, std::int32_t b) const {
    const Territory& ta = model.territories[a];
    const Territory& tb = model.territories[b];
    if (ta.priority != tb.priority) return ta.priority > tb.priority;
    if (depth[a] != depth[b]) return depth[a] > depth[b];
    return ta.id < tb.id;
  }

  Placement place(const Account& account, Scratch& s) const {
    if (!named.empty()) {
      const auto found = named.find(std::string_view(account.id));
      if (found != named.end()) return {found->second, AssignmentSource::Named, -1};
    }
    collectMatches(account, s);
    Placement best;
    for (std::int32_t t : s.matched) {
      if (blocker(t, s) != kUnassigned) continue;
      if (best.territory == kUnassigned || better(t, best.territory))
        best = {t, AssignmentSource::Rule, s.firstRule[t]};
    }
    return best;
  }
};

AssignmentEngine::AssignmentEngine(Model model, int minorDigits) : impl_(std::make_unique<Impl>()) {
  impl_->model = std::move(model);
  impl_->validateHierarchy();
  impl_->validateNamed();
  impl_->compileRules(minorDigits);
}

AssignmentEngine::~AssignmentEngine() = default;
AssignmentEngine::AssignmentEngine(AssignmentEngine&&) noexcept = default;
AssignmentEngine& AssignmentEngine::operator=(AssignmentEngine&&) noexcept = default;

const Model& AssignmentEngine::model() const noexcept { return impl_->model; }

std::int32_t AssignmentEngine::indexOf(std::string_view territoryId) const noexcept {
  const auto found = impl_->byId.find(territoryId);
  return found == impl_->byId.end() ? kUnassigned : found->second;
}

std::vector<std::int32_t> AssignmentEngine::pathOf(std::int32_t territory) const {
  std::vector<std::int32_t> path(impl_->ancestors[territory].rbegin(), impl_->ancestors[territory].rend());
  path.push_back(territory);
  return path;
}

Placement AssignmentEngine::assign(const Account& account) const {
  Scratch scratch;
  return impl_->place(account, scratch);
}

std::vector<Placement> AssignmentEngine::assignAll(const std::vector<Account>& accounts, const LongTask& task,
                                                   int threads) const {
  std::vector<Placement> out(accounts.size());
  const std::size_t n = accounts.size();
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, n / 4096 + 1));
  constexpr std::size_t kBlock = 16384;
  std::atomic<bool> stop{false};
  auto work = [&](std::size_t worker) {
    Scratch scratch;
    const std::size_t begin = n * worker / workers, end = n * (worker + 1) / workers;
    for (std::size_t block = begin; block < end && !stop.load(std::memory_order_relaxed); block += kBlock) {
      const std::size_t blockEnd = std::min(end, block + kBlock);
      for (std::size_t i = block; i < blockEnd; ++i) out[i] = impl_->place(accounts[i], scratch);
      if (task.cancel && task.cancel->cancelled()) stop = true;
      if (worker == 0)
        task.report("Assigning accounts", static_cast<std::int64_t>((blockEnd - begin) * workers),
                    static_cast<std::int64_t>(n));
    }
  };
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work, w);
  work(0);
  for (auto& t : pool) t.join();
  task.checkCancelled();
  return out;
}

std::vector<std::vector<std::int64_t>> AssignmentEngine::ruleMatchCounts(const std::vector<Account>& accounts,
                                                                         const LongTask& task) const {
  std::vector<std::vector<std::int64_t>> counts;
  for (const auto& t : impl_->model.territories) counts.emplace_back(t.rules.size(), 0);
  AccountValues values;
  for (std::size_t i = 0; i < accounts.size(); ++i) {
    values.reset(accounts[i]);
    for (const auto& rule : impl_->rules) {
      if (impl_->ruleMatches(rule, values)) ++counts[rule.territory][rule.index];
    }
    if ((i & 4095) == 4095) {
      task.checkCancelled();
      task.report("Counting rule matches", static_cast<std::int64_t>(i), static_cast<std::int64_t>(accounts.size()));
    }
  }
  return counts;
}

Explanation AssignmentEngine::explain(const Account& account) const {
  Scratch s;
  Explanation e;
  e.placement = impl_->place(account, s);
  const Model& m = impl_->model;
  if (e.placement.source == AssignmentSource::Named) {
    e.reason = "named account of territory " + m.territories[e.placement.territory].id + "; rules are not consulted";
    return e;
  }
  // Every matching rule of every matching territory, not only the first found.
  for (std::int32_t t : s.matched) {
    CandidateExplanation c;
    c.territory = t;
    const Territory& territory = m.territories[t];
    for (const auto& rule : impl_->rules) {
      if (rule.territory == t && impl_->ruleMatches(rule, s.values))
        c.matchedRules.push_back(territory.rules[rule.index].id);
    }
    const std::int32_t blocked = impl_->blocker(t, s);
    c.ancestorsAllow = blocked == kUnassigned;
    if (!c.ancestorsAllow) c.blockedBy = m.territories[blocked].id;
    e.matched.push_back(std::move(c));
  }
  for (const auto& rule : impl_->rules) {
    if (!rule.matcher.ownConditionsMatch(s.values)) continue;
    if (const std::string* group = rule.matcher.excludingGroup(s.values))
      e.excluded.push_back({rule.territory, m.territories[rule.territory].rules[rule.index].id, *group});
  }
  std::stable_sort(e.matched.begin(), e.matched.end(), [&](const auto& a, const auto& b) {
    if (a.ancestorsAllow != b.ancestorsAllow) return a.ancestorsAllow;
    return a.ancestorsAllow && impl_->better(a.territory, b.territory);
  });
  if (e.placement.territory == kUnassigned) {
    e.reason = e.matched.empty() ? "no rule of any territory matches the account"
                                 : "rules match, but each such territory has an ancestor whose rules all fail";
    return e;
  }
  const Territory& winner = m.territories[e.placement.territory];
  std::size_t candidates = 0;
  for (const auto& c : e.matched) candidates += c.ancestorsAllow ? 1 : 0;
  if (candidates == 1) {
    e.reason = "the only candidate";
  } else {
    const Territory& runnerUp = m.territories[e.matched[1].territory];
    if (winner.priority != runnerUp.priority) {
      e.reason =
          "highest priority (" + std::to_string(winner.priority) + " over " + std::to_string(runnerUp.priority) + ")";
    } else if (impl_->depth[e.placement.territory] != impl_->depth[e.matched[1].territory]) {
      e.reason = "same priority, deeper in the hierarchy (level " +
                 std::to_string(impl_->depth[e.placement.territory]) + " over " +
                 std::to_string(impl_->depth[e.matched[1].territory]) + ")";
    } else {
      e.reason = "same priority and level, smallest territory_id (" + winner.id + " before " + runnerUp.id + ")";
    }
  }
  e.reason = "rule " + winner.rules[e.placement.rule].id + " of " + winner.id + " wins: " + e.reason;
  return e;
}

}  // namespace salesops::territory
