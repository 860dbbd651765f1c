// The demo's reference data: exchange rates, the sales organisation and the customer accounts.
#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "common/Decimal.h"
#include "services/DemoModel.h"
#include "services/DemoNames.h"
#include "services/DemoRandom.h"

namespace salesops::demo {

Text& Text::emailPart(std::string_view name) noexcept {
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 'A' && c <= 'Z') {
      add(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 'a' && c <= 'z') {
      add(static_cast<char>(c));
    } else if (c == 0xC3 && i + 1 < name.size()) {  // Latin-1 supplement: ü -> ue, á -> a, ...
      const auto d = static_cast<unsigned char>(name[++i]);
      if (d == 0xBC) add("ue");
      if (d == 0xA1) add('a');
    } else if (c == 0xC5 && i + 1 < name.size()) {  // Latin extended-A: ř -> r
      if (static_cast<unsigned char>(name[++i]) == 0x99) add('r');
    }
  }
  return *this;
}

namespace {

// Regions of the world grouped into as many sales regions as the organisation is big enough to staff.
int groupCount(std::int64_t reps) { return static_cast<int>(std::clamp<std::int64_t>((reps - 1) / 10, 1, 4)); }

int groupOfRegion(int groups, int region) {
  switch (groups) {
    case 1:
      return 0;
    case 2:
      return region == 0 || region == 3 ? 0 : 1;
    case 3:
      return region == 3 ? 0 : region;
    default:
      return region;
  }
}

std::string_view groupName(int groups, int group) {
  static constexpr std::string_view kTwo[] = {"Americas", "International"};
  static constexpr std::string_view kThree[] = {"Americas", "EMEA", "APAC"};
  switch (groups) {
    case 1:
      return "Global";
    case 2:
      return kTwo[group];
    case 3:
      return kThree[group];
    default:
      return regionNames()[group];
  }
}

std::int32_t randomDay(Rng& rng, std::int32_t first, std::int32_t last) {
  return static_cast<std::int32_t>(rng.between(first, last));
}

}  // namespace

void writeFxRates(Context& ctx) {
  Rng rng(ctx.streamSeed(1));
  // Late-2023 levels; then a monthly random walk pulled back towards them, so the curves drift plausibly.
  constexpr std::array<double, kCurrencies> kStart{1.0, 1.0890, 1.2630, 0.006880, 0.7390};
  constexpr std::array<int, kCurrencies> kDecimals{0, 4, 4, 6, 4};
  constexpr std::array<double, kCurrencies> kScale{1, 1e4, 1e4, 1e6, 1e4};
  Text from;
  for (int cur = kEur; cur < kCurrencies; ++cur) {
    const double scale = kScale[cur];
    double level = kStart[cur];
    for (int m = 0; m < FxCurve::kMonths; ++m) {
      if (m > 0) level *= 1.0 + 0.014 * rng.normal() + 0.12 * (kStart[cur] / level - 1.0);
      const std::int64_t scaled = roundTo(level * scale, 1);
      ctx.fx.rate[cur][m] = static_cast<double>(scaled) / scale;
      const int month = FxCurve::kFirstMonth + m;
      from.clear().date(dayOf(month / 12, month % 12 + 1, 1));
      // The canonical decimal text (no trailing zeros), as import stores it, so export round-trips.
      const std::string rate = Decimal{scaled, kDecimals[cur]}.toString();
      ctx.out.fxRate(kCurrencyCodes[cur], from.view(), rate);
      ++ctx.summary.fxRates;
    }
  }
  for (int m = 0; m < FxCurve::kMonths; ++m) ctx.fx.rate[kUsd][m] = 1.0;
}

