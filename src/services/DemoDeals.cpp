// The demo's opportunities with their stage history, splits and sales activities: the bulk of the rows.
#include <algorithm>
#include <array>
#include <vector>

#include "services/DemoModel.h"
#include "services/DemoNames.h"
#include "services/DemoRandom.h"

namespace salesops::demo {
namespace {

enum Type { kNewBusiness, kRenewal, kExpansion };
constexpr std::array<std::string_view, 3> kTypes{"new_business", "renewal", "expansion"};
constexpr std::array<std::string_view, 3> kTypeLabels{"New Business", "Renewal", "Expansion"};
constexpr std::array<double, 3> kTypeAmountFactor{1.0, 0.8, 0.45};
constexpr std::array<double, 3> kTypeWinRate{0.19, 0.55, 0.31};
constexpr std::array<double, 3> kSegmentMedianUsd{9000, 35000, 140000};
constexpr int kWon = 5, kLost = 6, kOpenStages = 5;
constexpr int kOutbound = 6;  // index in leadSources()

// Days on which opportunities are created, weighted for seasonality (summer dip, busy autumn) and growth.
class CreatedDays {
 public:
  CreatedDays() {
    static constexpr std::array<double, 12> kMonth{0.9, 1.0, 1.1, 1.0, 1.0, 0.95, 0.75, 0.7, 1.0, 1.15, 1.2, 0.8};
    double sum = 0;
    for (std::int32_t d = kFirstCreated; d <= kAsOf; ++d) {
      const double years = static_cast<double>(d - kFirstCreated) / 365.0;
      cumulative_.push_back(sum += kMonth[civilOf(d).month - 1] * (1.0 + 0.15 * years));
    }
  }
  std::int32_t pick(Rng& rng) const {
    const double u = rng.uniform() * cumulative_.back();
    const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
    return kFirstCreated + static_cast<std::int32_t>(std::min<std::ptrdiff_t>(
                               it - cumulative_.begin(), static_cast<std::ptrdiff_t>(cumulative_.size()) - 1));
  }

 private:
  std::vector<double> cumulative_;
};

// The category a rep would usually give a deal at this stage.
std::string_view categoryOf(int stage) {
  switch (stage) {
    case 0:
    case 1:
    case 2:
      return "pipeline";
    case 3:
      return "best_case";
    case kWon:
      return "closed";
    case kLost:
      return "omitted";
    default:
      return "commit";
  }
}

// The deal belongs to whoever holds it on the reference day: usually the account's owner, else another
// AE of the account's team employed then (deals of leavers were reassigned), else the team's manager.
int pickOwner(const Context& ctx, const AccountInfo& account, std::int32_t day, Rng& rng) {
  if (ctx.reps[account.owner].activeOn(day) && rng.chance(0.75)) return account.owner;
  const TeamInfo& team = ctx.teams[account.team];
  const auto size = static_cast<std::int64_t>(team.aes.size());
  const std::int64_t first = rng.below(size);
  for (std::int64_t k = 0; k < size; ++k) {
    const int candidate = team.aes[(first + k) % size];
    if (ctx.reps[candidate].activeOn(day)) return candidate;
  }
  return team.manager;
}

struct Activities {
  Context& ctx;
  Text ext, at;

