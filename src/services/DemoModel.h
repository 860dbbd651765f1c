#pragma once
// What the demo's generation steps share: the people and accounts already written (by index), the fx curve,
// the stages, and per rep and quarter the bookings that quotas and forecast calls are later fitted to.
// Internal to src/services; generateDemo() is the public entry point.
#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <vector>

#include "common/Progress.h"
#include "services/DemoCalendar.h"
#include "services/DemoGenerator.h"
#include "services/DemoWriter.h"

namespace salesops::demo {

inline constexpr std::int32_t kAsOf = dayOf(2026, 11, 15);
inline constexpr std::int32_t kFirstCreated = dayOf(2023, 10, 1);  // a lead-in, so FY2024-Q1 has closings
inline constexpr int kFirstYear = 2024;
inline constexpr int kQuarters = 12;  // FY2024-Q1 .. FY2026-Q4
inline constexpr std::int32_t kNever = std::numeric_limits<std::int32_t>::max();
inline constexpr int kCheckEvery = 4096;  // rows between progress reports and cancellation checks

// Quarter index 0..11 of a day, or -1 outside FY2024..FY2026.
inline int quarterIndex(std::int32_t day) noexcept {
  const Civil c = civilOf(day);
  if (c.year < kFirstYear || c.year >= kFirstYear + 3) return -1;
  return (c.year - kFirstYear) * 4 + (c.month - 1) / 3;
}
inline std::int32_t quarterStartOf(int q) noexcept { return quarterStart(kFirstYear + q / 4, q % 4 + 1); }
inline std::int32_t quarterEndOf(int q) noexcept { return quarterEnd(kFirstYear + q / 4, q % 4 + 1); }

enum class Role { Vp, RegionalManager, Manager, Ae, Sdr };

struct RepInfo {
  std::int64_t id = 0;
  Role role = Role::Ae;
  int team = -1;  // first-line team, -1 for the VP and regional managers
  std::int32_t start = 0, end = kNever;
  bool activeOn(std::int32_t day) const noexcept { return start <= day && day <= end; }
};

struct TeamInfo {
  int group = 0;               // sales region group (see DemoPeople.cpp)
  int manager = 0;             // rep index of the first-line manager
  std::vector<int> aes, sdrs;  // rep indexes
};

struct AccountInfo {
  int team = 0, owner = 0;                                              // owner: rep index
  std::uint8_t country = 0, segment = 0, word = 0, noun = 0, form = 0;  // segment 0 SMB, 1 mid-market, 2 enterprise
};

enum Currency { kUsd, kEur, kGbp, kJpy, kCad, kCurrencies };
inline constexpr std::array<std::string_view, kCurrencies> kCurrencyCodes{"USD", "EUR", "GBP", "JPY", "CAD"};
inline constexpr std::array<std::int64_t, kCurrencies> kMinorPerUnit{100, 100, 100, 1, 100};

// Monthly rates from 2023-12 to 2026-12, USD per unit, as written to fx_rate.
struct FxCurve {
  static constexpr std::int32_t kFirstMonth = 2023 * 12 + 11;  // 2023-12 as year*12 + month-1
  static constexpr int kMonths = 37;
  std::array<std::array<double, kMonths>, kCurrencies> rate{};

  double on(int currency, std::int32_t day) const noexcept {
    const Civil c = civilOf(day);
    int m = c.year * 12 + c.month - 1 - kFirstMonth;
    m = m < 0 ? 0 : (m >= kMonths ? kMonths - 1 : m);
    return rate[currency][m];
  }
  // Minor units of `currency` to USD cents, as the engines do (rate in force on the day).
  double toUsdCents(std::int64_t minor, int currency, std::int32_t day) const noexcept {
    return static_cast<double>(minor) * on(currency, day) * (100.0 / static_cast<double>(kMinorPerUnit[currency]));
  }
};

// A converted lead's opportunity, to be written with the leads.
struct Conversion {
  std::int64_t opportunityId;
  std::int32_t created;
  int team;
  std::uint8_t source;
};

struct Context {
  Context(DemoWriter& writer, const LongTask& longTask, const DemoOptions& opts, DemoSummary& sum)
      : out(writer), task(longTask), options(opts), summary(sum) {}

  DemoWriter& out;
  const LongTask& task;
  const DemoOptions& options;
  DemoSummary& summary;

  std::array<std::int64_t, 7> stageId{};           // Prospecting .. Negotiation, Closed Won, Closed Lost
  std::array<std::int64_t, 7> stageProbability{};  // hundredths of a percent
  std::vector<RepInfo> reps;
  std::vector<TeamInfo> teams;
  std::vector<AccountInfo> accounts;
  FxCurve fx;
  std::vector<double> booked;        // USD cents credited, reps.size() * kQuarters
  std::vector<double> openWeighted;  // USD cents, open pipeline weighted by probability, same shape
  std::vector<Conversion> conversions;
  std::int64_t nextActivityId = 1;

  std::uint64_t streamSeed(std::uint64_t stream) const noexcept { return options.seed * 0x100000001B3ull + stream; }
  double& bookedAt(int rep, int q) noexcept { return booked[static_cast<std::size_t>(rep) * kQuarters + q]; }
  double& openAt(int rep, int q) noexcept { return openWeighted[static_cast<std::size_t>(rep) * kQuarters + q]; }
};

// A fixed text buffer for one field: rows are formatted here instead of in std::strings.
class Text {
 public:
  Text& clear() noexcept {
    len_ = 0;
    return *this;
  }
  Text& add(std::string_view s) noexcept {
    const std::size_t n = s.size() < kCap - len_ ? s.size() : kCap - len_;
    std::memcpy(buf_ + len_, s.data(), n);
    len_ += n;
    return *this;
  }
  Text& add(char c) noexcept {
    if (len_ < kCap) buf_[len_++] = c;
    return *this;
  }
  Text& number(std::int64_t value, int width = 0) noexcept {  // zero-padded to width
    char digits[24];
    int n = 0;
    do {
      digits[n++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value > 0);
    while (n < width) digits[n++] = '0';
    while (n > 0) add(digits[--n]);
    return *this;
  }
  Text& date(std::int32_t day) noexcept {
    if (len_ + 10 <= kCap) len_ = static_cast<std::size_t>(writeDate(buf_ + len_, day) - buf_);
    return *this;
  }
  Text& timestamp(std::int64_t seconds) noexcept {
    if (len_ + 20 <= kCap) len_ = static_cast<std::size_t>(writeTimestamp(buf_ + len_, seconds) - buf_);
    return *this;
  }
  // Lower-case ASCII for an e-mail address: a few accented letters transliterated, others dropped.
  Text& emailPart(std::string_view name) noexcept;
  std::string_view view() const noexcept { return {buf_, len_}; }

 private:
  static constexpr std::size_t kCap = 200;
  char buf_[kCap];
  std::size_t len_ = 0;
};

// The generation steps, in the order generateDemo() runs them.
void writeFxRates(Context& ctx);
void writeReps(Context& ctx);
void writeAccounts(Context& ctx);       // and their contacts
void writeOpportunities(Context& ctx);  // with history, splits and activities
void writeLeads(Context& ctx);          // with the activities of first responses
void writeQuotas(Context& ctx);
void writeForecasts(Context& ctx);
// After the bulk load (it reads the accounts back): territory models and the accounts' assignments.
void writeTerritories(Context& ctx, Database& db);
void writeCompPlans(Context& ctx, Database& db);  // plans and assignments (DemoComp.cpp)

}  // namespace salesops::demo
