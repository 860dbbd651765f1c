#pragma once
// The writer lock of a workbook: an OS advisory lock on "<workbook>.lock" beside the file, released when
// the process ends (so a crash never leaves a stale lock). The file records the holder (program, pid,
// user, host) so the second writer's message can say who has it.
#include <filesystem>
#include <memory>

namespace salesops {

class WorkbookLock {
 public:
  // Throws Error(Workbook, "workbook in use by <holder>; close it there first") when another process
  // holds it, and Error(Workbook, …) when the folder cannot be written.
  static std::unique_ptr<WorkbookLock> acquire(const std::filesystem::path& workbook);
  ~WorkbookLock();
  WorkbookLock(const WorkbookLock&) = delete;
  WorkbookLock& operator=(const WorkbookLock&) = delete;

 private:
  WorkbookLock(std::filesystem::path lockPath, int fd) noexcept;
  std::filesystem::path lockPath_;
  int fd_ = -1;
};

}  // namespace salesops
