#pragma once
// A workbook holding the territory fixture (support/TerritoryFixture.h), imported through the CLI, and a
// shortcut for `salesops-cli territory WORKBOOK ...`. Tests that need other rules override files().
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "CliTestSupport.h"
#include "support/TerritoryFixture.h"

namespace salesops::testing {

class TerritoryCliFixture : public ::testing::Test {
 protected:
  virtual std::map<std::string, std::string> files() const { return territoryFixtureFiles(); }

  void SetUp() override {
    std::filesystem::create_directories(dir_ / "in");
    for (const auto& [name, content] : files()) writeFile(dir_ / "in" / name, content);
    ASSERT_EQ(runCli({"init", book()}).code, 0);
    const auto imported = runCli({"import", book(), (dir_ / "in").string()});
    ASSERT_EQ(imported.code, 0) << imported.err << imported.out;
  }
  std::string book() const { return (dir_ / "t.salesops").string(); }
  CliResult territory(std::vector<std::string> args) {
    args.insert(args.begin(), {"territory", book()});
    return runCli(args);
  }
  TempDir dir_;
};

}  // namespace salesops::testing
