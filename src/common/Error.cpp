#include "common/Error.h"

namespace salesops {

std::string formatProblem(const Location& where, const std::string& message) {
  std::string text;
  if (!where.file.empty()) {
    text += where.file;
    if (where.line > 0) text += ":" + std::to_string(where.line);
    text += ": ";
  }
  if (!where.column.empty()) text += where.column + ": ";
  text += message;
  return text;
}

Error::Error(ErrorKind kind, const std::string& message, Location where)
    : std::runtime_error(formatProblem(where, message)), kind_(kind), where_(std::move(where)), message_(message) {}

std::string Error::describe() const { return what(); }

}  // namespace salesops
