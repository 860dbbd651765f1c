#pragma once
// Typed errors of the core. Core code throws salesops::Error at clear boundaries; the CLI maps the
// kind to an exit code (CLI.md) and the GUI to a message box. Nothing in the core prints.
#include <cstdint>
#include <stdexcept>
#include <string>

namespace salesops {

enum class ErrorKind {
  Internal = 1,   // a bug: exit code 1
  Usage = 2,      // bad command line, bad period text
  Data = 3,       // validation failed; nothing was changed
  Workbook = 4,   // cannot open/create, newer schema, locked, not a workbook, disk full
  Cancelled = 5,  // the user cancelled a long operation; nothing was changed
};

// Where a problem is: a file (or workbook path), a 1-based line counting the header, a column name.
struct Location {
  std::string file;
  std::int64_t line = 0;
  std::string column;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message, Location where = {});

  ErrorKind kind() const noexcept { return kind_; }
  const Location& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }

  // "file:line: column: message", leaving out the parts that are empty.
  std::string describe() const;

 private:
  ErrorKind kind_;
  Location where_;
  std::string message_;
};

// "file:line: column: message" for any location, the one format of every reported problem.
std::string formatProblem(const Location& where, const std::string& message);

}  // namespace salesops
