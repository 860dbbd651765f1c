#pragma once
// Running salesops-cli in-process for tests: exit code and both streams.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cli/Cli.h"
#include "support/TempDir.h"

namespace salesops::testing {

struct CliResult {
  int code;
  std::string out;
  std::string err;
};

inline CliResult runCli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = cli::run(args, {out, err, false});
  return {code, out.str(), err.str()};
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The cells of one CSV line split at every comma (the tests' outputs quote nothing); a trailing comma
// ends in an empty cell.
inline std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
  if (!line.empty() && line.back() == ',') out.emplace_back();
  return out;
}

// A demo workbook made once per test suite through the CLI itself, in a folder the tests may also use.
template <int Seed>
class DemoWorkbookSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = new TempDir();
    const auto made = runCli({"demo", book(), "--opportunities", "1500", "--seed", std::to_string(Seed)});
    ASSERT_EQ(made.code, 0) << made.err;
  }
  static void TearDownTestSuite() {
    delete dir;
    dir = nullptr;
  }
  static std::string book() { return (*dir / "demo.salesops").string(); }
  static std::string file(const std::string& name) { return (*dir / name).string(); }

  static inline TempDir* dir = nullptr;
};

}  // namespace salesops::testing
