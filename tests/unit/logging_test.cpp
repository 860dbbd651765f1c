#include "common/Logging.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include <unistd.h>

namespace salesops {
namespace {

namespace fs = std::filesystem;

// Sets or clears an environment variable for one scope and puts the old value back afterwards.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~EnvVar() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

fs::path freshDir(const std::string& tag) {
  const fs::path dir = fs::temp_directory_path() / ("salesops-logging-" + tag + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string readAll(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(LoggingTest, DataDirOverrideWins) {
  EnvVar data("SALESOPS_DATA_DIR", "/tmp/salesops-override");
  EnvVar xdg("XDG_DATA_HOME", "/tmp/xdg-elsewhere");
  EXPECT_EQ(userDataDir(), fs::path("/tmp/salesops-override"));
}

TEST(LoggingTest, XdgDataHomeOnLinux) {
  EnvVar data("SALESOPS_DATA_DIR", nullptr);
  EnvVar xdg("XDG_DATA_HOME", "/tmp/xdg-data");
  EXPECT_EQ(userDataDir(), fs::path("/tmp/xdg-data/SalesOpsWorkbench"));
}

TEST(LoggingTest, DefaultsUnderHomeWhenXdgIsUnsetOrRelative) {
  EnvVar data("SALESOPS_DATA_DIR", nullptr);
  EnvVar home("HOME", "/tmp/some-home");
  {
    EnvVar xdg("XDG_DATA_HOME", nullptr);
    EXPECT_EQ(userDataDir(), fs::path("/tmp/some-home/.local/share/SalesOpsWorkbench"));
  }
  {
    EnvVar xdg("XDG_DATA_HOME", "relative/dir");
    EXPECT_EQ(userDataDir(), fs::path("/tmp/some-home/.local/share/SalesOpsWorkbench"));
  }
  {
    EnvVar empty("SALESOPS_DATA_DIR", "");
    EnvVar xdg("XDG_DATA_HOME", "");
    EXPECT_EQ(userDataDir(), fs::path("/tmp/some-home/.local/share/SalesOpsWorkbench"));
  }
}

TEST(LoggingTest, LoggersAreNamedAndShared) {
  auto a = logger("salesops.unittest");
  auto b = logger("salesops.unittest");
  auto c = logger("salesops.other");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a->name(), "salesops.unittest");
  EXPECT_NO_THROW(a->info("a message that may go nowhere"));
}

// Exit code of the initialisation scenario: 0 when everything landed where it should.
int initInChild(const fs::path& dir) {
  // A logger taken before initialisation must start writing once the file sink exists.
  auto early = logger("salesops.early");
  early->warn("dropped before init");
  const fs::path path = initLogging("unit_tests");
  if (path != dir / "logs" / "salesops.log") return 2;
  if (initLogging("unit_tests") != path) return 3;
  early->warn("early logger after init");
  logger("salesops.late")->error("late logger {}", 42);
  const std::string text = readAll(path);
  if (text.find("unit_tests started") == std::string::npos) return 4;
  if (text.find("[salesops.early] early logger after init") == std::string::npos) return 5;
  if (text.find("[salesops.late] late logger 42") == std::string::npos) return 6;
  if (text.find("dropped before init") != std::string::npos) return 7;
  return 0;
}

// The following run in a fresh child process (threadsafe death-test style re-executes the binary), so
// logging is known to be uninitialised there whatever other tests of this binary did before.
class LoggingInitTest : public ::testing::Test {
 protected:
  void SetUp() override { GTEST_FLAG_SET(death_test_style, "threadsafe"); }
};

TEST_F(LoggingInitTest, WritesIntoTheRotatingFileUnderTheDataDir) {
  const fs::path dir = freshDir("init");
  EXPECT_EXIT(
      {
        setenv("SALESOPS_DATA_DIR", dir.c_str(), 1);
        const int code = initInChild(dir);
        fs::remove_all(dir);  // the child made its own folder (its own pid), so it clears it too
        std::exit(code);
      },
      ::testing::ExitedWithCode(0), "");
  fs::remove_all(dir);
}

TEST_F(LoggingInitTest, UnwritableFolderLeavesLoggingOff) {
  const fs::path dir = freshDir("blocked");
  // A plain file where the data folder should be: no folder can be made below it, even by root.
  const fs::path blocker = dir / "not-a-dir";
  std::ofstream(blocker) << "x";
  EXPECT_EXIT(
      {
        setenv("SALESOPS_DATA_DIR", blocker.c_str(), 1);
        const bool off = initLogging("unit_tests").empty();
        logger("salesops.any")->error("goes nowhere");
        fs::remove_all(dir);
        std::exit(off ? 0 : 2);
      },
      ::testing::ExitedWithCode(0), "");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace salesops
