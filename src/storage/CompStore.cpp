#include "storage/CompStore.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "common/Error.h"
#include "storage/StatementDates.h"

namespace salesops {
namespace {

Date dateAt(Statement& q, int column) {
  const auto d = parseDate(q.text(column));
  if (!d)
    throw Error(ErrorKind::Workbook, "a compensation row holds a bad date \"" + std::string(q.text(column)) + "\"");
  return *d;
}

std::optional<std::string> dateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->toString();
}

}  // namespace

const char* periodStatusName(PeriodStatus status) noexcept {
  switch (status) {
    case PeriodStatus::Open:
      return "open";
    case PeriodStatus::Processed:
      return "processed";
    case PeriodStatus::Locked:
      return "locked";
  }
  return "open";
}

std::vector<StoredPlan> CompStore::plans() {
  Statement q = db_.prepare(
      "SELECT plan_id, effective_from, effective_to, coalesce(name, ''), json FROM comp_plan "
      "ORDER BY plan_id, effective_from");
  std::vector<StoredPlan> out;
  while (q.step()) {
    out.push_back(
        {std::string(q.text(0)), dateAt(q, 1), optionalDate(q, 2), std::string(q.text(3)), std::string(q.text(4))});
  }
  return out;
}

WriteOutcome CompStore::savePlan(const StoredPlan& plan) {
  Statement find =
      db_.prepare("SELECT id, json, effective_to FROM comp_plan WHERE plan_id = ?1 AND effective_from = ?2");
  find.bind(1, plan.planId).bind(2, plan.effectiveFrom.toString());
  if (find.step()) {
    const std::int64_t id = find.int64(0);
    if (find.text(1) == plan.json) return WriteOutcome::Unchanged;
    Statement update = db_.prepare("UPDATE comp_plan SET effective_to = ?1, name = ?2, json = ?3 WHERE id = ?4");
    update.bind(1, dateText(plan.effectiveTo)).bind(2, plan.name).bind(3, plan.json).bind(4, id);
    update.run();
    return WriteOutcome::Updated;
  }
  Statement insert = db_.prepare(
      "INSERT INTO comp_plan (plan_id, effective_from, effective_to, name, json) VALUES (?1, ?2, ?3, ?4, ?5)");
  insert.bind(1, plan.planId).bind(2, plan.effectiveFrom.toString()).bind(3, dateText(plan.effectiveTo));
  insert.bind(4, plan.name).bind(5, plan.json);
  insert.run();
  return WriteOutcome::Inserted;
}

std::vector<StoredAssignment> CompStore::assignments() {
  Statement q = db_.prepare(
      "SELECT r.external_id, a.plan_id, a.effective_from, a.effective_to FROM comp_assignment a "
      "JOIN rep r ON r.id = a.rep_id ORDER BY r.external_id, a.effective_from");
  std::vector<StoredAssignment> out;
  while (q.step()) out.push_back({std::string(q.text(0)), std::string(q.text(1)), dateAt(q, 2), optionalDate(q, 3)});
  return out;
}

