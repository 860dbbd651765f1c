#pragma once
// Fixed word lists of the demo (people, companies, places). Plain arrays: their order is part of the
// determinism promise, so never sort or shuffle them at run time.
#include <span>
#include <string_view>

namespace salesops::demo {

struct Country {
  std::string_view name;
  std::string_view region;      // North America, EMEA, APAC, LATAM
  int regionIndex;              // 0..3 in that order
  std::string_view currency;    // currency of the deals booked there
  std::string_view postalCode;  // pattern: '9' a digit, 'A' a capital letter, other characters as is
  std::string_view phonePrefix;
  double weight;  // share of accounts
};

std::span<const Country> countries();
std::span<const std::string_view> regionNames();  // by regionIndex
std::span<const std::string_view> industries();
std::span<const std::string_view> firstNames();
std::span<const std::string_view> lastNames();
std::span<const std::string_view> companyWords();
std::span<const std::string_view> companyNouns();
std::span<const std::string_view> companyForms();
std::span<const std::string_view> contactTitles();
std::span<const std::string_view> leadSources();

}  // namespace salesops::demo
