#include "services/DemoWriter.h"

#include <sqlite3.h>

#include <array>
#include <utility>
#include <vector>

#include "common/Error.h"

namespace salesops::demo {
namespace {

// The tables the demo fills, in the order their rows are written (parents first).
constexpr std::array<std::string_view, 11> kTables{
    "fx_rate",           "rep",  "account",  "contact", "opportunity",        "opportunity_history",
    "opportunity_split", "lead", "activity", "quota",   "forecast_submission"};

// Indexes whose key order is the order the demo writes rows in (external ids counting up, history by
// opportunity and time, ...). They stay during the load: their entries append at the right edge, which
// measured cheaper than sorting them afterwards. The others are dropped and rebuilt by finishBulk().
bool insertionOrdered(std::string_view index) { return index.ends_with("_key") || index == "contact_account"; }

constexpr int kBatchRows = 64;

// A multi-row INSERT over the raw handle. Rows are staged and written 64 per statement: every sqlite3_step
// starts a statement (schema check, statement journal, ...), and sharing that among 64 rows is most of the
// speed of a bulk load. Text is copied once into an arena and bound in place (SQLITE_STATIC) when the batch
// is written, instead of Statement::bind's copy per value.
class Insert {
 public:
  Insert(Database& db, std::string_view head, int columns) : db_(&db), head_(head), columns_(columns) {
    values_.resize(static_cast<std::size_t>(columns) * kBatchRows);
    full_ = prepare(kBatchRows);
  }
  Insert(const Insert&) = delete;
  Insert& operator=(const Insert&) = delete;
  ~Insert() { sqlite3_finalize(full_); }

  // column: 1-based, as the INSERT lists them.
  Insert& integer(int column, std::int64_t value) {
    Value& v = slot(column);
    v.kind = value == kNull ? Kind::Null : Kind::Integer;
    v.integer = value;
    return *this;
  }
  Insert& text(int column, std::string_view value) {
    Value& v = slot(column);
    v.kind = value.empty() ? Kind::Null : Kind::Text;
    v.offset = arena_.size();
    v.length = value.size();
    arena_.append(value);
    return *this;
  }
  void run() {  // ends the row
    if (++rows_ == kBatchRows) flush();
  }
  void flush() {
    if (rows_ == 0) return;
    sqlite3_stmt* stmt = rows_ == kBatchRows ? full_ : prepare(rows_);
    for (int i = 0; i < rows_ * columns_; ++i) {
      const Value& v = values_[static_cast<std::size_t>(i)];
      int rc = SQLITE_OK;
      switch (v.kind) {
        case Kind::Null:
          rc = sqlite3_bind_null(stmt, i + 1);
          break;
        case Kind::Integer:
          rc = sqlite3_bind_int64(stmt, i + 1, v.integer);
          break;
        case Kind::Text:
          rc = sqlite3_bind_text(stmt, i + 1, arena_.data() + v.offset, static_cast<int>(v.length), SQLITE_STATIC);
          break;
      }
      if (rc != SQLITE_OK) db_->fail(rc, "binding a demo value");
    }
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (stmt != full_) sqlite3_finalize(stmt);
    rows_ = 0;
    arena_.clear();
    if (rc != SQLITE_DONE) db_->fail(rc, "writing the demo workbook");
  }

 private:
  enum class Kind : std::uint8_t { Null, Integer, Text };
  struct Value {
    std::int64_t integer = 0;
    std::size_t offset = 0, length = 0;
    Kind kind = Kind::Null;
  };

  Value& slot(int column) { return values_[static_cast<std::size_t>(rows_ * columns_ + column - 1)]; }

  sqlite3_stmt* prepare(int rows) const {
    std::string sql = head_;
    for (int r = 0; r < rows; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (int c = 0; c < columns_; ++c) sql += c == 0 ? "?" : ", ?";
      sql += ')';
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_->handle(), sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) db_->fail(rc, "preparing the demo's inserts");
    return stmt;
  }

