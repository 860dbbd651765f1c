#include <unistd.h>

#include <iostream>

#include "cli/Cli.h"
#include "common/Logging.h"

int main(int argc, char** argv) {
  salesops::initLogging("salesops-cli");
  std::vector<std::string> args(argv + 1, argv + argc);
  return salesops::cli::run(args, {std::cout, std::cerr, isatty(STDERR_FILENO) != 0});
}
