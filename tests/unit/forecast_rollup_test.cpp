// The roll-up worked by hand on a small hierarchy: R0 (VP) manages R1 (manager) and R4; R1 manages R2 and
// R3. Money in cents of USD.
#include <gtest/gtest.h>

#include "forecast/Rollup.h"
#include "kpi_test_support.h"

namespace salesops::testing {
namespace {

using forecast::Adjustment;
using forecast::Category;
using forecast::Layer;
using forecast::View;

constexpr auto kClosed = static_cast<std::size_t>(View::Closed);
constexpr auto kCommit = static_cast<std::size_t>(View::Commit);
constexpr auto kBest = static_cast<std::size_t>(View::BestCase);
constexpr auto kPipe = static_cast<std::size_t>(View::Pipeline);

struct SmallHierarchy {
  SnapshotBuilder b;
  std::vector<Category> categories;
  std::int32_t vp, m, a, bRep, c;

  SmallHierarchy() {
    vp = b.rep("R0");
    m = b.rep("R1", vp);
    a = b.rep("R2", m);
    bRep = b.rep("R3", m);
    c = b.rep("R4", vp);
    deal(a, kWon, 100000, "2026-04-10", Category::Closed);
    deal(a, kNegotiation, 50000, "2026-05-15", Category::Commit);
    deal(a, kProposal, 30000, "2026-06-01", Category::BestCase);
    deal(a, kProspecting, 20000, "2026-06-20", Category::Pipeline);
    deal(a, kProposal, 99900, "2026-05-01", Category::Omitted);    // left out of every view
    deal(a, kLost, 70000, "2026-05-01", Category::Commit);         // lost: nowhere
    deal(a, kNegotiation, 40000, "2026-07-05", Category::Commit);  // next quarter
    const auto shared = deal(bRep, kWon, 200000, "2026-05-20", Category::Closed);
    b.split(shared, bRep, 5000);
    b.split(shared, c, 5000);
    deal(bRep, kNegotiation, 25000, "2026-06-10", Category::Closed);  // open but marked closed: a commit
    deal(m, kProposal, 10000, "2026-06-15", Category::BestCase);
    const auto third = deal(c, kQualification, 33333, "2026-05-05", Category::Pipeline);
    b.split(third, c, 6667);
    b.split(third, a, 3333);
    b.quota(a, "2026-04-01", "2026-06-30", 300000);
    b.quota(bRep, "2026-01-01", "2026-12-31", 1200000);
  }

