#pragma once
// The demo's bulk writer: the only file of the demo with SQL in it. One prepared multi-row INSERT per table,
// reused for every batch of rows, with explicit surrogate ids (the tables start empty, so the generator
// knows every id up front and never has to ask SQLite). Rows are buffered (their text copied) and written in
// batches; finishBulk() writes the last ones. Not thread-safe; used inside the caller's transaction.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storage/Database.h"

namespace salesops::demo {

// An absent integer (SQL NULL); an absent text is an empty string_view.
inline constexpr std::int64_t kNull = std::numeric_limits<std::int64_t>::min();

struct RepRow {
  std::int64_t id, managerId;
  std::string_view externalId, name, email, team, role, startDate, endDate;
};
struct AccountRow {
  std::int64_t id, employees, annualRevenue, ownerRepId;
  std::string_view externalId, name, industry, country, region, postalCode;
};
struct ContactRow {
  std::int64_t id, accountId;
  std::string_view externalId, name, email, phone, title;
};
struct OpportunityRow {
  std::int64_t id, accountId, ownerRepId, stageId, amount, probability;
  std::string_view externalId, name, type, currency, createdDate, closeDate, forecastCategory, leadSource;
};
struct HistoryRow {
  std::int64_t opportunityId, stageId, amount, probability;
  std::string_view changedAt, closeDate, forecastCategory;
};
struct LeadRow {
  std::int64_t id, ownerRepId, convertedOpportunityId;
  std::string_view externalId, createdAt, source, firstResponseAt;
};
struct ActivityRow {
  std::int64_t id, repId, accountId, opportunityId, leadId, durationMinutes, selling;
  std::string_view externalId, type, startedAt;
};
struct PeriodAmountRow {  // quota and forecast_submission
  std::int64_t repId, amount;
  std::string_view periodStart, periodEnd, currency, submittedAt, category;
};

// Connection settings for the bulk load, set before the transaction begins and restored after it ends:
// foreign keys off (the generator only writes ids it has written before; `check` verifies them) and a
// rollback journal instead of the write-ahead log. The tables are empty, and pages past the file's original
// end are never journaled, so every page is written once into the file instead of into the log and then
// again by the checkpoint; a rollback (error, cancel) still just truncates the file back.
class BulkConnection {
 public:
  explicit BulkConnection(Database& db);
  ~BulkConnection();  // restores, never throws
  BulkConnection(const BulkConnection&) = delete;
  BulkConnection& operator=(const BulkConnection&) = delete;

 private:
  Database& db_;
  std::string journalMode_;
  bool foreignKeys_ = true;
};

class DemoWriter {
 public:
  // Prepares the statements. The caller must already hold the transaction.
  explicit DemoWriter(Database& db);
  ~DemoWriter();
  DemoWriter(const DemoWriter&) = delete;
  DemoWriter& operator=(const DemoWriter&) = delete;

  // Names of the tables the demo fills that already hold rows (the demo only fills an empty workbook).
  std::vector<std::string> nonEmptyTables();
  // Stage id by name; 0 when the workbook has no such stage.
  std::int64_t stageId(std::string_view name);

  // Bulk-load mode: a big page cache and sorter threads, and the secondary indexes of the filled tables whose
  // keys arrive out of order dropped, to be rebuilt once by finishBulk() (sorting once is far cheaper than a
  // random b-tree insert per row).
  void beginBulk();
  void finishBulk();  // writes the buffered rows, then recreates the indexes, in the caller's transaction
  void restorePragmas() noexcept;

  // Upserts a workbook setting (settings table) inside the caller's transaction.
  void setting(std::string_view key, std::string_view value);
  void fxRate(std::string_view currency, std::string_view validFrom, std::string_view rate);
  void rep(const RepRow& row);
  void account(const AccountRow& row);
  void contact(const ContactRow& row);
  void opportunity(const OpportunityRow& row);
  void history(const HistoryRow& row);
  void split(std::int64_t opportunityId, std::int64_t repId, std::int64_t percent);
  void lead(const LeadRow& row);
  void activity(const ActivityRow& row);
  void quota(const PeriodAmountRow& row);
  void forecast(const PeriodAmountRow& row);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace salesops::demo