  Database* db_;
  std::string head_;
  int columns_;
  int rows_ = 0;
  sqlite3_stmt* full_ = nullptr;
  std::vector<Value> values_;
  std::string arena_;
};

}  // namespace

BulkConnection::BulkConnection(Database& db) : db_(db) {
  {
    Statement mode(db, "PRAGMA journal_mode");  // finalized before the change: it holds a read transaction
    journalMode_ = mode.step() ? std::string(mode.text(0)) : std::string();
  }
  foreignKeys_ = db.queryInt("PRAGMA foreign_keys") != 0;
  db.exec("PRAGMA foreign_keys = OFF");
  // Fails quietly (the mode stays) when another connection has the file open; the demo is then just slower.
  Statement change(db, "PRAGMA journal_mode = DELETE");
  while (change.step()) {
  }
}

BulkConnection::~BulkConnection() {
  try {
    if (foreignKeys_) db_.exec("PRAGMA foreign_keys = ON");
    // The mode names come from SQLite itself ("wal", "delete", ...), never from input.
    if (!journalMode_.empty()) {
      Statement change(db_, "PRAGMA journal_mode = " + journalMode_);
      while (change.step()) {
      }
    }
  } catch (...) {
    // The data is committed or rolled back either way; at worst the file stays in rollback-journal mode.
  }
}

struct DemoWriter::Impl {
  explicit Impl(Database& database)
      : db(database),
        fx(db, "INSERT INTO fx_rate(currency, valid_from, rate) VALUES ", 3),
        rep(db, "INSERT INTO rep(id, external_id, name, email, team, manager_id, role, start_date, end_date) VALUES ",
            9),
        account(db,
                "INSERT INTO account(id, external_id, name, industry, country, region, postal_code, employees, "
                "annual_revenue, owner_rep_id) VALUES ",
                10),
        contact(db, "INSERT INTO contact(id, external_id, account_id, name, email, phone, title) VALUES ", 7),
        opportunity(db,
                    "INSERT INTO opportunity(id, external_id, account_id, owner_rep_id, name, type, stage_id, amount, "
                    "currency, probability, created_date, close_date, forecast_category, lead_source) VALUES ",
                    14),
        history(db,
                "INSERT INTO opportunity_history(opportunity_id, changed_at, stage_id, amount, close_date, "
                "probability, forecast_category) VALUES ",
                7),
        split(db, "INSERT INTO opportunity_split(opportunity_id, rep_id, percent) VALUES ", 3),
        lead(db,
             "INSERT INTO lead(id, external_id, created_at, source, owner_rep_id, first_response_at, "
             "converted_opportunity_id) VALUES ",
             7),
        activity(db,
                 "INSERT INTO activity(id, external_id, rep_id, account_id, opportunity_id, lead_id, type, "
                 "started_at, duration_minutes, selling) VALUES ",
                 10),
        quota(db, "INSERT INTO quota(rep_id, period_start, period_end, amount, currency) VALUES ", 5),
        forecast(db,
                 "INSERT INTO forecast_submission(rep_id, period_start, period_end, submitted_at, category, amount, "
                 "currency) VALUES ",
                 7) {}

  void flushAll() {
    for (Insert* insert :
         {&fx, &rep, &account, &contact, &opportunity, &history, &split, &lead, &activity, &quota, &forecast})
      insert->flush();
  }

