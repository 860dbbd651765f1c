#include "io/NativeImportWriter.h"

namespace salesops::importing {

namespace {
constexpr int kBatchesInFlight = 4;
}

WriterThread::WriterThread(EntityWriter& writer, std::size_t fieldCount) : writer_(writer), fieldCount_(fieldCount) {
  for (int i = 0; i < kBatchesInFlight - 1; ++i) free_.push_back(std::make_unique<Batch>());
  filling_ = std::make_unique<Batch>();
  filling_->values.reserve(kRowsPerBatch * fieldCount_);
  thread_ = std::thread([this] { loop(); });
}

WriterThread::~WriterThread() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    abandon_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void WriterThread::submitIfFull() {
  if (filling_->ops.size() >= kRowsPerBatch) submit();
}

void WriterThread::submit() {
  std::unique_lock lock(mutex_);
  if (error_) std::rethrow_exception(error_);
  full_.push_back(std::move(filling_));
  changed_.notify_all();
  changed_.wait(lock, [this] { return !free_.empty() || error_; });
  if (error_) std::rethrow_exception(error_);
  filling_ = std::move(free_.front());
  free_.pop_front();
  filling_->clear();
}

void WriterThread::finish() {
  {
    std::lock_guard lock(mutex_);
    if (!filling_->ops.empty()) full_.push_back(std::move(filling_));
    closing_ = true;
  }
  changed_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
}

void WriterThread::loop() {
  for (;;) {
    std::unique_ptr<Batch> batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !full_.empty() || closing_; });
      if (full_.empty() || abandon_ || error_) return;
      batch = std::move(full_.front());
      full_.pop_front();
    }
    try {
      write(*batch);
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
      changed_.notify_all();
      return;
    }
    {
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(batch));
    }
    changed_.notify_all();
  }
}

void WriterThread::write(const Batch& batch) {
  const std::size_t count = batch.ops.size();
  for (std::size_t i = 0; i < count;) {
    if (batch.ops[i].isNew) {
      std::size_t end = i;
      while (end < count && batch.ops[end].isNew) ++end;
      writer_.insertMany(&batch.ids[i], &batch.values[i * fieldCount_], end - i);
      inserted += static_cast<std::int64_t>(end - i);
      i = end;
      continue;
    }
    if (writer_.update(batch.ops[i].id, &batch.values[i * fieldCount_])) {
      ++updated;
    } else {
      ++unchanged;
    }
    ++i;
  }
}

}  // namespace salesops::importing
