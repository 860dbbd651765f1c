#pragma once
// What the desktop benchmarks share: spinning the event loop until something shows, and the
// 1,000,000-opportunity demo workbook they default to (made once, kept in the temp folder).
#include <QApplication>

#include <cstdio>
#include <filesystem>
#include <functional>

#include "BenchSupport.h"
#include "services/DemoGenerator.h"
#include "storage/Workbook.h"

namespace salesops::bench {

inline bool spinUntil(const std::function<bool()>& done, double timeoutSeconds) {
  Stopwatch watch;
  while (!done()) {
    if (watch.seconds() > timeoutSeconds) return false;
    QApplication::processEvents(QEventLoop::AllEvents, 5);
  }
  return true;
}

inline std::filesystem::path millionOpportunityDemo() {
  auto dir = std::filesystem::temp_directory_path() / "salesops-gui-bench";
  std::filesystem::create_directories(dir);
  auto path = dir / "demo-1m.salesops";
  if (!std::filesystem::exists(path)) {
    std::printf("creating a 1,000,000-opportunity demo workbook at %s ...\n", path.c_str());
    auto workbook = salesops::Workbook::create(path);
    salesops::generateDemo(*workbook, {.opportunities = 1'000'000, .seed = 1});
  }
  return path;
}

}  // namespace salesops::bench
