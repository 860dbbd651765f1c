#include "BenchSupport.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace salesops::bench {
namespace {

ChildRun waitForChild(pid_t pid, const Stopwatch& watch) {
  int status = 0;
  struct rusage usage {};
  ChildRun run;
  if (wait4(pid, &status, 0, &usage) < 0) {
    run.exitCode = -1;
    return run;
  }
  run.seconds = watch.seconds();
  run.peakRssKb = usage.ru_maxrss;
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace

ChildRun runInChild(const std::function<int()>& work) {
  std::fflush(nullptr);
  Stopwatch watch;
  pid_t pid = fork();
  if (pid == 0) {
    int code = work();
    std::fflush(nullptr);
    _exit(code);
  }
  return waitForChild(pid, watch);
}

ChildRun runCommand(const std::string& command) {
  std::fflush(nullptr);
  Stopwatch watch;
  pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return waitForChild(pid, watch);
}

void printRatio(const std::string& name, double ours, double peer, double target) {
  double ratio = peer > 0 ? ours / peer : 0;
  std::printf("%-40s ours %8.3f s   peer %8.3f s   ratio %.2f (target <= %.2f) %s\n", name.c_str(), ours, peer, ratio,
              target, ratio <= target ? "PASS" : "MISS");
}

}  // namespace salesops::bench
