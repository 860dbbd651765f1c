#include "storage/KpiSnapshotLoader.h"

#include <sqlite3.h>

#include <future>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/Error.h"
#include "common/Fx.h"

namespace salesops {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Surrogate id -> dense index: a plain vector when the ids are dense (the usual case), else a hash map.
class IdMap {
 public:
  void reserve(std::int64_t maxId, std::size_t count) {
    dense_ = maxId >= 0 && maxId <= static_cast<std::int64_t>(count) * 4 + 1024;
    if (dense_) table_.assign(static_cast<std::size_t>(maxId) + 1, kNoIndex);
  }
  void add(std::int64_t id, std::int32_t index) {
    if (dense_) {
      table_[static_cast<std::size_t>(id)] = index;
    } else {
      sparse_[id] = index;
    }
  }
  std::int32_t find(std::int64_t id) const noexcept {
    if (dense_) return id >= 0 && id < static_cast<std::int64_t>(table_.size()) ? table_[id] : kNoIndex;
    const auto it = sparse_.find(id);
    return it == sparse_.end() ? kNoIndex : it->second;
  }

 private:
  bool dense_ = true;
  std::vector<std::int32_t> table_;
  std::unordered_map<std::int64_t, std::int32_t> sparse_;
};

[[noreturn]] void bad(std::string_view table, std::int64_t id, const std::string& what) {
  throw Error(ErrorKind::Data, std::string(table) + " row " + std::to_string(id) + ": " + what);
}

int digit(char c) noexcept { return c >= '0' && c <= '9' ? c - '0' : -1; }

// "YYYY-MM-DD" without the allocation and messages of parseDate, which handles everything else.
std::optional<std::int32_t> fastDay(std::string_view t) noexcept {
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    int v[8], k = 0;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) v[k++] = digit(t[static_cast<std::size_t>(i)]);
    bool ok = true;
    for (int x : v) ok = ok && x >= 0;
    if (ok) {
      const int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], month = v[4] * 10 + v[5], day = v[6] * 10 + v[7];
      if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
        return Date::fromCivil(year, month, day).days;
      }
    }
  }
  const auto parsed = parseDate(t);
  return parsed ? std::optional<std::int32_t>(parsed->days) : std::nullopt;
}

std::int32_t dayOf(std::string_view text, std::string_view table, std::int64_t id, const char* field) {
  const auto day = fastDay(text);
  if (!day) bad(table, id, std::string(field) + " \"" + std::string(text) + "\" is not a valid date");
  return *day;
}

std::int32_t dayOf(Statement& q, int column, std::string_view table, std::int64_t id, const char* field) {
  return dayOf(q.text(column), table, id, field);
}

// Stored timestamps are "YYYY-MM-DDTHH:MM:SSZ" (DOMAIN.md); anything else goes through parseTimestamp.
std::int64_t secondsOf(Statement& q, int column, std::string_view table, std::int64_t id, const char* field) {
  const std::string_view t = q.text(column);
  if (t.size() == 20 && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z') {
    const auto day = fastDay(t.substr(0, 10));
    const int h1 = digit(t[11]), h2 = digit(t[12]), m1 = digit(t[14]), m2 = digit(t[15]), s1 = digit(t[17]),
              s2 = digit(t[18]);
    if (day && h1 >= 0 && h2 >= 0 && m1 >= 0 && m2 >= 0 && s1 >= 0 && s2 >= 0) {
      const int hours = h1 * 10 + h2, minutes = m1 * 10 + m2, seconds = s1 * 10 + s2;
      if (hours < 24 && minutes < 60 && seconds < 60) {
        return *day * kSecondsPerDay + hours * 3600 + minutes * 60 + seconds;
      }
    }
  }
  const auto parsed = parseTimestamp(t);
  if (!parsed) bad(table, id, std::string(field) + " \"" + std::string(t) + "\" is not a valid timestamp");
  return parsed->value.seconds;
}

// Converts with the rate in force on `on`; the currency text is looked up in a tiny per-load dictionary so
// the million-row loops do not build a std::string per row.
class Converter {
 public:
  explicit Converter(const FxTable& fx) : fx_(fx) {}
  std::int64_t operator()(Statement& q, int amountColumn, int currencyColumn, std::int32_t on, std::string_view table,
                          std::int64_t id) {
    const std::int64_t amount = q.int64(amountColumn);
    const std::string_view code = q.text(currencyColumn);  // "" (a coalesced NULL) is the corporate currency
    if (code.empty() || code == fx_.corporateCurrency()) return amount;
    if (code != last_) {
      last_.assign(code);
    }
    const auto converted = fx_.toCorporate(amount, last_, Date{on});
    if (!converted) bad(table, id, "no exchange rate for " + last_ + " (or the converted amount is too large)");
    return *converted;
  }

