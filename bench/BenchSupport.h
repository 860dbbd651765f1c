#pragma once
// Small helpers shared by the benchmarks: wall-clock timing, peak memory of a child process, running the
// peer program (sqlite3) and printing figures as ratios.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

namespace salesops::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_;
};

struct ChildRun {
  double seconds = 0;
  std::int64_t peakRssKb = 0;  // maximum resident set size of the child
  int exitCode = 0;
};

// Runs `work` in a forked child so its time and peak memory are measured alone.
ChildRun runInChild(const std::function<int()>& work);

// Runs a shell command, timing it and measuring its peak memory (via wait4).
ChildRun runCommand(const std::string& command);

// "name: 1.234 s  peer: 2.345 s  ratio 0.53 (target <= 1.00) PASS"
void printRatio(const std::string& name, double ours, double peer, double target);

}  // namespace salesops::bench
