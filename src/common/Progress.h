#pragma once
// Progress reporting and cooperative cancellation for long operations (import, export, demo).
// Thread-safety: a CancelToken may be cancelled from any thread; the worker polls it.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace salesops {

class CancelToken {
 public:
  void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }
  // Throws Error(ErrorKind::Cancelled) when cancelled.
  void throwIfCancelled() const;

 private:
  std::atomic<bool> cancelled_{false};
};

// done/total in any unit (rows, bytes); total 0 = unknown. Called from the worker thread.
using ProgressFn = std::function<void(const std::string& stage, std::int64_t done, std::int64_t total)>;

struct LongTask {
  ProgressFn progress;                  // may be empty
  const CancelToken* cancel = nullptr;  // may be null

  void report(const std::string& stage, std::int64_t done, std::int64_t total) const {
    if (progress) progress(stage, done, total);
  }
  void checkCancelled() const {
    if (cancel) cancel->throwIfCancelled();
  }
};

}  // namespace salesops
