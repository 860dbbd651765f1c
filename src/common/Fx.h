#pragma once
// Conversion to the corporate currency with dated rates (DOMAIN.md): the rate in force on the reference
// date; a date before a currency's first rate uses the first rate; rounding half away from zero per record.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/Date.h"
#include "common/Decimal.h"

namespace salesops {

class FxTable {
 public:
  explicit FxTable(std::string corporateCurrency);

  const std::string& corporateCurrency() const noexcept { return corporate_; }
  // rate = units of corporate currency per one unit of `currency`, effective from validFrom. A second rate
  // for the same currency and day replaces the first. Throws Error(Data) for a rate <= 0.
  void addRate(const std::string& currency, Date validFrom, Decimal rate);
  bool knows(const std::string& currency) const;  // the corporate currency is always known

  // Converts minor units of `currency` into minor units of the corporate currency.
  // nullopt when the currency has no rate at all, or (absurd amounts only) the result does not fit int64.
  std::optional<std::int64_t> toCorporate(std::int64_t minorUnits, const std::string& currency, Date on) const;

 private:
  struct DatedRate {
    Date validFrom;
    Decimal rate;
  };
  std::string corporate_;
  std::map<std::string, std::vector<DatedRate>, std::less<>> rates_;  // each sorted by validFrom
};

}  // namespace salesops
