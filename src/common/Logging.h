#pragma once
// Logging through spdlog to a rotating file in the user's data folder. Each module takes a named
// logger ("salesops.storage", ...). Until initLogging() runs, loggers write nowhere.
#include <filesystem>
#include <memory>
#include <string>

#include <spdlog/logger.h>

namespace salesops {

// Linux: $XDG_DATA_HOME/SalesOpsWorkbench (default ~/.local/share/SalesOpsWorkbench); macOS:
// ~/Library/Application Support/SalesOpsWorkbench; Windows: %APPDATA%\SalesOpsWorkbench.
// SALESOPS_DATA_DIR overrides (tests use it).
std::filesystem::path userDataDir();

// Sets up the file sink at userDataDir()/logs/salesops.log; returns the log path. Safe to call twice.
// A folder that cannot be written leaves logging off and returns an empty path.
std::filesystem::path initLogging(const std::string& programName);

// The named logger of a module; shares the file sink.
std::shared_ptr<spdlog::logger> logger(const std::string& module);

}  // namespace salesops
