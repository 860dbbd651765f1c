#include "cli/CsvOutputOptions.h"

#include "common/Error.h"

namespace salesops::cli {

CsvWriteOptions CsvOutputOptions::resolve() const {
  CsvWriteOptions options;
  if (delimiter == "," || delimiter == ";") {
    options.delimiter = delimiter[0];
  } else if (delimiter == "tab" || delimiter == "\t") {
    options.delimiter = '\t';
  } else {
    throw Error(ErrorKind::Usage, "--delimiter must be ',', ';' or tab, not \"" + delimiter + "\"");
  }
  options.bom = encoding == "utf8-bom";
  options.crlf = lineEndings == "crlf";
  options.neutralizeFormulas = forSpreadsheets;
  options.decimalComma = decimalComma;
  return options;
}

bool CsvOutputOptions::anyGiven() const {
  for (const CLI::Option* option : added) {
    if (option->count() > 0) return true;
  }
  return false;
}

std::shared_ptr<CsvOutputOptions> addCsvOutputOptions(CLI::App& cmd) {
  auto o = std::make_shared<CsvOutputOptions>();
  o->added.push_back(cmd.add_option("--delimiter", o->delimiter, "CSV: ',' (default), ';' or tab"));
  o->added.push_back(cmd.add_option("--encoding", o->encoding, "CSV: utf8 (default) or utf8-bom (what Excel expects)")
                         ->check(CLI::IsMember({"utf8", "utf8-bom"})));
  o->added.push_back(cmd.add_option("--line-endings", o->lineEndings, "CSV: lf (default) or crlf")
                         ->check(CLI::IsMember({"lf", "crlf"})));
  o->added.push_back(cmd.add_flag("--for-spreadsheets", o->forSpreadsheets,
                                  "CSV: prefix ' to text cells starting with = + - @ tab or CR so a spreadsheet "
                                  "cannot run them as formulas; numbers stay numbers. Such a file is for "
                                  "reading, not for importing back: the prefix becomes part of the value"));
  o->added.push_back(cmd.add_flag("--decimal-comma", o->decimalComma,
                                  "CSV: write figures with ',' as the decimal mark (use with --delimiter ';')"));
  return o;
}

}  // namespace salesops::cli