WriteOutcome CompStore::saveAssignment(const StoredAssignment& a) {
  Statement rep = db_.prepare("SELECT id FROM rep WHERE external_id = ?1");
  rep.bind(1, a.repId);
  if (!rep.step())
    throw Error(ErrorKind::Data, "rep \"" + a.repId + "\" is not in the workbook", Location{"", 0, "rep"});
  const std::int64_t repKey = rep.int64(0);
  Statement find = db_.prepare(
      "SELECT id, plan_id, coalesce(effective_to, '') FROM comp_assignment WHERE rep_id = ?1 AND effective_from = ?2");
  find.bind(1, repKey).bind(2, a.from.toString());
  const std::string to = a.to ? a.to->toString() : "";
  if (find.step()) {
    if (find.text(1) == a.planId && find.text(2) == to) return WriteOutcome::Unchanged;
    const std::int64_t id = find.int64(0);
    Statement update = db_.prepare("UPDATE comp_assignment SET plan_id = ?1, effective_to = ?2 WHERE id = ?3");
    update.bind(1, a.planId).bind(2, dateText(a.to)).bind(3, id);
    update.run();
    return WriteOutcome::Updated;
  }
  Statement insert = db_.prepare(
      "INSERT INTO comp_assignment (rep_id, plan_id, effective_from, effective_to) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, repKey).bind(2, a.planId).bind(3, a.from.toString()).bind(4, dateText(a.to));
  insert.run();
  return WriteOutcome::Inserted;
}

std::optional<std::string> CompStore::repName(const std::string& repId) {
  Statement q = db_.prepare("SELECT coalesce(name, '') FROM rep WHERE external_id = ?1");
  q.bind(1, repId);
  if (!q.step()) return std::nullopt;
  return std::string(q.text(0));
}

DealFacts CompStore::dealFacts() {
  DealFacts f;
  // Types and lead sources take a handful of values: a linear look-up over views allocates nothing per row.
  const auto valueOf = [&](Statement& q, int column) -> std::int32_t {
    if (q.isNull(column)) return -1;
    const std::string_view text = q.text(column);
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      if (f.values[i] == text) return static_cast<std::int32_t>(i);
    }
    f.values.emplace_back(text);
    return static_cast<std::int32_t>(f.values.size() - 1);
  };
  const auto count = static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM opportunity"));
  f.ids.reserve(count);
  f.type.reserve(count);
  f.leadSource.reserve(count);
  Statement q = db_.prepare("SELECT external_id, type, lead_source FROM opportunity ORDER BY id");
  while (q.step()) {
    f.ids.emplace_back(q.text(0));
    f.type.push_back(valueOf(q, 1));
    f.leadSource.push_back(valueOf(q, 2));
  }
  return f;
}

