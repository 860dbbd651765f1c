#pragma once
// The CSV output options shared by `export`, `report` and `kpi`: --delimiter, --encoding, --line-endings,
// --for-spreadsheets and --decimal-comma, parsed into CsvWriteOptions in one place so the verbs agree.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "io/CsvWriter.h"

namespace salesops::cli {

struct CsvOutputOptions {
  std::string delimiter = ",";
  std::string encoding = "utf8";
  std::string lineEndings = "lf";
  bool forSpreadsheets = false;
  bool decimalComma = false;
  std::vector<CLI::Option*> added;  // to tell whether any was given

  // Error(Usage) naming the option for a delimiter other than ',', ';' or tab.
  CsvWriteOptions resolve() const;
  bool anyGiven() const;
};

// Adds the options to `cmd`; the returned object outlives the command's callback.
std::shared_ptr<CsvOutputOptions> addCsvOutputOptions(CLI::App& cmd);

}  // namespace salesops::cli
