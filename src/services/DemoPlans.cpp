// The demo's leads (with their first responses), quotas and weekly forecast calls. Quotas and calls are
// fitted to the bookings the opportunities produced, so attainment and forecast accuracy look like a real
// team's (attainment around 90%, calls that start off and converge on the result).
#include <algorithm>
#include <array>
#include <vector>

#include "services/DemoModel.h"
#include "services/DemoNames.h"
#include "services/DemoRandom.h"

namespace salesops::demo {
namespace {

constexpr std::int64_t kEndOfAsOf = (kAsOf + 1) * kSecondsPerDay - 1;

// An SDR of the team employed on the day, else an AE, else the team's manager.
int leadOwner(const Context& ctx, int team, std::int32_t day, Rng& rng) {
  const TeamInfo& t = ctx.teams[team];
  for (const auto* members : {&t.sdrs, &t.aes}) {
    const auto size = static_cast<std::int64_t>(members->size());
    if (size == 0) continue;
    const std::int64_t first = rng.below(size);
    for (std::int64_t k = 0; k < size; ++k) {
      const int candidate = (*members)[(first + k) % size];
      if (ctx.reps[candidate].activeOn(day)) return candidate;
    }
  }
  return t.manager;
}

std::int32_t seasonalDay(Rng& rng) {
  static constexpr std::array<double, 12> kMonth{0.9, 1.0, 1.1, 1.0, 1.0, 0.95, 0.75, 0.7, 1.0, 1.15, 1.2, 0.8};
  for (;;) {
    const auto day = static_cast<std::int32_t>(rng.between(kFirstCreated, kAsOf));
    if (rng.uniform() * 1.2 < kMonth[civilOf(day).month - 1]) return day;
  }
}

// Share of a quarter a rep works, ramped over the first quarters after hiring.
double fullTimeShare(const RepInfo& rep, int q) {
  const std::int32_t qs = quarterStartOf(q), qe = quarterEndOf(q);
  const std::int32_t from = std::max(qs, rep.start), to = std::min(qe, rep.end);
  if (to < from) return 0;
  const Civil start = civilOf(rep.start);
  const int tenure = q - ((start.year - kFirstYear) * 4 + (start.month - 1) / 3);
  static constexpr std::array<double, 3> kRamp{0.25, 0.5, 0.75};
  const double ramp = tenure >= 3 ? 1.0 : kRamp[std::max(0, tenure)];
  return ramp * static_cast<double>(to - from + 1) / static_cast<double>(qe - qs + 1);
}

}  // namespace

void writeLeads(Context& ctx) {
  Rng rng(ctx.streamSeed(5));
  const auto conversions = static_cast<std::int64_t>(ctx.conversions.size());
  const std::int64_t total = std::max({std::int64_t{20}, ctx.options.opportunities / 2, conversions});
  const auto sources = leadSources();
  const auto teams = static_cast<std::int64_t>(ctx.teams.size());
  Text ext, created, responded, aext, aat;
  std::int64_t next = 0;  // next conversion to place
  for (std::int64_t id = 1; id <= total; ++id) {
    // Converted leads are spread evenly among the others.
    const bool converted = (id * conversions) / total > ((id - 1) * conversions) / total;
    const Conversion* conversion = converted ? &ctx.conversions[next++] : nullptr;
    const std::int32_t day =
        converted ? conversion->created - static_cast<std::int32_t>(rng.between(1, 30)) : seasonalDay(rng);
    const int team = converted ? conversion->team : static_cast<int>(rng.below(teams));
    const int owner = leadOwner(ctx, team, day, rng);
    const int source = converted ? conversion->source : static_cast<int>(rng.below(sources.size()));
    const std::int64_t createdAt = day * kSecondsPerDay + rng.between(6 * 3600, 22 * 3600);

    // Response times from minutes to a week, median about four hours; some leads never get an answer.
    std::int64_t respondedAt = kNull;
    if (converted || rng.chance(0.86)) {
      const double minutes = std::clamp(detExp(detLog(240.0) + 1.3 * rng.normal()), 3.0, 10080.0);
      respondedAt = createdAt + static_cast<std::int64_t>(minutes) * 60 + rng.below(60);
      if (converted) respondedAt = std::min(respondedAt, conversion->created * kSecondsPerDay + 8 * 3600);
      if (respondedAt > kEndOfAsOf) respondedAt = kNull;  // not answered yet on the as-of date
    }
    ext.clear().add("LD").number(id, 7);
    created.clear().timestamp(createdAt);
    responded.clear();
    if (respondedAt != kNull) responded.timestamp(respondedAt);
    ctx.out.lead(LeadRow{id, ctx.reps[owner].id, converted ? conversion->opportunityId : kNull, ext.view(),
                         created.view(), sources[source], responded.view()});

    if (respondedAt != kNull && rng.chance(0.35)) {  // the first response logged as an activity
      const bool call = rng.chance(0.6);
      const std::int64_t activityId = ctx.nextActivityId++;
      aext.clear().add("AT").number(activityId, 8);
      aat.clear().timestamp(respondedAt);
      ctx.out.activity(ActivityRow{activityId, ctx.reps[owner].id, kNull, kNull, id,
                                   call ? rng.between(5, 20) : rng.between(3, 8), kNull, aext.view(),
                                   call ? "call" : "email", aat.view()});
      ++ctx.summary.activities;
    }
    if (id % kCheckEvery == 0) ctx.task.checkCancelled();
  }
  ctx.summary.leads = total;
}

void writeQuotas(Context& ctx) {
  Rng rng(ctx.streamSeed(6));
  // Bookings per full-time AE per quarter; quotas are set so a typical AE attains about 90%.
  std::array<double, kQuarters> productivity{};
  for (int q = 0; q < kQuarters; ++q) {
    double bookings = 0, fte = 0;
    for (std::size_t r = 0; r < ctx.reps.size(); ++r) {
      if (ctx.reps[r].role != Role::Ae) continue;
      bookings += ctx.bookedAt(static_cast<int>(r), q);
      fte += fullTimeShare(ctx.reps[r], q);
    }
    productivity[q] = fte > 0 ? bookings / fte : 0;
  }
  productivity[kQuarters - 1] = productivity[kQuarters - 5] * 1.1;  // the running quarter: last year's plus growth

  Text start, end;
  for (const RepInfo& rep : ctx.reps) {
    if (rep.role != Role::Ae) continue;
    const double personal = 0.9 + 0.2 * rng.uniform();
    for (int q = 0; q < kQuarters; ++q) {
      const double share = fullTimeShare(rep, q);
      if (share <= 0) continue;
      const std::int64_t amount =
          std::max<std::int64_t>(100000, roundTo(productivity[q] * share * personal / 0.9, 100000));
      start.clear().date(quarterStartOf(q));
      end.clear().date(quarterEndOf(q));
      ctx.out.quota(PeriodAmountRow{rep.id, amount, start.view(), end.view(), "USD", {}, {}});
      ++ctx.summary.quotas;
    }
  }
  ctx.task.checkCancelled();
}

void writeForecasts(Context& ctx) {
  Text start, end, at;
  for (std::size_t r = 0; r < ctx.reps.size(); ++r) {
    const RepInfo& rep = ctx.reps[r];
    if (rep.role != Role::Ae) continue;
    for (int q = 0; q < kQuarters; ++q) {
      // One stream per (rep, quarter), so a call's numbers don't depend on the reps before it.
      Rng rng(mixKeys(ctx.options.seed, static_cast<std::uint64_t>(rep.id), static_cast<std::uint64_t>(q)));
      const std::int32_t qs = quarterStartOf(q), qe = quarterEndOf(q);
      std::int32_t first = qs - 7;  // the first call is made on the Monday before the quarter starts
      while (weekdayOf(first) != 0) ++first;
      const int i = static_cast<int>(r);
      const double result = ctx.bookedAt(i, q) + (qe > kAsOf ? ctx.openAt(i, q) : 0.0);
      const double bias = 0.12 * rng.normal() - 0.03;
      start.clear().date(qs);
      end.clear().date(qe);
      for (std::int32_t day = first; day <= qe && day <= kAsOf; day += 7) {
        if (!rep.activeOn(day)) continue;
        const double t = static_cast<double>(day - first) / static_cast<double>(qe - first);
        const double commit = std::max(0.0, result * (1.0 + (bias + 0.04 * rng.normal()) * (1.0 - t)));
        const double best = std::max(commit, result * (1.3 - 0.25 * t) * (1.0 + 0.05 * rng.normal()));
        const double pipeline = best * (2.0 - 0.8 * t);
        at.clear().timestamp(day * kSecondsPerDay + 15 * 3600 + 60 * rng.below(120));
        const std::array<std::pair<std::string_view, double>, 3> calls{
            {{"commit", commit}, {"best_case", best}, {"pipeline", pipeline}}};
        for (const auto& [category, amount] : calls)
          ctx.out.forecast(
              PeriodAmountRow{rep.id, roundTo(amount, 10000), start.view(), end.view(), "USD", at.view(), category});
        ctx.summary.forecastSubmissions += 3;
      }
    }
    if (r % 64 == 0) ctx.task.checkCancelled();
  }
}

}  // namespace salesops::demo
