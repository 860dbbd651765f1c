#include "services/DemoGenerator.h"

#include <string>

#include "common/Error.h"
#include "services/DemoModel.h"

namespace salesops {
namespace {

constexpr std::int64_t kMaxOpportunities = 1000000;

// The stages Workbook::create() inserts, in the order DemoModel's stage indexes use.
constexpr std::array<std::string_view, 7> kStageNames{"Prospecting", "Qualification", "Needs Analysis", "Proposal",
                                                      "Negotiation", "Closed Won",    "Closed Lost"};

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

DemoSummary generateDemo(Workbook& workbook, const DemoOptions& options, const LongTask& task) {
  if (options.opportunities < 1 || options.opportunities > kMaxOpportunities)
    throw Error(ErrorKind::Usage,
                "the demo makes 1 to 1,000,000 opportunities, not " + std::to_string(options.opportunities));
  Database& db = workbook.db();
  demo::BulkConnection bulk(db);
  Transaction transaction(db);
  demo::DemoWriter out(db);
  if (const auto filled = out.nonEmptyTables(); !filled.empty())
    throw Error(ErrorKind::Data, "the demo fills an empty workbook; this one already has " + joined(filled));

  DemoSummary summary;
  demo::Context ctx(out, task, options, summary);
  for (std::size_t i = 0; i < kStageNames.size(); ++i) {
    ctx.stageId[i] = out.stageId(kStageNames[i]);
    if (ctx.stageId[i] == 0)
      throw Error(ErrorKind::Data, "the demo needs the default stage \"" + std::string(kStageNames[i]) +
                                       "\", which this workbook does not have");
  }
  // The demo's probabilities follow the default pipeline, whatever the stage rows say.
  ctx.stageProbability = {1000, 2000, 3000, 6000, 8000, 10000, 0};

  out.beginBulk();
  task.report("reference data", 0, 0);
  demo::writeFxRates(ctx);
  demo::writeReps(ctx);
  demo::writeAccounts(ctx);
  demo::writeOpportunities(ctx);
  task.report("leads", 0, 0);
  demo::writeLeads(ctx);
  task.report("quotas and forecasts", 0, 0);
  demo::writeQuotas(ctx);
  demo::writeForecasts(ctx);
  task.checkCancelled();
  task.report("indexes", 0, 0);
  out.finishBulk();
  demo::writeTerritories(ctx, db);
  demo::writeCompPlans(ctx, db);

  // The business the demo describes: USD books, calendar fiscal years, seen from 2026-11-15.
  out.setting("currency", "USD");
  out.setting("fiscal_year_start_month", "1");
  out.setting("as_of", "2026-11-15");
  workbook.audit("demo", "",
                 std::to_string(options.opportunities) + " opportunities, seed " + std::to_string(options.seed));
  task.checkCancelled();
  transaction.commit();
  out.restorePragmas();
  return summary;
}

}  // namespace salesops
