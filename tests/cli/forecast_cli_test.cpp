// `salesops-cli forecast stat --series` end to end, in-process: the output contract, --output, --backtest,
// and the exit codes of bad input (3, located on stderr) and bad usage (2).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "CliTestSupport.h"
#include "cli/Cli.h"
#include "support/TempDir.h"

namespace salesops {
namespace {

using testing::cells;
using testing::CliResult;
using testing::lines;
using testing::runCli;
using testing::TempDir;

// Two monthly series of four years each: one seasonal with a trend, one flat with noise.
std::string seriesCsv() {
  std::string text = "series_id,period,value\n";
  for (int t = 0; t < 48; ++t) {
    const std::string month =
        std::to_string(2022 + t / 12) + "-" + (t % 12 < 9 ? "0" : "") + std::to_string(t % 12 + 1);
    text += "north," + month + "," + std::to_string(100 + t + 20 * std::sin(t * 0.5236)) + "\n";
  }
  for (int t = 0; t < 48; ++t) text += "south," + std::to_string(t + 1) + "," + std::to_string(50 + (t * 7) % 5) + "\n";
  return text;
}

class ForecastCliTest : public ::testing::Test {
 protected:
  void SetUp() override { testing::writeFile(dir / "series.csv", seriesCsv()); }
  std::string series() const { return (dir / "series.csv").string(); }
  TempDir dir;
};

TEST_F(ForecastCliTest, WritesTheContractColumnsPerSeriesAndHorizon) {
  const auto r = runCli({"forecast", "stat", "--series", series(), "--horizon", "6"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_EQ(rows.size(), 1u + 2 * 6);
  EXPECT_EQ(rows[0], "series_id,horizon,forecast,lo80,hi80,lo95,hi95,method");
  EXPECT_EQ(cells(rows[1])[0], "north");
  EXPECT_EQ(cells(rows[1])[1], "1");
  EXPECT_EQ(cells(rows[12])[0], "south");
  EXPECT_EQ(cells(rows[12])[1], "6");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto c = cells(rows[i]);
    ASSERT_EQ(c.size(), 8u) << rows[i];
    const double f = std::stod(c[2]), lo80 = std::stod(c[3]), hi80 = std::stod(c[4]), lo95 = std::stod(c[5]),
                 hi95 = std::stod(c[6]);
    EXPECT_TRUE(lo95 <= lo80 && lo80 <= f && f <= hi80 && hi80 <= hi95) << rows[i];
    EXPECT_NE(c[7], "auto");  // the method actually chosen is reported
  }
}

TEST_F(ForecastCliTest, NamedMethodAndOutputFile) {
  const auto out = dir / "out.csv";
  const auto r = runCli({"forecast", "stat", "--series", series(), "--horizon", "3", "--season", "12", "--method",
                         "seasonal_naive", "--output", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto rows = lines(testing::readFile(out));
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(cells(rows[1])[7], "seasonal_naive");
}

TEST_F(ForecastCliTest, BacktestPrintsEveryMethodsScores) {
  const auto r = runCli({"forecast", "stat", "--series", series(), "--horizon", "6", "--backtest"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto rows = lines(r.out);
  ASSERT_GT(rows.size(), 2u);
  EXPECT_EQ(rows[0], "series_id,method,horizon,origins,mape,smape,wape,mase,bias,selected");
  int selected = 0;
  for (std::size_t i = 1; i < rows.size(); ++i) selected += cells(rows[i]).back() == "1";
  EXPECT_EQ(selected, 2);  // one choice per series
}

TEST_F(ForecastCliTest, BadRowIsLocatedAndExits3) {
  testing::writeFile(dir / "bad.csv", "series_id,period,value\na,2026-01,1\na,2026-02,12,5\n");
  auto r = runCli({"forecast", "stat", "--series", (dir / "bad.csv").string(), "--horizon", "2"});
  EXPECT_EQ(r.code, 3);
  testing::writeFile(dir / "bad.csv", "series_id,period,value\na,2026-01,1\na,2026-02,lots\n");
  r = runCli({"forecast", "stat", "--series", (dir / "bad.csv").string(), "--horizon", "2"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("bad.csv:3: value: \"lots\" is not a finite number"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(ForecastCliTest, UsageErrorsExit2) {
  auto r = runCli({"forecast", "stat", "--series", series(), "--horizon", "2", "--method", "arima"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown method \"arima\""), std::string::npos) << r.err;
  EXPECT_EQ(runCli({"forecast", "stat", "--series", series()}).code, 2);                    // no horizon
  EXPECT_EQ(runCli({"forecast", "stat", "--series", series(), "--horizon", "0"}).code, 2);  // out of range
  EXPECT_EQ(runCli({"forecast", "--series", series(), "--horizon", "2"}).code, 2);          // no sub-verb
}

TEST_F(ForecastCliTest, MissingFileExits3) {
  const auto r = runCli({"forecast", "stat", "--series", (dir / "none.csv").string(), "--horizon", "2"});
  EXPECT_EQ(r.code, 3) << r.err;
}

}  // namespace
}  // namespace salesops