std::vector<std::int32_t> CompStore::lostDays() {
  std::vector<std::int64_t> keys;
  keys.reserve(static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM opportunity")));
  Statement ids = db_.prepare("SELECT id FROM opportunity ORDER BY id");
  while (ids.step()) keys.push_back(ids.int64(0));
  std::vector<std::int32_t> days(keys.size(), std::numeric_limits<std::int32_t>::max());
  // Only deals that are lost now can be clawed back; their first lost history row dates the loss.
  Statement lost = db_.prepare(
      "SELECT h.opportunity_id, min(h.changed_at) FROM opportunity_history h "
      "WHERE h.stage_id IN (SELECT id FROM stage WHERE kind = 'lost') AND h.opportunity_id IN "
      "(SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id WHERE s.kind = 'lost') "
      "GROUP BY h.opportunity_id");
  while (lost.step()) {
    const auto it = std::lower_bound(keys.begin(), keys.end(), lost.int64(0));
    const auto when = parseTimestamp(lost.text(1));
    if (it != keys.end() && *it == lost.int64(0) && when)
      days[static_cast<std::size_t>(it - keys.begin())] = when->value.date().days;
  }
  return days;
}

std::vector<StoredPeriod> CompStore::periods() {
  Statement q =
      db_.prepare("SELECT period_start, period_end, status FROM comp_period ORDER BY period_start, period_end");
  std::vector<StoredPeriod> out;
  while (q.step()) {
    const std::string_view status = q.text(2);
    out.push_back({Period{dateAt(q, 0), dateAt(q, 1)},
                   status == "locked" ? PeriodStatus::Locked
                                      : (status == "processed" ? PeriodStatus::Processed : PeriodStatus::Open)});
  }
  return out;
}

void CompStore::setStatus(const Period& period, PeriodStatus status, const std::string& at) {
  Statement q = db_.prepare(
      "INSERT INTO comp_period (period_start, period_end, status, changed_at) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (period_start, period_end) DO UPDATE SET status = excluded.status, changed_at = "
      "excluded.changed_at");
  q.bind(1, period.start.toString()).bind(2, period.end.toString()).bind(3, periodStatusName(status)).bind(4, at);
  q.run();
}

void CompStore::replaceLines(const Period& period, const std::vector<comp::LedgerLine>& lines) {
  // The deals go with their lines (ON DELETE CASCADE needs the foreign keys the Database turns on).
  Statement remove = db_.prepare("DELETE FROM comp_ledger_line WHERE period_start = ?1 AND period_end = ?2");
  remove.bind(1, period.start.toString()).bind(2, period.end.toString());
  remove.run();
  Statement insert = db_.prepare(
      "INSERT INTO comp_ledger_line (rep_id, period_start, period_end, plan_id, component, kind, amount, detail, "
      "for_period_start, for_period_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  Statement deal =
      db_.prepare("INSERT INTO comp_credit (line_id, opportunity, credit4, weight4) VALUES (?1, ?2, ?3, ?4)");
  const std::string start = period.start.toString(), end = period.end.toString();
  for (const comp::LedgerLine& l : lines) {
    insert.bind(1, l.repId).bind(2, start).bind(3, end).bind(4, l.planId).bind(5, l.component);
    insert.bind(6, comp::lineKindName(l.kind)).bind(7, l.amount).bind(8, l.detail);
    insert.bind(9, l.forPeriod ? std::optional<std::string>(l.forPeriod->start.toString()) : std::nullopt);
    insert.bind(10, l.forPeriod ? std::optional<std::string>(l.forPeriod->end.toString()) : std::nullopt);
    insert.run();
    const std::int64_t id = db_.lastInsertRowId();
    for (const comp::TraceDeal& d : l.deals) {
      deal.bind(1, id).bind(2, d.opportunityId).bind(3, d.credit4).bind(4, d.weight4);
      deal.run();
    }
  }
}

std::vector<comp::LedgerLine> CompStore::lines(const Period& range, const std::string& repId) {
  Statement q = db_.prepare(
      "SELECT id, rep_id, period_start, period_end, plan_id, component, kind, amount, detail, for_period_start, "
      "for_period_end FROM comp_ledger_line WHERE period_start <= ?2 AND period_end >= ?1 AND (?3 = '' OR rep_id = ?3) "
      "ORDER BY rep_id, period_start, id");
  q.bind(1, range.start.toString()).bind(2, range.end.toString()).bind(3, repId);
  std::vector<comp::LedgerLine> out;
  std::unordered_map<std::int64_t, std::size_t> byId;
  while (q.step()) {
    comp::LedgerLine l;
    byId.emplace(q.int64(0), out.size());
    l.repId = std::string(q.text(1));
    l.period = Period{dateAt(q, 2), dateAt(q, 3)};
    l.planId = std::string(q.text(4));
    l.component = std::string(q.text(5));
    l.kind = comp::parseLineKind(q.text(6)).value_or(comp::LineKind::Adjustment);
    l.amount = q.int64(7);
    l.detail = std::string(q.text(8));
    if (!q.isNull(9)) l.forPeriod = Period{dateAt(q, 9), dateAt(q, 10)};
    out.push_back(std::move(l));
  }
  if (out.empty()) return out;
  Statement deals = db_.prepare(
      "SELECT c.line_id, c.opportunity, c.credit4, c.weight4 FROM comp_credit c JOIN comp_ledger_line l ON l.id = "
      "c.line_id WHERE l.period_start <= ?2 AND l.period_end >= ?1 AND (?3 = '' OR l.rep_id = ?3) ORDER BY c.id");
  deals.bind(1, range.start.toString()).bind(2, range.end.toString()).bind(3, repId);
  while (deals.step()) {
    const auto it = byId.find(deals.int64(0));
    if (it == byId.end()) continue;
    out[it->second].deals.push_back({std::string(deals.text(1)), deals.int64(2), deals.int64(3)});
  }
  return out;
}

}  // namespace salesops
