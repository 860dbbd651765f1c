#include "storage/TerritoryStore.h"

#include <algorithm>
#include <unordered_map>

#include "common/Error.h"
#include "common/Fx.h"
#include "storage/StatementDates.h"

namespace salesops {
namespace {

using territory::AssignmentSource;
using territory::ModelStatus;

Date requiredDate(const Statement& q, int column, const std::string& what) {
  const auto d = optionalDate(q, column);
  if (!d) throw Error(ErrorKind::Data, what + ": \"" + std::string(q.text(column)) + "\" is not a date");
  return *d;
}

}  // namespace

std::vector<TerritoryModelRow> readTerritoryModels(Database& db) {
  auto q = db.prepare(
      "SELECT m.id, m.external_id, m.name, m.status, m.active_from, "
      "(SELECT count(*) FROM territory t WHERE t.model_id = m.id), "
      "(SELECT count(DISTINCT r.territory_id || char(31) || CASE WHEN instr(r.rule_id, '!') > 0 THEN "
      "substr(r.rule_id, 1, instr(r.rule_id, '!') - 1) ELSE r.rule_id END) FROM territory_rule r "
      "WHERE r.model_id = m.id), "
      "(SELECT count(*) FROM territory_named_account n WHERE n.model_id = m.id) "
      "FROM territory_model m ORDER BY m.active_from IS NULL, m.active_from, m.external_id");
  std::vector<TerritoryModelRow> rows;
  while (q.step()) {
    TerritoryModelRow row;
    row.rowId = q.int64(0);
    row.id = q.text(1);
    row.name = q.text(2);
    row.status = territory::parseModelStatus(q.text(3)).value_or(ModelStatus::Planning);
    row.activeFrom = optionalDate(q, 4);
    row.territories = q.int64(5);
    row.rules = q.int64(6);
    row.namedAccounts = q.int64(7);
    rows.push_back(std::move(row));
  }
  return rows;
}

territory::Model readTerritoryModel(Database& db, const std::string& modelId) {
  auto head = db.prepare("SELECT id, name, status, active_from FROM territory_model WHERE external_id = ?1");
  head.bind(1, modelId);
  if (!head.step()) throw Error(ErrorKind::Data, "no territory model \"" + modelId + "\" in the workbook");
  territory::Model model;
  const std::int64_t rowId = head.int64(0);
  model.id = modelId;
  model.name = head.text(1);
  model.status = territory::parseModelStatus(head.text(2)).value_or(ModelStatus::Planning);
  model.activeFrom = optionalDate(head, 3);

  std::unordered_map<std::string, std::size_t> index;
  auto territories = db.prepare(
      "SELECT t.territory_id, t.name, t.parent_id, t.type, t.priority, r.external_id FROM territory t "
      "LEFT JOIN rep r ON r.id = t.owner_rep_id WHERE t.model_id = ?1 ORDER BY t.id");
  territories.bind(1, rowId);
  while (territories.step()) {
    territory::Territory t;
    t.id = territories.text(0);
    t.name = territories.text(1);
    t.parentId = territories.text(2);
    t.type = territories.text(3);
    t.priority = territories.isNull(4) ? 0 : territories.int64(4);
    t.ownerRepId = territories.text(5);
    index.emplace(t.id, model.territories.size());
    model.territories.push_back(std::move(t));
  }
  const auto owner = [&](std::string_view territoryId, const std::string& what) -> territory::Territory& {
    const auto found = index.find(std::string(territoryId));
    if (found == index.end())
      throw Error(ErrorKind::Data, "model " + modelId + ": " + what + " names territory \"" + std::string(territoryId) +
                                       "\", which is not a territory of the model");
    return model.territories[found->second];
  };
  auto overlays = db.prepare(
      "SELECT o.territory_id, r.external_id, o.role FROM territory_overlay o JOIN rep r ON r.id = o.rep_id "
      "WHERE o.model_id = ?1 ORDER BY o.id");
  overlays.bind(1, rowId);
  while (overlays.step()) {
    owner(overlays.text(0), "an overlay")
        .overlays.push_back({std::string(overlays.text(1)), std::string(overlays.text(2))});
  }
  auto rules = db.prepare(
      "SELECT territory_id, rule_id, field, operator, coalesce(value, '') FROM territory_rule WHERE model_id = ?1 "
      "ORDER BY id");
  rules.bind(1, rowId);
  while (rules.step()) {
    territory::Territory& t = owner(rules.text(0), "rule " + std::string(rules.text(1)));
    auto [ruleId, negatedGroup] = territory::splitFileRuleId(rules.text(1));
    if (ruleId.empty() || (negatedGroup.empty() && ruleId.size() + 1 == rules.text(1).size()))
      throw Error(ErrorKind::Data, "model " + modelId + " territory " + t.id + " rule_id \"" +
                                       std::string(rules.text(1)) +
                                       "\": a negated group is written RULE!GROUP, both parts non-empty");
    territory::Condition c;
    c.negatedGroup = std::move(negatedGroup);
    const auto field = territory::parseAccountField(rules.text(2));
    const auto op = territory::parseRuleOperator(rules.text(3));
    if (!field || !op)
      throw Error(ErrorKind::Data, "model " + modelId + " territory " + t.id + " rule " + ruleId +
                                       ": unknown field or operator \"" + std::string(rules.text(2)) + " " +
                                       std::string(rules.text(3)) + "\"");
    c.field = *field;
    c.op = *op;
    c.value = rules.text(4);
    auto it = std::find_if(t.rules.begin(), t.rules.end(), [&](const auto& r) { return r.id == ruleId; });
    if (it == t.rules.end()) it = t.rules.insert(t.rules.end(), territory::Rule{ruleId, {}});
    it->conditions.push_back(std::move(c));
  }
  auto named = db.prepare(
      "SELECT n.territory_id, a.external_id FROM territory_named_account n JOIN account a ON a.id = n.account_id "
      "WHERE n.model_id = ?1 ORDER BY n.id");
  named.bind(1, rowId);
  while (named.step()) owner(named.text(0), "a named account").namedAccounts.emplace_back(named.text(1));
  return model;
}

AccountTable readTerritoryAccounts(Database& db) {
  AccountTable table;
  const auto count = static_cast<std::size_t>(db.queryInt("SELECT count(*) FROM account"));
  table.accounts.reserve(count);
  table.rowIds.reserve(count);
  auto q = db.prepare(
      "SELECT a.id, a.external_id, a.name, a.industry, a.country, a.region, a.postal_code, a.employees, "
      "a.annual_revenue, r.external_id FROM account a LEFT JOIN rep r ON r.id = a.owner_rep_id ORDER BY a.id");
  while (q.step()) {
    territory::Account a;
    a.id = q.text(1);
    a.name = q.text(2);
    a.industry = q.text(3);
    a.country = q.text(4);
    a.region = q.text(5);
    a.postalCode = q.text(6);
    a.employees = q.optionalInt64(7);
    a.annualRevenue = q.optionalInt64(8);
    a.ownerRepId = q.text(9);
    table.rowIds.push_back(q.int64(0));
    table.accounts.push_back(std::move(a));
  }
  return table;
}

std::vector<AssignmentRow> readAssignments(Database& db) {
  auto q = db.prepare(
      "SELECT id, account_id, territory_id, effective_from, effective_to, source FROM territory_assignment "
      "ORDER BY account_id, effective_from");
  std::vector<AssignmentRow> rows;
  while (q.step()) {
    AssignmentRow row;
    row.rowId = q.int64(0);
    row.accountRowId = q.int64(1);
    row.territoryId = q.text(2);
    const std::string what = "territory_assignment #" + std::to_string(row.rowId);
    row.from = requiredDate(q, 3, what + " effective_from");
    if (!q.isNull(4)) row.to = requiredDate(q, 4, what + " effective_to");
    row.source = territory::parseAssignmentSource(q.text(5)).value_or(AssignmentSource::Manual);
    rows.push_back(std::move(row));
  }
  return rows;
}

BalanceFacts readBalanceFacts(Database& db, const AccountTable& accounts, const Period& period,
                              const std::string& corporateCurrency) {
  FxTable fx(corporateCurrency);
  auto rates = db.prepare("SELECT currency, valid_from, rate, id FROM fx_rate");
  while (rates.step()) {
    const auto rate = parseDecimal(rates.text(2));
    const auto from = parseDate(rates.text(1));
    if (!rate || !from) throw Error(ErrorKind::Data, "fx_rate #" + std::to_string(rates.int64(3)) + " is malformed");
    fx.addRate(std::string(rates.text(0)), *from, *rate);
  }
  const auto convert = [&](std::int64_t amount, std::string_view currency, Date on, const std::string& what) {
    if (currency.empty() || currency == corporateCurrency) return amount;
    const auto converted = fx.toCorporate(amount, std::string(currency), on);
    if (!converted) throw Error(ErrorKind::Data, what + ": no exchange rate for " + std::string(currency));
    return *converted;
  };

  BalanceFacts facts;
  facts.openPipeline.assign(accounts.rowIds.size(), 0);
  facts.bookings.assign(accounts.rowIds.size(), 0);
  std::unordered_map<std::int64_t, std::size_t> indexOf;
  indexOf.reserve(accounts.rowIds.size());
  for (std::size_t i = 0; i < accounts.rowIds.size(); ++i) indexOf.emplace(accounts.rowIds[i], i);
  auto opportunities = db.prepare(
      "SELECT o.account_id, s.kind, o.amount, coalesce(o.currency, ''), o.close_date, o.external_id FROM opportunity o "
      "JOIN stage s ON s.id = o.stage_id WHERE o.account_id IS NOT NULL AND s.kind IN ('open', 'won') "
      "AND o.close_date BETWEEN ?1 AND ?2");
  opportunities.bind(1, period.start.toString()).bind(2, period.end.toString());
  while (opportunities.step()) {
    const auto found = indexOf.find(opportunities.int64(0));
    if (found == indexOf.end()) continue;
    const auto close = parseDate(opportunities.text(4));
    if (!close) continue;  // the range filter already required a date-like text
    const std::int64_t amount = convert(opportunities.int64(2), opportunities.text(3), *close,
                                        "opportunity " + std::string(opportunities.text(5)));
    (opportunities.text(1) == "won" ? facts.bookings : facts.openPipeline)[found->second] += amount;
  }
  auto quotas = db.prepare(
      "SELECT r.external_id, q.amount, q.currency, q.period_start FROM quota q JOIN rep r ON r.id = q.rep_id "
      "WHERE q.period_start >= ?1 AND q.period_end <= ?2 ORDER BY r.external_id");
  quotas.bind(1, period.start.toString()).bind(2, period.end.toString());
  while (quotas.step()) {
    const std::string rep(quotas.text(0));
    const auto start = parseDate(quotas.text(3));
    const std::int64_t amount =
        convert(quotas.int64(1), quotas.text(2), start.value_or(period.start), "quota of " + rep);
    if (facts.quotaByRep.empty() || facts.quotaByRep.back().first != rep) facts.quotaByRep.emplace_back(rep, 0);
    facts.quotaByRep.back().second += amount;
  }
  return facts;
}

std::vector<OpportunityAccount> readOpportunityAccounts(Database& db) {
  auto q = db.prepare("SELECT id, coalesce(account_id, 0), close_date FROM opportunity ORDER BY id");
  std::vector<OpportunityAccount> rows;
  while (q.step()) rows.push_back({q.int64(0), q.int64(1), parseDate(q.text(2)).value_or(Date{})});
  return rows;
}

}  // namespace salesops
