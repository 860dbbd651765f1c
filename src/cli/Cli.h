#pragma once
// salesops-cli as a function: arguments in, exit code out (CLI.md), with injectable streams so tests run
// commands in-process.
#include <iosfwd>
#include <string>
#include <vector>

namespace salesops::cli {

struct CliStreams {
  std::ostream& out;         // results
  std::ostream& err;         // errors, one line each, and progress
  bool interactive = false;  // stderr is a terminal: show progress
};

// args excludes the program name: {"info", "book.salesops"}.
int run(const std::vector<std::string>& args, CliStreams streams);

}  // namespace salesops::cli
