#pragma once
// Running salesops-cli in-process for tests: exit code and both streams.
#include <sstream>
#include <string>
#include <vector>

#include "cli/Cli.h"

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

}  // namespace salesops::testing