 private:
  const FxTable& fx_;
  std::string last_;
};

class Loader {
 public:
  Loader(Workbook& workbook, const LongTask& task, bool bookingsOnly = false)
      : db_(workbook.db()), task_(task), fx_(workbook.settings().currency), bookingsOnly_(bookingsOnly) {
    snap_.currency = fx_.corporateCurrency();
  }

  KpiSnapshot run() {
    step("exchange rates");
    loadFx();
    step("stages");
    loadStages();
    step("reps");
    loadReps();
    // Leads and activities need only the reps: a second read-only connection loads them on another core
    // while this one loads the opportunities. Inside an open transaction it would not see uncommitted rows,
    // so then everything is read here.
    std::future<void> side;
    const bool parallel = !bookingsOnly_ && sqlite3_get_autocommit(db_.handle()) != 0 && !db_.path().empty();
    if (parallel) {
      side = std::async(std::launch::async, [this] {
        Database second = Database::open(db_.path(), Database::Mode::ReadOnly);
        loadLeads(second);
        loadActivities(second);
      });
    }
    step("opportunities");
    loadOpportunities();
    step("splits and history");
    loadSplitsAndHistory();
    step("quotas and forecasts");
    loadQuotasAndForecasts();
    if (!bookingsOnly_) {
      step("leads and activities");
      if (parallel) {
        side.get();
      } else {
        loadLeads(db_);
        loadActivities(db_);
      }
    }
    step("indexes");
    snap_.buildIndexes();
    return std::move(snap_);
  }

 private:
  void step(const char* what) {
    task_.checkCancelled();
    task_.report(std::string("Loading ") + what, 0, 0);
  }

  // `column` holds a rep id, or -1 for NULL (the queries coalesce: one column call per value, each of which
  // takes SQLite's connection mutex, is the biggest cost of the load after decoding).
  std::int32_t repOf(Statement& q, int column, std::string_view table, std::int64_t id, bool optional) const {
    const std::int64_t value = q.int64(column);
    if (value == -1) {
      if (optional) return kNoIndex;
      bad(table, id, "has no rep");
    }
    const std::int32_t rep = reps_.find(value);
    if (rep == kNoIndex) bad(table, id, "refers to an unknown rep");
    return rep;
  }

  void loadFx() {
    Statement q = db_.prepare("SELECT currency, valid_from, rate, id FROM fx_rate");
    while (q.step()) {
      const auto rate = parseDecimal(q.text(2));
      if (!rate) bad("fx_rate", q.int64(3), "rate \"" + std::string(q.text(2)) + "\" is not a number");
      fx_.addRate(std::string(q.text(0)), Date{dayOf(q, 1, "fx_rate", q.int64(3), "valid_from")}, *rate);
    }
  }

  void loadStages() {
    Statement q = db_.prepare("SELECT id, name, kind, probability, sort_order FROM stage ORDER BY sort_order, id");
    auto& s = snap_.stages;
    while (q.step()) {
      stageIds_.emplace(q.int64(0), static_cast<std::uint16_t>(s.name.size()));
      s.name.emplace_back(q.text(1));
      const std::string_view kind = q.text(2);
      s.kind.push_back(kind == "won" ? StageKind::Won : (kind == "lost" ? StageKind::Lost : StageKind::Open));
      s.probability.push_back(static_cast<std::uint16_t>(q.isNull(3) ? 0 : q.int64(3)));
      s.sortOrder.push_back(static_cast<std::int32_t>(q.isNull(4) ? q.int64(0) : q.int64(4)));
    }
  }

