#pragma once
// The workbook sub-verbs of `salesops-cli forecast WORKBOOK …` (the verb itself is in ForecastCommand.cpp).
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/Cli.h"
#include "common/Date.h"
#include "common/Period.h"
#include "io/SeriesCsv.h"

namespace salesops::cli {

// rollup, adjust, submit, trend.
void addForecastRollupCommands(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams);
// pipeline.
void addForecastPipelineCommand(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams);
// backtest.
void addForecastBacktestCommand(CLI::App& forecast, std::shared_ptr<std::string> workbook, CliStreams& streams);

// Shared helpers of the sub-verbs.
const std::string& requireWorkbook(const std::shared_ptr<std::string>& workbook);
void writeTable(const CsvTable& rows, const std::string& output, CliStreams& streams);

}  // namespace salesops::cli