  void write(Rng& rng, int rep, std::int64_t accountId, std::int64_t opportunityId, std::int32_t lo, std::int32_t hi,
             bool selling) {
    static constexpr std::array<std::string_view, 3> kSelling{"call", "email", "meeting"};
    static constexpr std::array<std::string_view, 3> kOther{"task", "admin", "training"};
    const double u = rng.uniform();
    const int kind = selling ? (u < 0.4 ? 0 : (u < 0.75 ? 1 : 2)) : (u < 0.45 ? 0 : (u < 0.85 ? 1 : 2));
    std::int64_t minutes = 0, flag = kNull;
    const double f = rng.uniform();
    if (selling) {
      minutes = kind == 0 ? rng.between(5, 45) : (kind == 1 ? rng.between(2, 10) : 15 * rng.between(2, 6));
      if (kind == 2 && f < 0.06) flag = f < 0.03 ? 0 : 1;  // a few meetings marked by hand, some internal
    } else {
      minutes = kind == 0 ? rng.between(10, 30) : (kind == 1 ? rng.between(15, 120) : 30 * rng.between(1, 8));
      if (kind == 1 && f < 0.05) flag = 0;
    }
    const std::int32_t day = static_cast<std::int32_t>(rng.between(lo, hi));
    const std::int64_t started = day * kSecondsPerDay + 7 * 3600 + 60 * rng.below(11 * 60);
    const std::int64_t id = ctx.nextActivityId++;
    ext.clear().add("AT").number(id, 8);
    at.clear().timestamp(started);
    const std::int64_t repId = ctx.reps[rep].id;
    ctx.out.activity(ActivityRow{id, repId, selling ? accountId : kNull, selling ? opportunityId : kNull, kNull,
                                 minutes, flag, ext.view(), selling ? kSelling[kind] : kOther[kind], at.view()});
    ++ctx.summary.activities;
  }
};

}  // namespace

void writeOpportunities(Context& ctx) {
  Rng rng(ctx.streamSeed(4));
  const CreatedDays createdDays;
  const std::int64_t total = ctx.options.opportunities;
  const auto accountCount = static_cast<std::int64_t>(ctx.accounts.size());
  const auto sources = leadSources();
  Activities activities{ctx, {}, {}};
  Text ext, name, created, close, at, historyClose;

  for (std::int64_t id = 1; id <= total; ++id) {
    const std::int64_t accountIndex = rng.below(accountCount);
    const AccountInfo& account = ctx.accounts[accountIndex];
    const double t = rng.uniform();
    const Type type = t < 0.6 ? kNewBusiness : (t < 0.75 ? kRenewal : kExpansion);
    const int source = type == kNewBusiness ? static_cast<int>(rng.below(sources.size())) : -1;
    const std::int32_t createdDay = createdDays.pick(rng);

    // Log-normal size by segment and type; bigger deals take longer (20..200 days).
    const double z = rng.normal();
    double usd =
        std::clamp(kSegmentMedianUsd[account.segment] * kTypeAmountFactor[type] * detExp(0.7 * z), 1000.0, 5000000.0);
    const double size = std::clamp((account.segment + 0.6 * z) / 2.0, 0.0, 1.0);
    std::int32_t cycle = static_cast<std::int32_t>(
        std::clamp<std::int64_t>(static_cast<std::int64_t>(20 + 150 * size) + rng.between(0, 30), 20, 200));
    if (type == kRenewal) cycle = std::max(20, cycle * 7 / 10);
    const std::int32_t planned = createdDay + cycle;

    int outcome = 0;  // the final stage: 0..4 open, kWon, kLost
    int reached = 0;  // the highest open stage ever reached
    bool pastDue = false;
    std::int32_t closeDay = planned;
    if (planned > kAsOf || (planned > kAsOf - 75 && rng.chance(0.12))) {
      pastDue = planned <= kAsOf;
      const double progress = static_cast<double>(kAsOf - createdDay) / cycle;
      outcome = pastDue ? 2 + static_cast<int>(rng.below(3))
                        : std::clamp(static_cast<int>(progress * kOpenStages + rng.uniform() * 0.8 - 0.4), 0, 4);
      reached = outcome;
    } else {
      const int quarter = (civilOf(planned).month - 1) / 3 + 1;
      // Year-end pushes close more deals in Q4; summer holidays stall some in Q3.
      const double winRate = kTypeWinRate[type] * (quarter == 4 ? 1.25 : (quarter == 3 ? 0.9 : 1.0));
      if (rng.chance(winRate)) {
        outcome = kWon;
        reached = rng.chance(0.85) ? 4 : 3;
        if (rng.chance(0.3)) {  // signed in the last days of the quarter
          const Civil c = civilOf(planned);
          const std::int32_t snapped = quarterEnd(c.year, quarter) - static_cast<std::int32_t>(rng.below(10));
          if (snapped <= kAsOf && snapped > createdDay) closeDay = snapped;
        }
        if ((civilOf(closeDay).month - 1) / 3 == 3) usd *= 1.15;
      } else {
        outcome = kLost;
        static constexpr std::array<double, 5> kLostAt{35, 60, 78, 92, 100};
        reached = rng.pick(kLostAt);
        closeDay = createdDay + std::max(7, static_cast<std::int32_t>(cycle * (0.4 + 0.6 * rng.uniform())));
        closeDay = std::min(closeDay, kAsOf);
      }
    }
    const bool open = outcome < kOpenStages;

    const int currency = [&] {
      const std::string_view code = countries()[account.country].currency;
      for (int c = 0; c < kCurrencies; ++c)
        if (kCurrencyCodes[c] == code) return c;
      return static_cast<int>(kUsd);
    }();
    const std::int64_t step = currency == kJpy ? 1000 : (usd >= 10000 ? 10000 : 1000);
    const double localMinor = usd / ctx.fx.on(currency, createdDay) * static_cast<double>(kMinorPerUnit[currency]);
    const std::int64_t amount = std::max(step, roundTo(localMinor, step));

    const std::int32_t refDay = open ? kAsOf : closeDay;
    const int owner = pickOwner(ctx, account, refDay, rng);
    std::string_view category = categoryOf(outcome);
    if (outcome == 2 && rng.chance(0.5)) category = "best_case";
    if (outcome == 3 && rng.chance(0.3)) category = "commit";
    if (outcome == 4 && rng.chance(0.2)) category = "best_case";
    if (pastDue && rng.chance(0.3)) category = "omitted";
    std::int64_t probability = outcome == kWon ? 10000 : (outcome == kLost ? 0 : kNull);
    if (open && rng.chance(0.15))
      probability = std::clamp<std::int64_t>(ctx.stageProbability[outcome] + 100 * rng.between(-10, 10), 500, 9500);

    ext.clear().add("OP").number(id, 7);
    const Civil createdCivil = civilOf(createdDay);
    name.clear().add(companyWords()[account.word]).add(' ').add(companyNouns()[account.noun]).add(" - ");
    name.add(kTypeLabels[type]).add(' ').number(createdCivil.year);
    created.clear().date(createdDay);
    close.clear().date(closeDay);
    const std::int64_t ownerId = ctx.reps[owner].id;
    ctx.out.opportunity(OpportunityRow{
        id, accountIndex + 1, ownerId, ctx.stageId[outcome], amount, probability, ext.view(), name.view(), kTypes[type],
        kCurrencyCodes[currency], created.view(), close.view(), category,
        type == kExpansion ? "Existing Customer" : (source >= 0 ? sources[source] : std::string_view{})});

    // Stage history: the opening stage, perhaps one stage in between, the highest stage, the closing row.
    std::array<int, 4> path{};
    int rows = 0;
    const int start = reached == 0 || rng.chance(0.8) ? 0 : 1;
    path[rows++] = start;
    if (reached - start >= 2 && rng.chance(0.35))
      path[rows++] = start + 1 + static_cast<int>(rng.below(reached - start - 1));
    if (reached != start) path[rows++] = reached;
    if (!open) path[rows++] = outcome;
    const std::int64_t firstAt = createdDay * kSecondsPerDay + 8 * 3600 + 60 * rng.below(9 * 60);
    const std::int32_t lastDay =
        open ? std::max(createdDay, kAsOf - static_cast<std::int32_t>(rng.below(14))) : closeDay;
    const std::int64_t lastAt = std::max(firstAt, lastDay * kSecondsPerDay + 9 * 3600 + 60 * rng.below(8 * 60));
    // Amount and close date as first entered; a later row records the change (a single row has none).
    std::int64_t firstAmount = amount;
    if (rng.chance(0.3))
      firstAmount = std::max(step, roundTo(static_cast<double>(amount) * (0.7 + 0.6 * rng.uniform()), step));
    std::int32_t firstClose = outcome == kLost ? planned : closeDay;
    if (outcome != kLost && rng.chance(0.3))
      firstClose = std::max(createdDay + 1, closeDay - static_cast<std::int32_t>(rng.between(7, 60)));
    if (rows == 1) {
      firstAmount = amount;
      firstClose = closeDay;
    }
    std::int64_t previousAt = 0;
    std::string_view previousCategory;
    for (int r = 0; r < rows; ++r) {
      const bool last = r == rows - 1;
      std::int64_t when = rows == 1 ? firstAt : firstAt + (lastAt - firstAt) * r / (rows - 1);
      when = std::max(when, previousAt + 60);
      previousAt = when;
      const std::string_view rowCategory = last ? category : categoryOf(path[r]);
      at.clear().timestamp(when);
      historyClose.clear();
      if (r == 0)
        historyClose.date(firstClose);
      else if (last && firstClose != closeDay)
        historyClose.date(closeDay);
      std::int64_t rowAmount = r == 0 ? firstAmount : kNull;
      if (last && r > 0 && firstAmount != amount) rowAmount = amount;
      ctx.out.history(HistoryRow{id, ctx.stageId[path[r]], rowAmount, last ? probability : kNull, at.view(),
                                 historyClose.view(),
                                 rowCategory == previousCategory ? std::string_view{} : rowCategory});
      previousCategory = rowCategory;
    }
    ctx.summary.history += rows;

    // Credit: bookings per rep and quarter for quota and forecast fitting, split deals shared.
    const int quarter = quarterIndex(closeDay);
    const double usdCents = ctx.fx.toUsdCents(amount, currency, closeDay);
    if (outcome == kWon) {
      const TeamInfo& team = ctx.teams[account.team];
      int partner = -1;
      if (rng.chance(0.1) && team.aes.size() >= 2) {
        const auto size = static_cast<std::int64_t>(team.aes.size());
        const std::int64_t k = rng.below(size);
        partner = team.aes[k] != owner ? team.aes[k] : team.aes[(k + 1) % size];
      }
      if (partner >= 0) {
        static constexpr std::array<std::int64_t, 4> kShares{5000, 6000, 7000, 8000};
        const std::int64_t share = kShares[rng.below(4)];
        ctx.out.split(id, ownerId, share);
        ctx.out.split(id, ctx.reps[partner].id, 10000 - share);
        ctx.summary.splits += 2;
        if (quarter >= 0) {
          ctx.bookedAt(owner, quarter) += usdCents * static_cast<double>(share) / 10000.0;
          ctx.bookedAt(partner, quarter) += usdCents * static_cast<double>(10000 - share) / 10000.0;
        }
      } else if (quarter >= 0) {
        ctx.bookedAt(owner, quarter) += usdCents;
      }
    } else if (open && quarter >= 0) {
      const std::int64_t p = probability == kNull ? ctx.stageProbability[outcome] : probability;
      ctx.openAt(owner, quarter) += usdCents * static_cast<double>(p) / 10000.0;
    }

    if (type == kNewBusiness && source != kOutbound && rng.chance(0.1))
      ctx.conversions.push_back(Conversion{id, createdDay, account.team, static_cast<std::uint8_t>(source)});

    // About two activities per deal, within the owner's employment and the deal's life.
    const RepInfo& rep = ctx.reps[owner];
    const std::int32_t lo = std::max(createdDay, rep.start), hi = std::min(refDay, rep.end);
    const int selling = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.08) ? 1 : 0);
    for (int a = 0; a < selling; ++a) activities.write(rng, owner, accountIndex + 1, id, lo, std::max(lo, hi), true);
    if (rng.chance(0.25)) activities.write(rng, owner, kNull, kNull, lo, std::max(lo, hi), false);

    if (id % kCheckEvery == 0) {
      ctx.task.report("opportunities", id, total);
      ctx.task.checkCancelled();
    }
  }
  ctx.summary.opportunities = total;
  ctx.task.report("opportunities", total, total);
}

}  // namespace salesops::demo
