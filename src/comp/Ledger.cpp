#include "comp/Ledger.h"

#include <array>

namespace salesops::comp {
namespace {
constexpr std::array<const char*, 8> kNames{"earning",      "bonus",         "spiff",    "override",
                                            "draw_advance", "draw_recovery", "clawback", "adjustment"};
}

const char* lineKindName(LineKind kind) noexcept { return kNames[static_cast<std::size_t>(kind)]; }

std::optional<LineKind> parseLineKind(std::string_view name) noexcept {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<LineKind>(i);
  }
  return std::nullopt;
}

}  // namespace salesops::comp