  Database& db;
  Insert fx, rep, account, contact, opportunity, history, split, lead, activity, quota, forecast;
  std::vector<std::string> droppedIndexSql;
  std::int64_t savedCacheSize = 0;
  std::int64_t savedThreads = 0;
  bool pragmasChanged = false;
};

DemoWriter::DemoWriter(Database& db) : impl_(std::make_unique<Impl>(db)) {}

DemoWriter::~DemoWriter() { restorePragmas(); }

std::vector<std::string> DemoWriter::nonEmptyTables() {
  std::vector<std::string> tables;
  for (std::string_view table : kTables) {
    // Table names come from the fixed list above, never from input.
    if (impl_->db.queryInt("SELECT EXISTS (SELECT 1 FROM " + std::string(table) + ")") != 0) tables.emplace_back(table);
  }
  return tables;
}

std::int64_t DemoWriter::stageId(std::string_view name) {
  Statement query(impl_->db, "SELECT id FROM stage WHERE name = ?1");
  query.bind(1, name);
  return query.step() ? query.int64(0) : 0;
}

void DemoWriter::beginBulk() {
  Database& db = impl_->db;
  impl_->savedCacheSize = db.queryInt("PRAGMA cache_size");
  impl_->savedThreads = db.queryInt("PRAGMA threads");
  impl_->pragmasChanged = true;
  // 100 MB holds the hot right edges of every table and the index sorts. Measured at a million opportunities
  // (800 MB of pages): a cache as big as the file is slower, since every page is then a fresh allocation
  // and page fault instead of a recycled buffer, and spilling to the file costs no more than the commit.
  db.exec("PRAGMA cache_size = -100000");
  db.exec("PRAGMA threads = 2");

  std::vector<std::pair<std::string, std::string>> indexes;
  Statement list(db,
                 "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
                 "('fx_rate', 'rep', 'account', 'contact', 'opportunity', 'opportunity_history', "
                 "'opportunity_split', 'lead', 'activity', 'quota', 'forecast_submission') ORDER BY name");
  while (list.step()) indexes.emplace_back(std::string(list.text(0)), std::string(list.text(1)));
  for (const auto& [name, sql] : indexes) {
    if (insertionOrdered(name)) continue;
    db.exec("DROP INDEX \"" + name + "\"");  // names read from sqlite_master, not from input
    impl_->droppedIndexSql.push_back(sql);
  }
}

void DemoWriter::finishBulk() {
  impl_->flushAll();
  for (const auto& sql : impl_->droppedIndexSql) impl_->db.exec(sql);
  impl_->droppedIndexSql.clear();
}

void DemoWriter::restorePragmas() noexcept {
  if (!impl_->pragmasChanged) return;
  impl_->pragmasChanged = false;
  try {
    impl_->db.exec("PRAGMA cache_size = " + std::to_string(impl_->savedCacheSize));
    impl_->db.exec("PRAGMA threads = " + std::to_string(impl_->savedThreads));
  } catch (...) {
    // Only tuning is lost; the data is unaffected either way.
  }
}

void DemoWriter::setting(std::string_view key, std::string_view value) {
  Statement upsert(impl_->db,
                   "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, key).bind(2, value).run();
}

void DemoWriter::fxRate(std::string_view currency, std::string_view validFrom, std::string_view rate) {
  impl_->fx.text(1, currency).text(2, validFrom).text(3, rate).run();
}

void DemoWriter::rep(const RepRow& r) {
  impl_->rep.integer(1, r.id)
      .text(2, r.externalId)
      .text(3, r.name)
      .text(4, r.email)
      .text(5, r.team)
      .integer(6, r.managerId)
      .text(7, r.role)
      .text(8, r.startDate)
      .text(9, r.endDate)
      .run();
}

void DemoWriter::account(const AccountRow& r) {
  impl_->account.integer(1, r.id)
      .text(2, r.externalId)
      .text(3, r.name)
      .text(4, r.industry)
      .text(5, r.country)
      .text(6, r.region)
      .text(7, r.postalCode)
      .integer(8, r.employees)
      .integer(9, r.annualRevenue)
      .integer(10, r.ownerRepId)
      .run();
}

void DemoWriter::contact(const ContactRow& r) {
  impl_->contact.integer(1, r.id)
      .text(2, r.externalId)
      .integer(3, r.accountId)
      .text(4, r.name)
      .text(5, r.email)
      .text(6, r.phone)
      .text(7, r.title)
      .run();
}

void DemoWriter::opportunity(const OpportunityRow& r) {
  impl_->opportunity.integer(1, r.id)
      .text(2, r.externalId)
      .integer(3, r.accountId)
      .integer(4, r.ownerRepId)
      .text(5, r.name)
      .text(6, r.type)
      .integer(7, r.stageId)
      .integer(8, r.amount)
      .text(9, r.currency)
      .integer(10, r.probability)
      .text(11, r.createdDate)
      .text(12, r.closeDate)
      .text(13, r.forecastCategory)
      .text(14, r.leadSource)
      .run();
}

void DemoWriter::history(const HistoryRow& r) {
  impl_->history.integer(1, r.opportunityId)
      .text(2, r.changedAt)
      .integer(3, r.stageId)
      .integer(4, r.amount)
      .text(5, r.closeDate)
      .integer(6, r.probability)
      .text(7, r.forecastCategory)
      .run();
}

void DemoWriter::split(std::int64_t opportunityId, std::int64_t repId, std::int64_t percent) {
  impl_->split.integer(1, opportunityId).integer(2, repId).integer(3, percent).run();
}

void DemoWriter::lead(const LeadRow& r) {
  impl_->lead.integer(1, r.id)
      .text(2, r.externalId)
      .text(3, r.createdAt)
      .text(4, r.source)
      .integer(5, r.ownerRepId)
      .text(6, r.firstResponseAt)
      .integer(7, r.convertedOpportunityId)
      .run();
}

void DemoWriter::activity(const ActivityRow& r) {
  impl_->activity.integer(1, r.id)
      .text(2, r.externalId)
      .integer(3, r.repId)
      .integer(4, r.accountId)
      .integer(5, r.opportunityId)
      .integer(6, r.leadId)
      .text(7, r.type)
      .text(8, r.startedAt)
      .integer(9, r.durationMinutes)
      .integer(10, r.selling)
      .run();
}

void DemoWriter::quota(const PeriodAmountRow& r) {
  impl_->quota.integer(1, r.repId)
      .text(2, r.periodStart)
      .text(3, r.periodEnd)
      .integer(4, r.amount)
      .text(5, r.currency)
      .run();
}

void DemoWriter::forecast(const PeriodAmountRow& r) {
  impl_->forecast.integer(1, r.repId)
      .text(2, r.periodStart)
      .text(3, r.periodEnd)
      .text(4, r.submittedAt)
      .text(5, r.category)
      .integer(6, r.amount)
      .text(7, r.currency)
      .run();
}

}  // namespace salesops::demo
