#pragma once
// The compensation tables of a workbook (migration 0003): plan versions as JSON text, assignments, period
// status and the ledger with its credited deals. The only place their SQL lives. Writers run inside the
// caller's Transaction, so a payout run replaces its lines all at once or not at all.
#include <optional>
#include <string>
#include <vector>

#include "common/Period.h"
#include "comp/Ledger.h"
#include "storage/Database.h"

namespace salesops {

struct StoredPlan {
  std::string planId;
  Date effectiveFrom;
  std::optional<Date> effectiveTo;
  std::string name;
  std::string json;
};

struct StoredAssignment {
  std::string repId;  // external id
  std::string planId;
  Date from;
  std::optional<Date> to;
};

enum class PeriodStatus { Open, Processed, Locked };
const char* periodStatusName(PeriodStatus status) noexcept;

struct StoredPeriod {
  Period period;
  PeriodStatus status = PeriodStatus::Open;
};

enum class WriteOutcome { Inserted, Updated, Unchanged };

// What pay needs of each opportunity beyond the KPI snapshot, in the snapshot's order (id ascending).
struct DealFacts {
  std::vector<std::string> ids;          // external ids
  std::vector<std::string> values;       // distinct type / lead_source texts
  std::vector<std::int32_t> type;        // index into values, or -1
  std::vector<std::int32_t> leadSource;  // index into values, or -1
};

class CompStore {
 public:
  explicit CompStore(Database& db) : db_(db) {}

  // Plan versions ordered by plan_id then effective_from. A version is keyed by (plan_id, effective_from).
  std::vector<StoredPlan> plans();
  WriteOutcome savePlan(const StoredPlan& plan);

  std::vector<StoredAssignment> assignments();
  // Error(Data) when the rep does not exist. Keyed by (rep, effective_from).
  WriteOutcome saveAssignment(const StoredAssignment& assignment);

  DealFacts dealFacts();
  // Per opportunity (same order): the first day its history shows a lost stage, for the deals lost now;
  // INT32_MAX otherwise. Only clawbacks need it.
  std::vector<std::int32_t> lostDays();
  // The rep's name ("" when it has none); nullopt when the rep is not in the workbook.
  std::optional<std::string> repName(const std::string& repId);

  std::vector<StoredPeriod> periods();
  void setStatus(const Period& period, PeriodStatus status, const std::string& at);

  // Deletes the lines of `period` (every rep) and inserts `lines` (all of that period) with their deals.
  void replaceLines(const Period& period, const std::vector<comp::LedgerLine>& lines);
  // Lines whose payout period overlaps `range`, optionally of one rep, ordered by rep, period, id; with deals.
  std::vector<comp::LedgerLine> lines(const Period& range, const std::string& repId = "");

 private:
  Database& db_;
};

}  // namespace salesops
