#include "storage/WorkbookLock.h"

#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

#include "common/Error.h"
#include "common/Logging.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <process.h>
#include <sys/stat.h>
#include <windows.h>
#else
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace salesops {
namespace {

namespace fs = std::filesystem;

#ifdef _WIN32
long currentPid() { return static_cast<long>(_getpid()); }
#else
long currentPid() { return static_cast<long>(::getpid()); }
#endif

// OS locks are per process (fcntl) or per handle (LockFileEx); neither stops this same process from
// opening a workbook twice, and with fcntl even peeking at the lock file would drop our own lock (closing
// any descriptor of the file releases the process's locks). So the process remembers what it holds.
// The pid tells a child after fork() that an inherited entry is not its own: fcntl locks are not inherited.
struct Held {
  long pid;
  std::string holder;
};
std::mutex registryMutex;
std::map<std::string, Held>& registry() {
  static std::map<std::string, Held> held;
  return held;
}

std::string userName() {
#ifdef _WIN32
  if (const char* u = std::getenv("USERNAME")) return u;
#else
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* pw = ::getpwuid(::geteuid())) return pw->pw_name;
#endif
  return "unknown";
}

std::string hostName() {
#ifdef _WIN32
  if (const char* h = std::getenv("COMPUTERNAME")) return h;
  return "unknown";
#else
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
#endif
}

std::string holderInfo() {
  return "salesops pid " + std::to_string(currentPid()) + " user " + userName() + " host " + hostName();
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\0')) s.pop_back();
  return s;
}

[[noreturn]] void throwInUse(const std::string& holder) {
  throw Error(ErrorKind::Workbook, "workbook in use by " + (holder.empty() ? std::string("another program") : holder) +
                                       "; close it there first");
}

[[noreturn]] void throwCannotLock(const fs::path& workbook, int err) {
  if (err == EACCES || err == EROFS || err == EPERM) {
    throw Error(ErrorKind::Workbook, "cannot lock " + workbook.string() + ": the folder is read-only");
  }
  throw Error(ErrorKind::Workbook, "cannot lock " + workbook.string() + ": " + std::generic_category().message(err));
}

#ifdef _WIN32
// Returns 0 when locked, else an errno-style code; EAGAIN = held by someone else.
int lockDescriptor(int fd) {
  auto handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
  OVERLAPPED at{};
  if (LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) return 0;
  return GetLastError() == ERROR_LOCK_VIOLATION ? EAGAIN : EIO;
}
int openLockFile(const fs::path& p) { return _wopen(p.c_str(), _O_RDWR | _O_CREAT | _O_BINARY, _S_IREAD | _S_IWRITE); }
bool sameFile(int, const fs::path&) { return true; }  // Windows cannot delete an open file, so no race
void closeDescriptor(int fd) { _close(fd); }
int writeAll(int fd, const std::string& s) { return _write(fd, s.data(), static_cast<unsigned>(s.size())); }
int truncateFile(int fd) { return _chsize(fd, 0); }
long readSome(int fd, char* buffer, unsigned size) { return _read(fd, buffer, size); }
#else
int lockDescriptor(int fd) {
  struct flock request {};
  request.l_type = F_WRLCK;
  request.l_whence = SEEK_SET;
  if (::fcntl(fd, F_SETLK, &request) == 0) return 0;
  return errno == EACCES ? EAGAIN : errno;
}
int openLockFile(const fs::path& p) { return ::open(p.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644); }
// A releasing holder unlinks the file; whoever locked the old, unlinked inode meanwhile must start over.
bool sameFile(int fd, const fs::path& p) {
  struct stat open {
  }, named{};
  return ::fstat(fd, &open) == 0 && ::stat(p.c_str(), &named) == 0 && open.st_ino == named.st_ino &&
         open.st_dev == named.st_dev;
}
void closeDescriptor(int fd) { ::close(fd); }
int writeAll(int fd, const std::string& s) { return static_cast<int>(::pwrite(fd, s.data(), s.size(), 0)); }
int truncateFile(int fd) { return ::ftruncate(fd, 0); }
long readSome(int fd, char* buffer, unsigned size) { return static_cast<long>(::pread(fd, buffer, size, 0)); }
#endif

std::string readHolder(int fd) {
  char buffer[512] = {};
  const long n = readSome(fd, buffer, sizeof buffer - 1);
  return n > 0 ? trimmed(std::string(buffer, static_cast<std::size_t>(n))) : std::string();
}

}  // namespace

std::unique_ptr<WorkbookLock> WorkbookLock::acquire(const std::filesystem::path& workbook) {
  std::error_code ec;
  fs::path absolute = fs::weakly_canonical(fs::absolute(workbook, ec), ec);
  if (absolute.empty()) absolute = workbook;
  fs::path lockPath = absolute;
  lockPath += ".lock";
  const std::string key = lockPath.string();

  std::lock_guard guard(registryMutex);
  if (auto it = registry().find(key); it != registry().end()) {
    if (it->second.pid == currentPid()) throwInUse(it->second.holder + " (this program)");
    registry().erase(it);
  }

  for (int attempt = 0; attempt < 5; ++attempt) {
    const int fd = openLockFile(lockPath);
    if (fd < 0) throwCannotLock(workbook, errno);
    const int rc = lockDescriptor(fd);
    if (rc == EAGAIN) {
      const std::string holder = readHolder(fd);
      closeDescriptor(fd);
      logger("salesops.storage")->info("{}: lock held by {}", workbook.string(), holder);
      throwInUse(holder);
    }
    if (rc != 0) {
      closeDescriptor(fd);
      throwCannotLock(workbook, rc);
    }
    if (!sameFile(fd, lockPath)) {
      closeDescriptor(fd);
      continue;
    }
    const std::string holder = holderInfo();
    // The holder text is a courtesy for the other user's message; failing to write it is no reason to fail.
    if (truncateFile(fd) != 0 || writeAll(fd, holder + "\n") < 0) {
      logger("salesops.storage")->warn("{}: cannot record the lock holder", lockPath.string());
    }
    registry()[key] = Held{currentPid(), holder};
    return std::unique_ptr<WorkbookLock>(new WorkbookLock(lockPath, fd));
  }
  throw Error(ErrorKind::Workbook, "cannot lock " + workbook.string() + ": the lock file keeps changing");
}

WorkbookLock::WorkbookLock(std::filesystem::path lockPath, int fd) noexcept : lockPath_(std::move(lockPath)), fd_(fd) {}

WorkbookLock::~WorkbookLock() {
  std::lock_guard guard(registryMutex);
  registry().erase(lockPath_.string());
  // Unlink while still holding the lock, so nobody can lock this file and then see it vanish unnoticed
  // (acquire() checks that the file it locked is still the one named). Windows refuses to delete an open
  // file, so there the close comes first.
  std::error_code ignored;
#ifdef _WIN32
  closeDescriptor(fd_);
  fs::remove(lockPath_, ignored);
#else
  fs::remove(lockPath_, ignored);
  closeDescriptor(fd_);
#endif
}

}  // namespace salesops