  std::int32_t deal(std::int32_t owner, Stage stage, std::int64_t amount, const std::string& close, Category cat) {
    categories.push_back(cat);
    return b.opp(owner, stage, amount, "2026-01-15", close);
  }
};

TEST(ForecastRollup, SumsCumulativeViewsUpTheHierarchy) {
  SmallHierarchy h;
  const auto snapshot = h.b.build();
  const auto r = forecast::computeRollup(snapshot, h.categories, kQ2, {});
  ASSERT_EQ(r.nodes.size(), 5u);
  // Depth-first, reports ordered by rep id: R0, R1, R2, R3, R4.
  EXPECT_EQ(r.nodes[0].rep, h.vp);
  EXPECT_EQ(r.nodes[1].rep, h.m);
  EXPECT_EQ(r.nodes[2].rep, h.a);
  EXPECT_EQ(r.nodes[3].rep, h.bRep);
  EXPECT_EQ(r.nodes[4].rep, h.c);
  EXPECT_EQ(r.nodes[4].parent, 0);
  EXPECT_EQ(r.nodes[2].depth, 2);

  const auto& a = r.nodes[r.nodeOfRep[h.a]];
  // closed 1000.00; commit = closed + 500.00; best = commit + 300.00;
  // pipeline = 500 + 300 + 200 + 33333 × 33.33 % = 100000 + 11109.8889 cents -> 111109.8889 -> 111110
  EXPECT_EQ(a.own[kClosed], 100000);
  EXPECT_EQ(a.own[kCommit], 150000);
  EXPECT_EQ(a.own[kBest], 180000);
  EXPECT_EQ(a.own[kPipe], 111110);
  const auto& bNode = r.nodes[r.nodeOfRep[h.bRep]];
  // half of 2000.00 won; the open deal marked "closed" counts as commit and in the open pipeline
  EXPECT_EQ(bNode.own[kClosed], 100000);
  EXPECT_EQ(bNode.own[kCommit], 125000);
  EXPECT_EQ(bNode.own[kBest], 125000);
  EXPECT_EQ(bNode.own[kPipe], 25000);
  const auto& c = r.nodes[r.nodeOfRep[h.c]];
  EXPECT_EQ(c.own[kClosed], 100000);
  EXPECT_EQ(c.own[kPipe], 22223);  // 33333 × 66.67 % = 22223.1111
  const auto& m = r.nodes[1];
  EXPECT_EQ(m.own[kBest], 10000);
  // M's team: closed 1000 + 1000; commit 1500 + 1250; best 1800 + 1250 + 100; pipeline 111109.8889 + 25000 + 10000
  EXPECT_EQ(m.raw[kClosed], 200000);
  EXPECT_EQ(m.raw[kCommit], 275000);
  EXPECT_EQ(m.raw[kBest], 315000);
  EXPECT_EQ(m.raw[kPipe], 146110);
  // Everyone: + R4; pipeline 146109.8889 + 22223.1111 = 168333 exactly (summed before rounding)
  EXPECT_EQ(r.nodes[0].raw[kClosed], 300000);
  EXPECT_EQ(r.nodes[0].raw[kCommit], 375000);
  EXPECT_EQ(r.nodes[0].raw[kBest], 415000);
  EXPECT_EQ(r.nodes[0].raw[kPipe], 168333);
  EXPECT_EQ(r.nodes[0].adjusted, r.nodes[0].raw);  // nothing adjusted
  // Quota: R2 3000.00 in full; R3 12000.00 × 91 / 365 days = 2991.7808 -> M's team 5991.7808 -> 599178
  EXPECT_EQ(a.quota, 300000);
  EXPECT_EQ(bNode.quota, 299178);
  EXPECT_EQ(m.quota, 599178);
}

TEST(ForecastRollup, ManagerAdjustmentWinsAndRollsUpWhileRawStays) {
  SmallHierarchy h;
  const auto snapshot = h.b.build();
  std::vector<Adjustment> adjustments{
      {h.a, View::Commit, Layer::Owner, 160000, "ann", at("2026-05-01T10:00:00Z"), "big renewal"},
      {h.a, View::Commit, Layer::Manager, 140000, "max", at("2026-05-02T10:00:00Z"), "renewal at risk"},
      {h.m, View::BestCase, Layer::Manager, 300000, "vic", at("2026-05-03T10:00:00Z"), "trim upside"},
      {h.bRep, View::Pipeline, Layer::Owner, 50000, "bob", at("2026-05-01T10:00:00Z"), "new deal"},
      {h.bRep, View::Pipeline, Layer::Owner, std::nullopt, "bob", at("2026-05-04T10:00:00Z"), "withdrawn"},
  };
  const auto r = forecast::computeRollup(snapshot, h.categories, kQ2, adjustments);
  const auto& a = r.nodes[2];
  EXPECT_EQ(a.raw[kCommit], 150000);  // the unadjusted number stays
  EXPECT_EQ(a.adjusted[kCommit], 140000);
  ASSERT_TRUE(a.adjustment[kCommit]);
  EXPECT_EQ(a.adjustment[kCommit]->author, "max");
  // M's commit: own 0 + R2 adjusted 1400 + R3 1250 = 2650.00; best case set to 3000.00 by its manager
  EXPECT_EQ(r.nodes[1].adjusted[kCommit], 265000);
  EXPECT_EQ(r.nodes[1].adjusted[kBest], 300000);
  EXPECT_EQ(r.nodes[1].raw[kBest], 315000);
  // Everyone: commit 2650 + R4 1000 = 3650.00; best 3000 + 1000 = 4000.00
  EXPECT_EQ(r.nodes[0].adjusted[kCommit], 365000);
  EXPECT_EQ(r.nodes[0].adjusted[kBest], 400000);
  // R3's pipeline adjustment was withdrawn: back to the raw 250.00
  EXPECT_EQ(r.nodes[3].adjusted[kPipe], 25000);
  EXPECT_FALSE(r.nodes[3].adjustment[kPipe]);
}

TEST(ForecastRollup, SubmissionsOfATeamSumToItsManagersCall) {
  SmallHierarchy h;
  const auto snapshot = h.b.build();
  std::vector<Adjustment> adjustments{
      {h.m, View::BestCase, Layer::Manager, 300000, "vic", at("2026-05-03T10:00:00Z"), "trim upside"}};
  const auto r = forecast::computeRollup(snapshot, h.categories, kQ2, adjustments);
  // M's own best-case call: 3000.00 − (R2 1800.00 + R3 1250.00) = −50.00
  EXPECT_EQ(forecast::submissionAmounts(r, 1)[kBest], -5000);
  EXPECT_EQ(forecast::submissionAmounts(r, 2)[kBest], 180000);
  for (std::size_t v = 1; v < forecast::kViewCount; ++v) {
    std::int64_t sum = 0;
    for (std::int32_t n = 0; n < 5; ++n) sum += forecast::submissionAmounts(r, n)[v];
    EXPECT_EQ(sum, r.nodes[0].adjusted[v]) << "view " << v;
  }
}

TEST(ForecastRollup, AManagerCycleIsCutAtTheSmallestId) {
  SnapshotBuilder b;
  const auto x = b.rep("X");
  const auto y = b.rep("Y", x);
  b.opp(y, kWon, 500, "2026-01-01", "2026-05-01");
  KpiSnapshot s = b.build();
  s.reps.manager[x] = y;  // X -> Y -> X
  const auto r = forecast::computeRollup(s, {Category::Closed}, kQ2, {});
  ASSERT_EQ(r.nodes.size(), 2u);
  EXPECT_EQ(r.nodes[0].rep, x);
  EXPECT_EQ(r.nodes[0].parent, kNoIndex);
  EXPECT_EQ(r.nodes[0].raw[kClosed], 500);
}

TEST(ForecastRollup, CategoryNamesRoundTrip) {
  EXPECT_EQ(forecast::parseCategory(""), Category::Pipeline);
  EXPECT_EQ(forecast::parseCategory("best_case"), Category::BestCase);
  EXPECT_FALSE(forecast::parseCategory("maybe"));
  for (std::size_t v = 0; v < forecast::kViewCount; ++v) {
    EXPECT_EQ(forecast::parseView(forecast::viewName(static_cast<View>(v))), static_cast<View>(v));
  }
}

}  // namespace
}  // namespace salesops::testing
