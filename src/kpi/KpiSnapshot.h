#pragma once
// The in-memory columnar snapshot the KPI engine reads: one struct of vectors per entity, references as
// dense indexes (dictionary encoding), dates as day numbers (Date::days), timestamps as UTC seconds, money
// as int64 minor units of the corporate currency already converted per record (DOMAIN.md), percentages in
// hundredths of a percent. Built by storage/KpiSnapshotLoader from a workbook or by tests by hand; after
// filling the columns call buildIndexes() once. Immutable afterwards, so any number of threads may read it.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace salesops {

enum class StageKind : std::uint8_t { Open = 0, Won = 1, Lost = 2 };
enum class ActivityType : std::uint8_t { Call, Meeting, Email, Task, Admin, Training };

inline constexpr std::int32_t kNoIndex = -1;
inline constexpr std::int32_t kDayMin = std::numeric_limits<std::int32_t>::min();  // "employed since ever"
inline constexpr std::int32_t kDayMax = std::numeric_limits<std::int32_t>::max();  // "still employed"
inline constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();  // no timestamp

struct KpiSnapshot {
  std::string currency = "USD";  // corporate currency: every money column is in its minor units

  struct Stages {
    std::vector<std::string> name;
    std::vector<StageKind> kind;
    std::vector<std::int32_t> sortOrder;
    std::vector<std::uint16_t> probability;  // hundredths of a percent
  } stages;

  struct Reps {
    std::vector<std::string> id;  // external id
    std::vector<std::string> name;
    std::vector<std::int32_t> team;      // index into teams, or kNoIndex
    std::vector<std::int32_t> manager;   // rep index, or kNoIndex
    std::vector<std::int32_t> startDay;  // kDayMin when unknown
    std::vector<std::int32_t> endDay;    // kDayMax while employed
    std::size_t size() const noexcept { return id.size(); }
  } reps;
  std::vector<std::string> teams;  // distinct non-empty team values

  struct Opportunities {
    std::vector<std::int32_t> owner;         // rep index
    std::vector<std::uint16_t> stage;        // stage index
    std::vector<StageKind> kind;             // kind of that stage, copied for a branch-cheap scan
    std::vector<std::int64_t> amount;        // corporate minor units, converted at close_date
    std::vector<std::uint16_t> probability;  // effective: own, else stage's; won 10000, lost 0
    std::vector<std::int32_t> createdDay;
    std::vector<std::int32_t> closeDay;
    std::vector<std::int64_t> account;  // the account's row id, 0 for none (territory scopes); may be empty
    std::size_t size() const noexcept { return owner.size(); }
  } opportunities;

  struct Splits {
    std::vector<std::int32_t> opportunity;
    std::vector<std::int32_t> rep;
    std::vector<std::uint16_t> percent;  // hundredths of a percent; an opportunity's rows sum to 10000
  } splits;

  struct History {  // only rows that record a stage other than a lost one (those tell nothing)
    std::vector<std::int32_t> opportunity;
    std::vector<std::uint16_t> stage;
  } history;

  struct Quotas {
    std::vector<std::int32_t> rep;
    std::vector<std::int32_t> startDay, endDay;
    std::vector<std::int64_t> amount;  // converted at period_start
  } quotas;

  struct Forecasts {
    std::vector<std::int32_t> rep;
    std::vector<std::int32_t> startDay, endDay;
    std::vector<std::int64_t> submittedAt;  // UTC seconds
    std::vector<std::uint8_t> commit;  // the category is `commit` (only those are calls; the loader reads no others)
    std::vector<std::int64_t> amount;  // converted at period_start
  } forecasts;

  struct Leads {
    std::vector<std::int32_t> owner;  // rep index or kNoIndex
    std::vector<std::int64_t> createdAt;
    std::vector<std::int64_t> firstResponseAt;  // kNoTime without a response
    std::vector<std::uint8_t> converted;
  } leads;

  struct Activities {
    std::vector<std::int32_t> rep;  // rep index or kNoIndex
    std::vector<ActivityType> type;
    std::vector<std::int32_t> startedDay;  // UTC date of started_at
    std::vector<std::int32_t> minutes;     // 0 when empty
    std::vector<std::uint8_t> selling;     // explicit, else true for call/meeting/email
  } activities;

  // Derived by buildIndexes(): splits ordered by opportunity, with splitBegin[o]..splitBegin[o+1] the rows of
  // opportunity o; the open stages in pipeline order; and per opportunity how far it got in that order.
  std::vector<std::int32_t> splitBegin;
  std::vector<std::int32_t> openStages;    // stage indexes ordered by sort_order
  std::vector<std::uint8_t> reachedLevel;  // per opportunity: 1 + position of the furthest open stage
                                           // reached (at least 1); openStages.size() + 1 when won

  // Sorts the splits and derives the members above. Call after filling (or changing) the columns.
  void buildIndexes();

  // Activity defaults of DOMAIN.md: an empty `selling` is true for call, meeting and email.
  static bool defaultSelling(ActivityType type) noexcept {
    return type == ActivityType::Call || type == ActivityType::Meeting || type == ActivityType::Email;
  }
  // Effective probability of DOMAIN.md: won forces 100 %, lost 0 %, else the opportunity's or the stage's.
  static std::uint16_t effectiveProbability(StageKind kind, int ownHundredths, int stageHundredths) noexcept;
};

}  // namespace salesops