  void loadReps() {
    const std::int64_t count = db_.queryInt("SELECT count(*) FROM rep");
    reps_.reserve(db_.queryInt("SELECT coalesce(max(id), 0) FROM rep"), static_cast<std::size_t>(count));
    Statement q =
        db_.prepare("SELECT id, external_id, name, team, manager_id, start_date, end_date FROM rep ORDER BY id");
    auto& r = snap_.reps;
    std::vector<std::int64_t> managerIds;
    std::unordered_map<std::string, std::int32_t> teams;
    while (q.step()) {
      const std::int64_t id = q.int64(0);
      reps_.add(id, static_cast<std::int32_t>(r.id.size()));
      r.id.emplace_back(q.text(1));
      r.name.emplace_back(q.text(2));
      std::int32_t team = kNoIndex;
      if (!q.text(3).empty()) {
        const auto [it, added] = teams.emplace(std::string(q.text(3)), static_cast<std::int32_t>(snap_.teams.size()));
        if (added) snap_.teams.push_back(it->first);
        team = it->second;
      }
      r.team.push_back(team);
      managerIds.push_back(q.isNull(4) ? -1 : q.int64(4));
      r.startDay.push_back(q.isNull(5) || q.text(5).empty() ? kDayMin : dayOf(q, 5, "rep", id, "start_date"));
      r.endDay.push_back(q.isNull(6) || q.text(6).empty() ? kDayMax : dayOf(q, 6, "rep", id, "end_date"));
    }
    for (const std::int64_t managerId : managerIds) {
      r.manager.push_back(managerId < 0 ? kNoIndex : reps_.find(managerId));
    }
  }

  std::uint16_t stageOf(Statement& q, int column, std::string_view table, std::int64_t id) {
    const auto it = stageIds_.find(q.int64(column));
    if (it == stageIds_.end()) bad(table, id, "refers to an unknown stage");
    return it->second;
  }

  void loadOpportunities() {
    const auto count = static_cast<std::size_t>(db_.queryInt("SELECT count(*) FROM opportunity"));
    opps_.reserve(db_.queryInt("SELECT coalesce(max(id), 0) FROM opportunity"), count);
    auto& o = snap_.opportunities;
    o.owner.reserve(count);
    o.stage.reserve(count);
    o.kind.reserve(count);
    o.amount.reserve(count);
    o.probability.reserve(count);
    o.createdDay.reserve(count);
    o.closeDay.reserve(count);
    o.account.reserve(count);
    Statement q = db_.prepare(
        "SELECT id, coalesce(owner_rep_id, -1), stage_id, amount, coalesce(currency, ''), coalesce(probability, -1), "
        "created_date, close_date, coalesce(account_id, 0) FROM opportunity ORDER BY id");
    Converter convert(fx_);
    const auto& stages = snap_.stages;
    while (q.step()) {
      const std::int64_t id = q.int64(0);
      opps_.add(id, static_cast<std::int32_t>(o.owner.size()));
      o.owner.push_back(repOf(q, 1, "opportunity", id, false));
      const std::uint16_t stage = stageOf(q, 2, "opportunity", id);
      o.stage.push_back(stage);
      o.kind.push_back(stages.kind[stage]);
      const std::int32_t close = dayOf(q, 7, "opportunity", id, "close_date");
      o.amount.push_back(convert(q, 3, 4, close, "opportunity", id));
      const int own = static_cast<int>(q.int64(5));
      o.probability.push_back(KpiSnapshot::effectiveProbability(stages.kind[stage], own, stages.probability[stage]));
      o.createdDay.push_back(dayOf(q, 6, "opportunity", id, "created_date"));
      o.closeDay.push_back(close);
      o.account.push_back(q.int64(8));
    }
  }

  std::int32_t oppOf(Statement& q, int column, std::string_view table, std::int64_t id) {
    const std::int32_t opp = opps_.find(q.int64(column));
    if (opp == kNoIndex) bad(table, id, "refers to an unknown opportunity");
    return opp;
  }

  void loadSplitsAndHistory() {
    Statement splits = db_.prepare("SELECT id, opportunity_id, coalesce(rep_id, -1), percent FROM opportunity_split");
    while (splits.step()) {
      const std::int64_t id = splits.int64(0);
      snap_.splits.opportunity.push_back(oppOf(splits, 1, "opportunity_split", id));
      snap_.splits.rep.push_back(repOf(splits, 2, "opportunity_split", id, false));
      snap_.splits.percent.push_back(static_cast<std::uint16_t>(splits.int64(3)));
    }
    if (bookingsOnly_) return;
    // A lost stage says nothing about how far a deal got (KpiSnapshot::reachedLevel), and history is the
    // largest table: those rows are dropped inside SQLite instead of being handed over one by one.
    Statement history = db_.prepare(
        "SELECT opportunity_id, stage_id FROM opportunity_history "
        "WHERE stage_id IN (SELECT id FROM stage WHERE kind <> 'lost')");
    while (history.step()) {
      snap_.history.opportunity.push_back(oppOf(history, 0, "opportunity_history", history.int64(0)));
      snap_.history.stage.push_back(stageOf(history, 1, "opportunity_history", history.int64(0)));
    }
  }