void writeReps(Context& ctx) {
  Rng rng(ctx.streamSeed(2));
  const std::int64_t total = std::max<std::int64_t>(12, ctx.options.opportunities / 400);
  const int groups = groupCount(total);
  const auto managers =
      static_cast<int>(std::max<std::int64_t>(groups, std::llround(static_cast<double>(total - 1 - groups) / 9.0)));
  const std::int64_t individuals = total - 1 - groups - managers;

  // First-line teams per sales region in proportion to the region's share of accounts (at least one).
  std::array<double, 4> weight{};
  for (const auto& c : countries()) weight[groupOfRegion(groups, c.regionIndex)] += c.weight;
  std::vector<int> teamsIn(groups, 1);
  for (int extra = managers - groups; extra > 0; --extra) {
    int best = 0;  // the group furthest below its share gets the next team
    for (int g = 1; g < groups; ++g)
      if (teamsIn[g] / weight[g] < teamsIn[best] / weight[best]) best = g;
    ++teamsIn[best];
  }

  auto add = [&](Role role, int team, std::int32_t start, std::int32_t end) {
    RepInfo rep;
    rep.id = static_cast<std::int64_t>(ctx.reps.size()) + 1;
    rep.role = role;
    rep.team = team;
    rep.start = start;
    rep.end = end;
    ctx.reps.push_back(rep);
  };
  add(Role::Vp, -1, randomDay(rng, dayOf(2016, 1, 1), dayOf(2018, 12, 31)), kNever);
  for (int g = 0; g < groups; ++g)
    add(Role::RegionalManager, -1, randomDay(rng, dayOf(2017, 1, 1), dayOf(2021, 12, 31)), kNever);
  std::vector<int> teamGroup;
  for (int g = 0; g < groups; ++g)
    for (int t = 0; t < teamsIn[g]; ++t) teamGroup.push_back(g);
  for (std::size_t t = 0; t < teamGroup.size(); ++t) {
    ctx.teams.push_back(TeamInfo{teamGroup[t], static_cast<int>(ctx.reps.size()), {}, {}});
    add(Role::Manager, static_cast<int>(t), randomDay(rng, dayOf(2017, 6, 1), dayOf(2022, 12, 31)), kNever);
  }
  for (std::int64_t i = 0; i < individuals; ++i) {
    const int team = static_cast<int>(i % managers);
    const std::int64_t position = i / managers;
    // Every team keeps its first AE throughout, so accounts always have an owner to fall back on.
    const bool sdr = position % 4 == 3;
    double kind = position == 0 ? 1.0 : rng.uniform();
    // Even the smallest demo shows a late hire and a leaver (the last two are never a team's first AE).
    if (i == individuals - 1 && position > 0) kind = 0.0;
    if (i == individuals - 2 && position > 0) kind = 0.15;
    std::int32_t start = randomDay(rng, dayOf(2017, 1, 1), dayOf(2023, 12, 31)), end = kNever;
    if (kind < 0.12) {
      start = randomDay(rng, dayOf(2024, 2, 1), dayOf(2026, 8, 31));
    } else if (kind < 0.22) {
      end = randomDay(rng, dayOf(2024, 3, 1), dayOf(2026, 10, 31));
    }
    auto& members = sdr ? ctx.teams[team].sdrs : ctx.teams[team].aes;
    members.push_back(static_cast<int>(ctx.reps.size()));
    add(sdr ? Role::Sdr : Role::Ae, team, start, end);
  }

  std::set<std::string> emails;
  std::vector<int> teamNumber(ctx.teams.size());
  std::array<int, 4> numbered{};
  for (std::size_t t = 0; t < ctx.teams.size(); ++t) teamNumber[t] = ++numbered[ctx.teams[t].group];
  Text ext, name, email, team, start, end;
  for (const RepInfo& rep : ctx.reps) {
    const std::string_view first = firstNames()[rng.below(firstNames().size())];
    const std::string_view last = lastNames()[rng.below(lastNames().size())];
    name.clear().add(first).add(' ').add(last);
    email.clear().emailPart(first).add('.').emailPart(last);
    if (emails.count(std::string(email.view())) != 0) email.number(rep.id);
    emails.emplace(email.view());
    email.add("@salesops-demo.example");
    std::int64_t managerId = kNull;
    team.clear();
    std::string_view role;
    switch (rep.role) {
      case Role::Vp:
        role = "vp";
        team.add("Leadership");
        break;
      case Role::RegionalManager:
        role = "manager";
        managerId = 1;
        team.add(groupName(groups, static_cast<int>(rep.id) - 2)).add(" Leadership");
        break;
      default: {
        const TeamInfo& t = ctx.teams[rep.team];
        role = rep.role == Role::Manager ? "manager" : (rep.role == Role::Ae ? "ae" : "sdr");
        managerId = rep.role == Role::Manager ? 2 + t.group : ctx.reps[t.manager].id;
        team.add(groupName(groups, t.group)).add(' ').number(teamNumber[rep.team]);
      }
    }
    ext.clear().add('R').number(rep.id, 5);
    start.clear().date(rep.start);
    end.clear();
    if (rep.end != kNever) end.date(rep.end);
    ctx.out.rep(
        RepRow{rep.id, managerId, ext.view(), name.view(), email.view(), team.view(), role, start.view(), end.view()});
  }
  ctx.summary.reps = static_cast<std::int64_t>(ctx.reps.size());
  ctx.booked.assign(ctx.reps.size() * kQuarters, 0.0);
  ctx.openWeighted.assign(ctx.reps.size() * kQuarters, 0.0);
  ctx.task.checkCancelled();
}

