#include "io/PlanFiles.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/Currency.h"
#include "common/Error.h"
#include "comp/CompPlanParser.h"
#include "storage/CompStore.h"

namespace salesops::importing {

namespace fs = std::filesystem;

// plans/*.json beside the CSV files of a folder: each file one plan version (COMP.md).
void importPlanFiles(const std::vector<std::filesystem::path>& paths, RunState& run, const std::string& corporate) {
  for (const fs::path& path : paths) {
    std::error_code ec;
    const fs::path folder = path / "plans";
    if (!fs::is_directory(path, ec) || !fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    FileCounts counts;
    counts.file = "plans/";
    counts.entity = "comp_plan";
    CompStore store(run.db);
    for (const fs::path& file : files) {
      const std::string name = "plans/" + file.filename().string();
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      try {
        const comp::CompPlan plan = comp::parseCompPlan(text.str(), name, minorDigits(corporate));
        switch (store.savePlan({plan.planId, plan.effectiveFrom, plan.effectiveTo, plan.name, plan.json})) {
          case WriteOutcome::Inserted:
            ++counts.inserted;
            break;
          case WriteOutcome::Updated:
            ++counts.updated;
            break;
          case WriteOutcome::Unchanged:
            ++counts.unchanged;
            break;
        }
      } catch (const Error& e) {
        run.problem(name, 0, e.where().column, e.message());
        ++counts.rejected;
      }
    }
    if (!files.empty()) run.report.files.push_back(counts);
  }
}

}  // namespace salesops::importing

namespace salesops {

// Plans travel as plans/<plan_id>.json, their stored text unchanged (COMP.md); a plan with several versions
// writes its older ones as plans/<plan_id>@<effective_from>.json.
void writePlanFiles(Database& db, const std::filesystem::path& dir) {
  const std::vector<StoredPlan> plans = CompStore(db).plans();
  if (plans.empty()) return;
  const std::filesystem::path folder = dir / "plans";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw Error(ErrorKind::Workbook, "cannot create the folder " + folder.string() + ": " + ec.message());
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const StoredPlan& p = plans[i];
    const bool newest = i + 1 == plans.size() || plans[i + 1].planId != p.planId;
    const auto path = folder / (p.planId + (newest ? "" : "@" + p.effectiveFrom.toString()) + ".json");
    const auto temporary = path.string() + ".part";
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      out << p.json;
      out.flush();
      if (!out) throw Error(ErrorKind::Workbook, "cannot write " + path.string());
    }
    std::filesystem::rename(temporary, path, ec);
    if (ec) throw Error(ErrorKind::Workbook, "cannot write " + path.string() + ": " + ec.message());
  }
}

}  // namespace salesops
