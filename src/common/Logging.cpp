#include "common/Logging.h"

#include <cstdlib>
#include <mutex>
#include <unordered_map>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>

#if !defined(_WIN32)
#include <pwd.h>
#include <unistd.h>
#endif

namespace salesops {

namespace {

constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 3;
constexpr const char* kAppFolder = "SalesOpsWorkbench";

// Every module logger writes into this one distributing sink. Before initLogging it has no children, so
// messages go nowhere; adding the file sink later reaches loggers created earlier without touching them.
struct LogState {
  std::mutex mutex;
  std::shared_ptr<spdlog::sinks::dist_sink_mt> hub = std::make_shared<spdlog::sinks::dist_sink_mt>();
  std::unordered_map<std::string, std::shared_ptr<spdlog::logger>> loggers;
  std::filesystem::path logPath;
  // Made up front so that logger() still has something to hand out when allocation fails later.
  std::shared_ptr<spdlog::logger> fallback = std::make_shared<spdlog::logger>("salesops.fallback");
};

LogState& state() {
  // Leaked on purpose: loggers may be used from destructors of other statics during shutdown.
  static LogState* s = new LogState();
  return *s;
}

#if defined(_WIN32)
std::filesystem::path environmentPath(const wchar_t* name) {
  const wchar_t* value = _wgetenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}
#else
std::filesystem::path environmentPath(const char* name) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path();
}

std::filesystem::path homeDir() {
  if (auto home = environmentPath("HOME"); !home.empty()) return home;
  // Services and sandboxes may run without HOME; the password database still knows it.
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
  return std::filesystem::temp_directory_path();
}
#endif

}  // namespace

std::filesystem::path userDataDir() {
#if defined(_WIN32)
  if (auto overridden = environmentPath(L"SALESOPS_DATA_DIR"); !overridden.empty()) return overridden;
  if (auto appData = environmentPath(L"APPDATA"); !appData.empty()) return appData / kAppFolder;
  return std::filesystem::temp_directory_path() / kAppFolder;
#else
  if (auto overridden = environmentPath("SALESOPS_DATA_DIR"); !overridden.empty()) return overridden;
#if defined(__APPLE__)
  return homeDir() / "Library" / "Application Support" / kAppFolder;
#else
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  if (auto xdg = environmentPath("XDG_DATA_HOME"); !xdg.empty() && xdg.is_absolute()) return xdg / kAppFolder;
  return homeDir() / ".local" / "share" / kAppFolder;
#endif
#endif
}

std::filesystem::path initLogging(const std::string& programName) {
  LogState& s = state();
  std::lock_guard lock(s.mutex);
  if (!s.logPath.empty()) return s.logPath;
  try {
    const std::filesystem::path dir = userDataDir() / "logs";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return {};
    const std::filesystem::path path = dir / "salesops.log";
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.string(), kMaxFileBytes, kMaxFiles);
    file->set_pattern("%Y-%m-%d %H:%M:%S.%e %-5l [%n] %v");
    s.hub->add_sink(file);
    s.logPath = path;
  } catch (const std::exception&) {
    // No log is no reason to stop the program; the caller sees the empty path.
    return {};
  }
  if (auto it = s.loggers.find("salesops"); it != s.loggers.end()) {
    it->second->info("{} started", programName);
  } else {
    spdlog::logger startup("salesops", s.hub);
    startup.info("{} started", programName);
  }
  return s.logPath;
}

std::shared_ptr<spdlog::logger> logger(const std::string& module) {
  LogState& s = state();
  try {
    std::lock_guard lock(s.mutex);
    auto& slot = s.loggers[module];
    if (!slot) {
      slot = std::make_shared<spdlog::logger>(module, s.hub);
      // Warnings and errors reach the file at once: they are what a support request needs after a crash.
      slot->flush_on(spdlog::level::warn);
    }
    return slot;
  } catch (...) {
    // Out of memory or a locking failure: a logger that discards everything keeps callers simple.
    return s.fallback;
  }
}

}  // namespace salesops
