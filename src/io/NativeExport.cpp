#include "io/NativeExport.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "common/Error.h"
#include "io/PlanFiles.h"
#include "storage/EntityStore.h"

namespace salesops {
namespace {

constexpr std::size_t kRowsPerBatch = 1024;
constexpr int kBatchesInFlight = 4;

using RowBatch = std::vector<std::vector<std::string>>;

// Reads an entity's rows on a second thread while the calling thread encodes and writes them: SQLite and
// the CSV encoding each take about half of an export, so two cores nearly halve it. Batches are recycled
// (their strings keep their capacity), so memory stays bounded and allocation-free after warm-up.
class RowPump {
 public:
  RowPump(EntityReader& reader) : reader_(reader) {
    for (int i = 0; i < kBatchesInFlight; ++i) free_.push_back(std::make_unique<RowBatch>());
    thread_ = std::thread([this] { run(); });
  }
  ~RowPump() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  RowPump(const RowPump&) = delete;
  RowPump& operator=(const RowPump&) = delete;

  // The next batch (`used` rows of it are valid), or null at the end. Give it back with recycle().
  std::unique_ptr<RowBatch> next(std::size_t& used) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !full_.empty() || done_; });
    if (full_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return nullptr;
    }
    auto batch = std::move(full_.front().first);
    used = full_.front().second;
    full_.pop_front();
    return batch;
  }
  void recycle(std::unique_ptr<RowBatch> batch) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(batch));
    }
    changed_.notify_all();
  }

 private:
  void run() {
    try {
      for (bool more = true; more;) {
        std::unique_ptr<RowBatch> batch;
        {
          std::unique_lock lock(mutex_);
          changed_.wait(lock, [this] { return !free_.empty() || stop_; });
          if (stop_) break;
          batch = std::move(free_.front());
          free_.pop_front();
        }
        std::size_t used = 0;
        if (batch->size() < kRowsPerBatch) batch->resize(kRowsPerBatch);
        while (used < kRowsPerBatch && (more = reader_.next((*batch)[used]))) ++used;
        {
          std::lock_guard lock(mutex_);
          if (used > 0) full_.emplace_back(std::move(batch), used);
        }
        changed_.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      error_ = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
  }

  EntityReader& reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::unique_ptr<RowBatch>, std::size_t>> full_;
  std::deque<std::unique_ptr<RowBatch>> free_;
  bool stop_ = false, done_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace

std::vector<ExportedFile> exportNativeCsv(Workbook& workbook, const std::filesystem::path& dir,
                                          const ExportOptions& options, const LongTask& task) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw Error(ErrorKind::Workbook, "cannot create the folder " + dir.string() + ": " + ec.message());
  const std::string corporate = workbook.settings().currency;
  Database& db = workbook.db();

  std::int64_t total = 0, done = 0;
  for (const EntitySpec& spec : entities()) total += EntityReader(db, spec, corporate).count();

  // Every file stays a temporary until all are complete, so a cancelled or failed export leaves no file of
  // this run behind (and never a mix of old and new files).
  std::vector<std::unique_ptr<CsvWriter>> writers;
  std::vector<ExportedFile> files;
  for (const EntitySpec& spec : entities()) {
    ExportedFile file{dir / std::string(spec.csvFile), std::string(spec.name), 0};
    auto writer = std::make_unique<CsvWriter>(file.path, options.csv);
    std::vector<bool> numeric;
    for (const FieldSpec& f : spec.fields) {
      writer->field(f.name);
      numeric.push_back(f.type == FieldType::Money || f.type == FieldType::Integer || f.type == FieldType::Percent ||
                        f.type == FieldType::Decimal);
    }
    writer->endRow();
    EntityReader reader(db, spec, corporate);
    RowPump pump(reader);
    std::size_t used = 0;
    while (auto batch = pump.next(used)) {
      for (std::size_t r = 0; r < used; ++r) {
        const auto& row = (*batch)[r];
        for (std::size_t c = 0; c < row.size(); ++c) {
          // A figure stays a number in the "for spreadsheets" mode; without it both calls write the same.
          if (numeric[c]) {
            writer->numberField(row[c]);
          } else {
            writer->field(row[c]);
          }
        }
        writer->endRow();
      }
      file.rows += static_cast<std::int64_t>(used);
      done += static_cast<std::int64_t>(used);
      pump.recycle(std::move(batch));
      task.checkCancelled();
      task.report("export " + std::string(spec.csvFile), done, total);
    }
    writers.push_back(std::move(writer));
    files.push_back(std::move(file));
  }
  task.checkCancelled();
  for (auto& writer : writers) writer->commit();
  writePlanFiles(db, dir);
  task.report("export", done, total);
  return files;
}

}  // namespace salesops
