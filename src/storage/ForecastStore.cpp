#include "storage/ForecastStore.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "common/Error.h"
#include "common/Fx.h"

namespace salesops {
namespace {

[[noreturn]] void bad(std::string_view table, std::int64_t id, const std::string& what) {
  throw Error(ErrorKind::Data, std::string(table) + " row " + std::to_string(id) + ": " + what);
}

Date dateOf(std::string_view text, std::string_view table, std::int64_t id, const char* field) {
  const auto day = parseDate(text);
  if (!day) bad(table, id, std::string(field) + " \"" + std::string(text) + "\" is not a valid date");
  return *day;
}

std::int64_t secondsOf(std::string_view text, std::string_view table, std::int64_t id, const char* field) {
  const auto at = parseTimestamp(text);
  if (!at) bad(table, id, std::string(field) + " \"" + std::string(text) + "\" is not a valid timestamp");
  return at->value.seconds;
}

FxTable loadFx(Workbook& workbook) {
  FxTable fx(workbook.settings().currency);
  Statement q = workbook.db().prepare("SELECT currency, valid_from, rate, id FROM fx_rate");
  while (q.step()) {
    const auto rate = parseDecimal(q.text(2));
    if (!rate) bad("fx_rate", q.int64(3), "rate \"" + std::string(q.text(2)) + "\" is not a number");
    fx.addRate(std::string(q.text(0)), dateOf(q.text(1), "fx_rate", q.int64(3), "valid_from"), *rate);
  }
  return fx;
}

std::int64_t convert(const FxTable& fx, std::int64_t amount, std::string_view currency, Date on, std::string_view table,
                     std::int64_t id) {
  if (currency.empty() || currency == fx.corporateCurrency()) return amount;
  const auto converted = fx.toCorporate(amount, std::string(currency), on);
  if (!converted) bad(table, id, "no exchange rate for " + std::string(currency));
  return *converted;
}

std::unordered_map<std::string_view, std::int32_t> repIndexes(const KpiSnapshot& snapshot) {
  std::unordered_map<std::string_view, std::int32_t> out;
  for (std::size_t r = 0; r < snapshot.reps.size(); ++r) out.emplace(snapshot.reps.id[r], static_cast<std::int32_t>(r));
  return out;
}

std::int64_t repRowId(Workbook& workbook, const KpiSnapshot& snapshot, std::int32_t rep) {
  if (rep < 0 || static_cast<std::size_t>(rep) >= snapshot.reps.size()) {
    throw Error(ErrorKind::Data, "forecast: unknown rep");
  }
  Statement q = workbook.db().prepare("SELECT id FROM rep WHERE external_id = ?1");
  q.bind(1, std::string_view(snapshot.reps.id[rep]));
  if (!q.step()) throw Error(ErrorKind::Data, "forecast: rep \"" + snapshot.reps.id[rep] + "\" is not in the workbook");
  return q.int64(0);
}

std::string timestampText(std::int64_t seconds) { return Timestamp{seconds}.toString(); }

}  // namespace

std::vector<forecast::Category> loadForecastCategories(Workbook& workbook) {
  std::vector<forecast::Category> out;
  Statement q = workbook.db().prepare("SELECT id, coalesce(forecast_category, '') FROM opportunity ORDER BY id");
  while (q.step()) {
    const auto category = forecast::parseCategory(q.text(1));
    if (!category) bad("opportunity", q.int64(0), "forecast_category \"" + std::string(q.text(1)) + "\" is unknown");
    out.push_back(*category);
  }
  return out;
}

forecast::DealHistory loadDealHistory(Workbook& workbook, const KpiSnapshot& snapshot) {
  const FxTable fx = loadFx(workbook);
  std::vector<std::int64_t> oppIds;
  oppIds.reserve(snapshot.opportunities.size());
  Statement ids = workbook.db().prepare("SELECT id FROM opportunity ORDER BY id");
  while (ids.step()) oppIds.push_back(ids.int64(0));
  std::unordered_map<std::string_view, std::int32_t> stages;
  for (std::size_t s = 0; s < snapshot.stages.name.size(); ++s) {
    stages.emplace(snapshot.stages.name[s], static_cast<std::int32_t>(s));
  }
  forecast::DealHistory out;
  Statement q = workbook.db().prepare(
      "SELECT h.id, h.opportunity_id, h.changed_at, coalesce(s.name, ''), coalesce(h.close_date, ''), "
      "h.amount, coalesce(o.currency, ''), o.close_date, coalesce(h.forecast_category, '') FROM opportunity_history h "
      "JOIN opportunity o ON o.id = h.opportunity_id LEFT JOIN stage s ON s.id = h.stage_id "
      "ORDER BY h.opportunity_id, h.changed_at");
  while (q.step()) {
    const std::int64_t id = q.int64(0);
    const auto it = std::lower_bound(oppIds.begin(), oppIds.end(), q.int64(1));
    if (it == oppIds.end() || *it != q.int64(1)) bad("opportunity_history", id, "refers to an unknown opportunity");
    std::int32_t stage = kNoIndex;
    if (!q.text(3).empty()) {
      const auto s = stages.find(q.text(3));
      if (s == stages.end()) bad("opportunity_history", id, "refers to an unknown stage");
      stage = s->second;
    }
    const std::int32_t close =
        q.text(4).empty() ? forecast::kUnchangedDay : dateOf(q.text(4), "opportunity_history", id, "close_date").days;
    std::int64_t amount = forecast::kUnchangedAmount;
    if (!q.isNull(5)) {
      const Date on =
          close != forecast::kUnchangedDay ? Date{close} : dateOf(q.text(7), "opportunity", q.int64(1), "close_date");
      amount = convert(fx, q.int64(5), q.text(6), on, "opportunity_history", id);
    }
    std::int8_t category = forecast::kUnchangedCategory;
    if (!q.text(8).empty()) {
      const auto parsed = forecast::parseCategory(q.text(8));
      if (!parsed) bad("opportunity_history", id, "forecast_category \"" + std::string(q.text(8)) + "\" is unknown");
      category = static_cast<std::int8_t>(*parsed);
    }
    out.add(static_cast<std::int32_t>(it - oppIds.begin()),
            secondsOf(q.text(2), "opportunity_history", id, "changed_at"), stage, close, amount, category);
  }
  return out;
}

std::vector<SubmissionRow> loadSubmissions(Workbook& workbook, const KpiSnapshot& snapshot, const Period& period) {
  const FxTable fx = loadFx(workbook);
  const auto reps = repIndexes(snapshot);
  std::vector<SubmissionRow> out;
  Statement q = workbook.db().prepare(
      "SELECT f.id, r.external_id, f.period_start, f.period_end, f.submitted_at, f.category, f.amount, "
      "coalesce(f.currency, '') FROM forecast_submission f JOIN rep r ON r.id = f.rep_id "
      "WHERE f.period_start <= ?1 AND f.period_end >= ?2 ORDER BY f.submitted_at, f.id");
  q.bind(1, period.end.toString()).bind(2, period.start.toString());
  while (q.step()) {
    const std::int64_t id = q.int64(0);
    SubmissionRow row;
    const auto rep = reps.find(q.text(1));
    if (rep == reps.end()) bad("forecast_submission", id, "refers to an unknown rep");
    row.rep = rep->second;
    row.period = {dateOf(q.text(2), "forecast_submission", id, "period_start"),
                  dateOf(q.text(3), "forecast_submission", id, "period_end")};
    row.submittedAt = secondsOf(q.text(4), "forecast_submission", id, "submitted_at");
    const auto view = forecast::parseView(q.text(5));
    if (!view || *view == forecast::View::Closed) bad("forecast_submission", id, "unknown category");
    row.view = *view;
    row.amount = convert(fx, q.int64(6), q.text(7), row.period.start, "forecast_submission", id);
    out.push_back(row);
  }
  return out;
}

void appendSubmissions(Workbook& workbook, const KpiSnapshot& snapshot, const std::vector<SubmissionRow>& rows) {
  Database& db = workbook.db();
  Transaction transaction(db);
  Statement exists = db.prepare(
      "SELECT count(*) FROM forecast_submission WHERE rep_id = ?1 AND period_start = ?2 AND period_end = ?3 "
      "AND submitted_at = ?4 AND category = ?5");
  Statement insert = db.prepare(
      "INSERT INTO forecast_submission(rep_id, period_start, period_end, submitted_at, category, amount, currency) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  const std::string currency = workbook.settings().currency;
  for (const auto& row : rows) {
    if (row.view == forecast::View::Closed) throw Error(ErrorKind::Data, "forecast submit: closed is not a call");
    const std::int64_t repId = repRowId(workbook, snapshot, row.rep);
    const std::string at = timestampText(row.submittedAt);
    const std::string_view category = forecast::viewName(row.view);
    exists.bind(1, repId).bind(2, row.period.start.toString()).bind(3, row.period.end.toString()).bind(4, at);
    exists.bind(5, category);
    exists.step();
    const bool duplicate = exists.int64(0) > 0;
    exists.reset();
    if (duplicate) {
      throw Error(ErrorKind::Data, "forecast submit: rep " + snapshot.reps.id[row.rep] + " already submitted " +
                                       std::string(category) + " for " + row.period.toString() + " at " + at);
    }
    insert.bind(1, repId).bind(2, row.period.start.toString()).bind(3, row.period.end.toString()).bind(4, at);
    insert.bind(5, category).bind(6, row.amount).bind(7, std::string_view(currency));
    insert.run();
  }
  workbook.audit("forecast submit", "forecast_submission", std::to_string(rows.size()) + " rows");
  transaction.commit();
}

std::vector<forecast::Adjustment> loadAdjustments(Workbook& workbook, const KpiSnapshot& snapshot,
                                                  const Period& period) {
  const auto reps = repIndexes(snapshot);
  std::vector<forecast::Adjustment> out;
  Statement q = workbook.db().prepare(
      "SELECT a.id, r.external_id, a.category, a.layer, a.amount, a.author, a.created_at, a.note "
      "FROM forecast_adjustment a JOIN rep r ON r.id = a.rep_id WHERE a.period_start = ?1 AND a.period_end = ?2 "
      "ORDER BY a.created_at, a.id");
  q.bind(1, period.start.toString()).bind(2, period.end.toString());
  while (q.step()) {
    const std::int64_t id = q.int64(0);
    forecast::Adjustment a;
    const auto rep = reps.find(q.text(1));
    if (rep == reps.end()) bad("forecast_adjustment", id, "refers to an unknown rep");
    a.rep = rep->second;
    const auto view = forecast::parseView(q.text(2));
    if (!view || *view == forecast::View::Closed) bad("forecast_adjustment", id, "unknown category");
    a.view = *view;
    a.layer = q.text(3) == "manager" ? forecast::Layer::Manager : forecast::Layer::Owner;
    a.amount = q.optionalInt64(4);
    a.author = std::string(q.text(5));
    a.createdAt = secondsOf(q.text(6), "forecast_adjustment", id, "created_at");
    a.note = std::string(q.text(7));
    out.push_back(std::move(a));
  }
  return out;
}

void appendAdjustment(Workbook& workbook, const KpiSnapshot& snapshot, const Period& period,
                      const forecast::Adjustment& a) {
  if (a.view == forecast::View::Closed) {
    throw Error(ErrorKind::Data,
                "forecast adjust: closed amounts are booked, not called; adjust commit, "
                "best_case or pipeline");
  }
  if (a.author.empty()) throw Error(ErrorKind::Data, "forecast adjust: the author is empty");
  if (a.note.empty()) throw Error(ErrorKind::Data, "forecast adjust: a note saying why is required");
  Database& db = workbook.db();
  Transaction transaction(db);
  const std::int64_t repId = repRowId(workbook, snapshot, a.rep);
  Statement insert = db.prepare(
      "INSERT INTO forecast_adjustment(rep_id, period_start, period_end, category, layer, amount, author, "
      "created_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, repId).bind(2, period.start.toString()).bind(3, period.end.toString());
  insert.bind(4, forecast::viewName(a.view))
      .bind(5, std::string_view(a.layer == forecast::Layer::Manager ? "manager" : "owner"));
  insert.bind(6, a.amount).bind(7, std::string_view(a.author)).bind(8, timestampText(a.createdAt));
  insert.bind(9, std::string_view(a.note));
  insert.run();
  workbook.audit("forecast adjust", "forecast_adjustment",
                 snapshot.reps.id[a.rep] + " " + period.toString() + " " + std::string(forecast::viewName(a.view)) +
                     (a.amount ? " = " + std::to_string(*a.amount) : " withdrawn"));
  transaction.commit();
}

}  // namespace salesops