  void loadQuotasAndForecasts() {
    Converter convert(fx_);
    Statement quotas = db_.prepare(
        "SELECT id, coalesce(rep_id, -1), period_start, period_end, amount, coalesce(currency, '') FROM quota");
    auto& q = snap_.quotas;
    while (quotas.step()) {
      const std::int64_t id = quotas.int64(0);
      q.rep.push_back(repOf(quotas, 1, "quota", id, false));
      q.startDay.push_back(dayOf(quotas, 2, "quota", id, "period_start"));
      q.endDay.push_back(dayOf(quotas, 3, "quota", id, "period_end"));
      q.amount.push_back(convert(quotas, 4, 5, q.startDay.back(), "quota", id));
    }
    if (bookingsOnly_) return;
    // Only `commit` submissions are forecast calls (KPIS.md); best case and pipeline stay on disk.
    Statement calls = db_.prepare(
        "SELECT id, coalesce(rep_id, -1), period_start, period_end, submitted_at, category, amount, "
        "coalesce(currency, '') FROM forecast_submission WHERE category = ?1");
    calls.bind(1, std::string_view("commit"));
    auto& f = snap_.forecasts;
    while (calls.step()) {
      const std::int64_t id = calls.int64(0);
      f.rep.push_back(repOf(calls, 1, "forecast_submission", id, false));
      f.startDay.push_back(dayOf(calls, 2, "forecast_submission", id, "period_start"));
      f.endDay.push_back(dayOf(calls, 3, "forecast_submission", id, "period_end"));
      f.submittedAt.push_back(secondsOf(calls, 4, "forecast_submission", id, "submitted_at"));
      f.commit.push_back(calls.text(5) == "commit" ? 1 : 0);
      f.amount.push_back(convert(calls, 6, 7, f.startDay.back(), "forecast_submission", id));
    }
  }

  void loadLeads(Database& db) {
    Statement q = db.prepare(
        "SELECT id, coalesce(owner_rep_id, -1), created_at, coalesce(first_response_at, ''), "
        "converted_opportunity_id IS NOT NULL FROM lead");
    auto& l = snap_.leads;
    while (q.step()) {
      const std::int64_t id = q.int64(0);
      l.owner.push_back(repOf(q, 1, "lead", id, true));
      l.createdAt.push_back(secondsOf(q, 2, "lead", id, "created_at"));
      l.firstResponseAt.push_back(q.text(3).empty() ? kNoTime : secondsOf(q, 3, "lead", id, "first_response_at"));
      l.converted.push_back(q.int64(4) != 0 ? 1 : 0);
    }
  }

  void loadActivities(Database& db) {
    Statement q = db.prepare(
        "SELECT id, coalesce(rep_id, -1), type, started_at, coalesce(duration_minutes, 0), "
        "coalesce(selling, -1) FROM activity");
    auto& a = snap_.activities;
    while (q.step()) {
      const std::int64_t id = q.int64(0);
      a.rep.push_back(repOf(q, 1, "activity", id, true));
      const std::string_view type = q.text(2);
      ActivityType t = ActivityType::Task;
      if (type == "call")
        t = ActivityType::Call;
      else if (type == "meeting")
        t = ActivityType::Meeting;
      else if (type == "email")
        t = ActivityType::Email;
      else if (type == "admin")
        t = ActivityType::Admin;
      else if (type == "training")
        t = ActivityType::Training;
      a.type.push_back(t);
      // The UTC date of the start: the first ten characters of a stored "…Z" timestamp.
      const std::string_view started = q.text(3);
      const auto fast = started.size() == 20 && started[19] == 'Z' ? fastDay(started.substr(0, 10)) : std::nullopt;
      a.startedDay.push_back(
          fast ? *fast : static_cast<std::int32_t>(secondsOf(q, 3, "activity", id, "started_at") / kSecondsPerDay));
      a.minutes.push_back(static_cast<std::int32_t>(q.int64(4)));
      const std::int64_t selling = q.int64(5);
      a.selling.push_back(selling == -1 ? (KpiSnapshot::defaultSelling(t) ? 1 : 0) : (selling != 0 ? 1 : 0));
    }
  }

  Database& db_;
  const LongTask& task_;
  FxTable fx_;
  bool bookingsOnly_;
  KpiSnapshot snap_;
  IdMap reps_, opps_;
  std::unordered_map<std::int64_t, std::uint16_t> stageIds_;
};

}  // namespace

KpiSnapshot loadKpiSnapshot(Workbook& workbook, const LongTask& task) { return Loader(workbook, task).run(); }

KpiSnapshot loadBookingsSnapshot(Workbook& workbook, const LongTask& task) {
  return Loader(workbook, task, true).run();
}

}  // namespace salesops
