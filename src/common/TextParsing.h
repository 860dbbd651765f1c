#pragma once
// Small helpers shared by the parsers of src/common (dates, periods, decimals). Internal to the library.
#include <string>
#include <string_view>

namespace salesops::detail {

inline void setWhy(std::string* why, std::string reason) {
  if (why) *why = std::move(reason);
}

inline bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

// The text quoted for a message, cut short because it may be a whole broken line of a file or a long argument.
inline std::string quoted(std::string_view text) {
  constexpr std::size_t kMax = 40;
  if (text.size() <= kMax) return "\"" + std::string(text) + "\"";
  return "\"" + std::string(text.substr(0, kMax)) + "...\"";
}

}  // namespace salesops::detail
