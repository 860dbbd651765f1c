#include "io/CsvWriter.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/Error.h"

namespace salesops {

namespace {

constexpr std::size_t kBufferBytes = 1u << 20;

std::string reason(int err) {
  switch (err) {
    case ENOSPC:
    case EDQUOT:
      return "disk full";
    case EROFS:
      return "read-only";
    case EACCES:
    case EPERM:
      return "permission denied";
    case ENOENT:
    case ENOTDIR:
      return "the folder does not exist";
    default:
      return std::strerror(err);
  }
}

bool startsFormula(std::string_view value) {
  if (value.empty()) return false;
  const char c = value.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// -?digits[.digits]: the canonical text of money, percentages, counts and rates.
bool plainNumber(std::string_view value) {
  std::size_t i = !value.empty() && value.front() == '-' ? 1 : 0;
  const std::size_t digitsFrom = i;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
  if (i == digitsFrom) return false;
  if (i == value.size()) return true;
  if (value[i] != '.') return false;
  const std::size_t fractionFrom = ++i;
  while (i < value.size() && value[i] >= '0' && value[i] <= '9') ++i;
  return i == value.size() && i > fractionFrom;
}

}  // namespace

struct CsvWriter::Impl {
  std::filesystem::path target;
  std::filesystem::path temp;
  CsvWriteOptions options;
  int fd = -1;
  bool committed = false;
  std::string buffer;
  std::size_t rowFields = 0;
  bool rowLastEmpty = false;

  [[noreturn]] void fail(int err) const {
    throw Error(ErrorKind::Workbook, "cannot write " + target.string() + ": " + reason(err), Location{target.string()});
  }

  void flush() {
    std::size_t done = 0;
    while (done < buffer.size()) {
      const ssize_t n = ::write(fd, buffer.data() + done, buffer.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(errno);
      }
      done += static_cast<std::size_t>(n);
    }
    buffer.clear();
  }

  void requireOpen() const {
    if (fd < 0) throw Error(ErrorKind::Internal, "CsvWriter used after commit", Location{target.string()});
  }
};

CsvWriter::CsvWriter(const std::filesystem::path& path, CsvWriteOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->target = path;
  impl_->temp = path;
  impl_->temp += ".tmp-" + std::to_string(::getpid());
  impl_->options = options;
  impl_->fd = ::open(impl_->temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (impl_->fd < 0) impl_->fail(errno);
  impl_->buffer.reserve(kBufferBytes + 4096);
  if (options.bom) impl_->buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter() {
  if (impl_->fd >= 0) ::close(impl_->fd);
  if (!impl_->committed) ::unlink(impl_->temp.c_str());
}

void CsvWriter::field(std::string_view value) {
  impl_->requireOpen();
  if (impl_->rowFields > 0) impl_->buffer.push_back(impl_->options.delimiter);
  appendField(impl_->buffer, value, impl_->options);
  ++impl_->rowFields;
  impl_->rowLastEmpty = value.empty();
  if (impl_->buffer.size() >= kBufferBytes) impl_->flush();
}

void CsvWriter::numberField(std::string_view value) {
  impl_->requireOpen();
  if (impl_->rowFields > 0) impl_->buffer.push_back(impl_->options.delimiter);
  appendNumberField(impl_->buffer, value, impl_->options);
  ++impl_->rowFields;
  impl_->rowLastEmpty = value.empty();
  if (impl_->buffer.size() >= kBufferBytes) impl_->flush();
}

void CsvWriter::endRow() {
  impl_->requireOpen();
  // A lone empty field would be a blank line, which readers skip; quoting keeps the row.
  if (impl_->rowFields == 1 && impl_->rowLastEmpty) impl_->buffer.append("\"\"");
  impl_->buffer.append(impl_->options.crlf ? "\r\n" : "\n");
  impl_->rowFields = 0;
  if (impl_->buffer.size() >= kBufferBytes) impl_->flush();
}

void CsvWriter::row(const std::vector<std::string_view>& values) {
  for (const std::string_view value : values) field(value);
  endRow();
}

void CsvWriter::commit() {
  impl_->requireOpen();
  impl_->flush();
  // fsync before rename: otherwise a crash can leave the new name pointing at empty data.
  if (::fsync(impl_->fd) != 0) impl_->fail(errno);
  const int fd = impl_->fd;
  impl_->fd = -1;
  if (::close(fd) != 0) impl_->fail(errno);
  if (::rename(impl_->temp.c_str(), impl_->target.c_str()) != 0) impl_->fail(errno);
  impl_->committed = true;
  // Best effort: makes the rename itself durable; some file systems refuse fsync on folders.
  std::filesystem::path folder = impl_->target.parent_path();
  if (folder.empty()) folder = ".";
  const int dirFd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirFd >= 0) {
    ::fsync(dirFd);
    ::close(dirFd);
  }
}

void CsvWriter::appendField(std::string& out, std::string_view value, const CsvWriteOptions& options) {
  const bool prefix = options.neutralizeFormulas && startsFormula(value);
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  if (!quote) {
    for (const char c : value) {
      if (c == options.delimiter || c == '"' || c == '\r' || c == '\n') {
        quote = true;
        break;
      }
    }
  }
  if (!quote) {
    if (prefix) out.push_back('\'');
    out.append(value);
    return;
  }
  out.push_back('"');
  if (prefix) out.push_back('\'');
  std::size_t from = 0;
  for (std::size_t at = value.find('"'); at != std::string_view::npos; at = value.find('"', from)) {
    out.append(value.substr(from, at + 1 - from));
    out.push_back('"');
    from = at + 1;
  }
  out.append(value.substr(from));
  out.push_back('"');
}

void CsvWriter::appendNumberField(std::string& out, std::string_view value, const CsvWriteOptions& options) {
  if (!plainNumber(value)) {
    appendField(out, value, options);
    return;
  }
  if (!options.decimalComma) {
    // Only a ',' delimiter with decimalComma needs quotes; a plain number never does otherwise.
    out.append(value);
    return;
  }
  std::string comma(value);
  for (char& c : comma) {
    if (c == '.') c = ',';
  }
  CsvWriteOptions plain = options;
  plain.neutralizeFormulas = false;
  appendField(out, comma, plain);
}

void CsvWriter::appendRow(std::string& out, const std::vector<std::string>& row, const CsvWriteOptions& options,
                          const std::vector<bool>& numericColumns) {
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (c > 0) out += options.delimiter;
    if (c < numericColumns.size() && numericColumns[c]) {
      appendNumberField(out, row[c], options);
    } else {
      appendField(out, row[c], options);
    }
  }
  // A record of one empty field would be a blank line, which readers skip.
  if (row.size() == 1 && row[0].empty()) out += "\"\"";
  out += options.crlf ? "\r\n" : "\n";
}

}  // namespace salesops