void writeAccounts(Context& ctx) {
  Rng rng(ctx.streamSeed(3));
  const std::int64_t total = std::max<std::int64_t>(50, ctx.options.opportunities / 8);
  const auto nations = countries();
  std::vector<double> cumulative;
  double sum = 0;
  for (const auto& c : nations) cumulative.push_back(sum += c.weight);
  const int groups = groupCount(static_cast<std::int64_t>(ctx.reps.size()));
  std::array<std::vector<int>, 4> teamsOf;
  for (std::size_t t = 0; t < ctx.teams.size(); ++t) teamsOf[ctx.teams[t].group].push_back(static_cast<int>(t));

  Text ext, name, postal, domain, cext, cname, cemail, phone;
  std::int64_t contactId = 0;
  ctx.accounts.reserve(static_cast<std::size_t>(total));
  for (std::int64_t id = 1; id <= total; ++id) {
    AccountInfo a;
    a.country = static_cast<std::uint8_t>(rng.pick(cumulative));
    const Country& country = nations[a.country];
    const auto& candidates = teamsOf[groupOfRegion(groups, country.regionIndex)];
    a.team = candidates[rng.below(static_cast<std::int64_t>(candidates.size()))];
    const TeamInfo& team = ctx.teams[a.team];
    // Accounts of reps who left were handed over, so the owner is someone employed on the as-of date.
    do {
      a.owner = team.aes[rng.below(static_cast<std::int64_t>(team.aes.size()))];
    } while (!ctx.reps[a.owner].activeOn(kAsOf));
    const double s = rng.uniform();
    a.segment = s < 0.55 ? 0 : (s < 0.85 ? 1 : 2);
    a.word = static_cast<std::uint8_t>(rng.below(companyWords().size()));
    a.noun = static_cast<std::uint8_t>(rng.below(companyNouns().size()));
    a.form = static_cast<std::uint8_t>(rng.below(companyForms().size()));
    ctx.accounts.push_back(a);

    static constexpr double kLow[] = {10, 200, 2000}, kHigh[] = {199, 1999, 150000};
    const double lo = detLog(kLow[a.segment]), hi = detLog(kHigh[a.segment]);
    const std::int64_t employees = std::llround(detExp(lo + (hi - lo) * rng.uniform()));
    // Revenue per employee between 80k and 400k USD, rounded to thousands; stored in cents.
    const std::int64_t revenue = roundTo(static_cast<double>(employees) * (80000.0 + 320000.0 * rng.uniform()), 1000);

    name.clear().add(companyWords()[a.word]).add(' ').add(companyNouns()[a.noun]).add(' ').add(companyForms()[a.form]);
    domain.clear().emailPart(companyWords()[a.word]).emailPart(companyNouns()[a.noun]).add(".example");
    postal.clear();
    for (char p : country.postalCode) {
      if (p == '9')
        postal.add(static_cast<char>('0' + rng.below(10)));
      else if (p == 'A')
        postal.add(static_cast<char>('A' + rng.below(26)));
      else
        postal.add(p);
    }
    ext.clear().add("AC").number(id, 6);
    ctx.out.account(AccountRow{id, employees, revenue * 100, ctx.reps[a.owner].id, ext.view(), name.view(),
                               industries()[rng.below(industries().size())], country.name, country.region,
                               postal.view()});

    const int contacts = 1 + (rng.chance(0.5) ? 1 : 0);
    for (int c = 0; c < contacts; ++c) {
      const std::string_view first = firstNames()[rng.below(firstNames().size())];
      const std::string_view last = lastNames()[rng.below(lastNames().size())];
      cname.clear().add(first).add(' ').add(last);
      cemail.clear().emailPart(first).add('.').emailPart(last).add('@').add(domain.view());
      phone.clear().add(country.phonePrefix).add(' ').number(rng.below(1000), 3).add(' ').number(rng.below(10000), 4);
      cext.clear().add("CT").number(++contactId, 7);
      ctx.out.contact(ContactRow{contactId, id, cext.view(), cname.view(), cemail.view(), phone.view(),
                                 contactTitles()[rng.below(contactTitles().size())]});
    }
    if (id % kCheckEvery == 0) ctx.task.checkCancelled();
  }
  ctx.summary.accounts = total;
  ctx.summary.contacts = contactId;
}

}  // namespace salesops::demo
