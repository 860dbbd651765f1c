#pragma once
// Test helpers: a temporary folder removed at the end of the test, and the shared datasets folder.
#include <filesystem>
#include <string>

namespace salesops::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const noexcept { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path` byte for byte.
void writeFile(const std::filesystem::path& path, const std::string& content);
std::string readFile(const std::filesystem::path& path);

// ../shared/datasets relative to the repository root (tests run there); empty when absent.
std::filesystem::path datasetsDir();

}  // namespace salesops::testing

// Skips the current test with a clear message when ../shared/datasets is absent (a user's clone).
#define SALESOPS_REQUIRE_DATASETS()                                                                 \
  do {                                                                                              \
    if (::salesops::testing::datasetsDir().empty())                                                 \
      GTEST_SKIP() << "../shared/datasets is not beside this clone; the real-data test is skipped"; \
  } while (0)
