#include <gtest/gtest.h>

#include "common/Error.h"
#include "storage/Workbook.h"
#include "storage/WorkbookLock.h"
#include "support/TempDir.h"

#ifndef _WIN32
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace salesops {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::string lockError(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Workbook);
    return e.message();
  }
  return "";
}

#ifndef _WIN32
// Runs `action` in a child process; the exit code tells the parent what happened there:
// 0 = "workbook in use" naming `expectedHolderPid`, 1 = acquired, 2 = another error, 3 = anything else.
int inChild(const std::function<void()>& action, long expectedHolderPid) {
  const pid_t child = fork();
  if (child == 0) {
    int code = 3;
    try {
      action();
      code = 1;
    } catch (const Error& e) {
      const std::string expected = "workbook in use by salesops pid " + std::to_string(expectedHolderPid) + " ";
      code =
          e.message().rfind(expected, 0) == 0 && e.message().find("close it there first") != std::string::npos ? 0 : 2;
    } catch (...) {
    }
    _exit(code);  // no destructors, no gtest teardown in the child
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
#endif

TEST(LockTest, SecondAcquireInTheSameProcessIsRefused) {
  TempDir dir;
  auto lock = WorkbookLock::acquire(dir / "w.salesops");
  const auto message = lockError([&] { WorkbookLock::acquire(dir / "w.salesops"); });
  EXPECT_EQ(message.rfind("workbook in use by salesops pid " + std::to_string(getpid()), 0), 0u) << message;
  EXPECT_NE(message.find("close it there first"), std::string::npos) << message;
}

TEST(LockTest, AnotherSpellingOfTheSamePathIsTheSameLock) {
  TempDir dir;
  fs::create_directory(dir / "sub");
  auto lock = WorkbookLock::acquire(dir / "w.salesops");
  EXPECT_FALSE(lockError([&] { WorkbookLock::acquire(dir / "sub" / ".." / "." / "w.salesops"); }).empty());
}

TEST(LockTest, TheLockFileNamesTheHolderAndGoesAwayOnRelease) {
  TempDir dir;
  auto lock = WorkbookLock::acquire(dir / "w.salesops");
  const auto content = testing::readFile(dir / "w.salesops.lock");
  EXPECT_EQ(content.rfind("salesops pid " + std::to_string(getpid()) + " user ", 0), 0u) << content;
  EXPECT_NE(content.find(" host "), std::string::npos) << content;
  lock.reset();
  EXPECT_FALSE(fs::exists(dir / "w.salesops.lock"));
  EXPECT_NO_THROW(WorkbookLock::acquire(dir / "w.salesops"));
}

TEST(LockTest, DifferentWorkbooksDoNotConflict) {
  TempDir dir;
  auto a = WorkbookLock::acquire(dir / "a.salesops");
  EXPECT_NO_THROW(WorkbookLock::acquire(dir / "b.salesops"));
}

#ifndef _WIN32
TEST(LockTest, AnotherProcessIsRefusedWhileHeldAndGetsItAfterwards) {
  TempDir dir;
  const auto path = dir / "w.salesops";
  auto lock = WorkbookLock::acquire(path);
  EXPECT_EQ(inChild([&] { WorkbookLock::acquire(path); }, getpid()), 0);
  lock.reset();
  EXPECT_EQ(inChild([&] { WorkbookLock::acquire(path); }, getpid()), 1);
}

TEST(LockTest, AnotherProcessCannotOpenTheWorkbookForWriting) {
  TempDir dir;
  const auto path = dir / "w.salesops";
  auto workbook = Workbook::create(path);
  EXPECT_EQ(inChild([&] { Workbook::open(path); }, getpid()), 0);
  EXPECT_EQ(inChild([&] { Workbook::open(path, Workbook::Access::ReadOnly); }, getpid()), 1);
}
#endif

TEST(LockTest, ReadOnlyFolderIsReportedClearly) {
  TempDir dir;
  fs::create_directory(dir / "ro");
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const auto path = dir / "ro" / "w.salesops";
  const std::string expected = "cannot lock " + path.string() + ": the folder is read-only";
  bool rootCanWrite = false;
  try {
    testing::writeFile(dir / "ro" / "probe", "x");
    rootCanWrite = true;
  } catch (const std::runtime_error&) {
  }
  if (!rootCanWrite) {
    EXPECT_EQ(lockError([&] { WorkbookLock::acquire(path); }), expected);
    return;
  }
#ifdef _WIN32
  GTEST_SKIP() << "this user can write into read-only folders";
#else
  // Root writes anywhere; an unprivileged child sees the folder as users do.
  const pid_t child = fork();
  if (child == 0) {
    int code = 3;
    if (setgid(65534) == 0 && setuid(65534) == 0) {
      try {
        WorkbookLock::acquire(path);
        code = 1;
      } catch (const Error& e) {
        code = e.message() == expected ? 0 : 2;
      }
    }
    _exit(code);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop to an unprivileged user here";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1 = locked anyway, 2 = another message";
#endif
}

}  // namespace
}  // namespace salesops
