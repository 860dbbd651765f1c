#include <gtest/gtest.h>

#include "kpi/KpiEngine.h"
#include "kpi/PipelineByStage.h"
#include "kpi_test_support.h"

namespace salesops::testing {
namespace {

TEST(PipelineByStage, SumsOpenAmountsPerStageInPipelineOrder) {
  SnapshotBuilder b;
  const auto ada = b.rep("R1");
  const auto ben = b.rep("R2");
  const auto cy = b.rep("R3");
  b.opp(ada, kProposal, 100000, "2026-01-02", "2026-04-10");
  b.opp(ada, kProposal, 50000, "2026-01-02", "2026-06-30");
  b.opp(ben, kProspecting, 7000, "2026-01-02", "2026-04-01");
  b.opp(ben, kNegotiation, 9000, "2026-01-02", "2026-03-31");  // closes before the quarter
  b.opp(ada, kWon, 999999, "2026-01-02", "2026-05-01");        // not open
  b.opp(cy, kQualification, 123, "2026-01-02", "2026-05-01");  // not in scope
  const KpiSnapshot s = b.build();
  const Period q2 = period("2026-04-01", "2026-06-30");

  const auto stages = pipelineByStage(s, {ada, ben, ben}, q2);
  ASSERT_EQ(stages.size(), 5u);
  EXPECT_EQ(stages[0].name, "Prospecting");
  EXPECT_EQ(stages[0].amount, 7000);
  EXPECT_EQ(stages[0].count, 1);
  EXPECT_EQ(stages[1].amount, 0);
  EXPECT_EQ(stages[3].name, "Proposal");
  EXPECT_EQ(stages[3].amount, 150000);
  EXPECT_EQ(stages[3].count, 2);
  EXPECT_EQ(stages[4].amount, 0);

  // The stages add up to the pipeline KPI of the same scope and period.
  const KpiGrid grid = computeKpis(s, {group("g", {ada, ben})}, {q2}, KpiParams{day("2026-05-01"), {}});
  std::int64_t total = 0;
  for (const auto& stage : stages) total += stage.amount;
  EXPECT_EQ(total, grid.cell(0, 0)[KpiId::Pipeline].minor);
}

TEST(PipelineByStage, EmptyScopeHasEveryStageAtZero) {
  SnapshotBuilder b;
  const auto ada = b.rep("R1");
  b.opp(ada, kProposal, 100000, "2026-01-02", "2026-04-10");
  const auto stages = pipelineByStage(b.build(), {}, period("2026-04-01", "2026-06-30"));
  ASSERT_EQ(stages.size(), 5u);
  for (const auto& stage : stages) EXPECT_EQ(stage.amount, 0);
}

}  // namespace
}  // namespace salesops::testing
