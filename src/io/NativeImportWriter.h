#pragma once
// The second thread of native import: the parsing thread fills batches of stored-form rows, this thread
// steps SQLite over them. Parsing and SQLite each take about half of a bulk load, so on two cores the
// overlap nearly halves the time. Memory is bounded by the fixed number of batches in flight.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "io/NativeImportRow.h"
#include "storage/EntityWriter.h"

namespace salesops::importing {

struct Batch {
  struct Op {
    std::int64_t id = 0;
    bool isNew = false;
  };
  std::vector<StoredValue> values;  // fieldCount per op
  std::vector<Op> ops;
  std::vector<std::int64_t> ids;  // ops[i].id, contiguous for EntityWriter::insertMany
  Arena arena;                    // the text the values point to

  void clear() noexcept {
    values.clear();
    ops.clear();
    ids.clear();
    arena.clear();
  }
};

class WriterThread {
 public:
  static constexpr std::size_t kRowsPerBatch = 2048;

  // The writer is used only by the thread from construction to finish(); the caller must not touch the
  // database meanwhile.
  WriterThread(EntityWriter& writer, std::size_t fieldCount);
  ~WriterThread();  // stops without writing what is queued (the caller is unwinding)
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;

  Batch& current() noexcept { return *filling_; }
  // Hands the current batch over when full; rethrows a failure of the writer thread (disk full...).
  void submitIfFull();
  // Writes what is left, joins the thread, rethrows its failure.
  void finish();

  std::int64_t inserted = 0, updated = 0, unchanged = 0;  // valid after finish()

 private:
  void submit();
  void loop();
  void write(const Batch& batch);

  EntityWriter& writer_;
  std::size_t fieldCount_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> full_, free_;
  std::unique_ptr<Batch> filling_;
  bool closing_ = false, abandon_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace salesops::importing
