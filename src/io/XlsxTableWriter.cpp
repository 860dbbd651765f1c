#include "io/XlsxTableWriter.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <system_error>

#include "common/Error.h"

namespace salesops {
namespace {

constexpr int kMaxMinorDigits = 4;

struct Minor {
  std::int64_t units = 0;
  int digits = 0;
};

// "-1234.50" -> {-123450, 2}. The canonical money text of EntityReader; anything else is not money.
std::optional<Minor> parseMinor(std::string_view text) {
  Minor m;
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty()) ||
      fraction.size() > static_cast<std::size_t>(kMaxMinorDigits))
    return std::nullopt;
  for (const std::string_view part : {whole, fraction}) {
    for (const char c : part) {
      if (c < '0' || c > '9') return std::nullopt;
      if (m.units > (INT64_MAX - 9) / 10) return std::nullopt;
      m.units = m.units * 10 + (c - '0');
    }
  }
  m.digits = static_cast<int>(fraction.size());
  if (negative) m.units = -m.units;
  return m;
}

std::optional<double> parseDouble(std::string_view text) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

int digitsAt(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ". Excel dates start in 1900: earlier ones stay text.
std::optional<lxw_datetime> parseWhen(std::string_view text, bool withTime) {
  if (text.size() != (withTime ? 20u : 10u) || text[4] != '-' || text[7] != '-') return std::nullopt;
  lxw_datetime when{digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2), 0, 0, 0};
  if (withTime) {
    if (text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return std::nullopt;
    when.hour = digitsAt(text, 11, 2);
    when.min = digitsAt(text, 14, 2);
    when.sec = digitsAt(text, 17, 2);
    if (when.hour < 0 || when.min < 0 || when.sec < 0) return std::nullopt;
  }
  if (when.year < 1900 || when.month < 1 || when.month > 12 || when.day < 1 || when.day > 31) return std::nullopt;
  return when;
}

double columnWidth(const FieldSpec& field, const std::string& header) {
  double width = 14;
  switch (field.type) {
    case FieldType::Date:
    case FieldType::Currency:
    case FieldType::Bool:
    case FieldType::Integer:
    case FieldType::Percent:
      width = 11;
      break;
    case FieldType::Timestamp:
      width = 19;
      break;
    case FieldType::Money:
    case FieldType::Decimal:
      width = 15;
      break;
    default:
      if (field.name == "name" || field.name == "email" || field.name == "title") width = 30;
  }
  double headerChars = 0;
  for (const unsigned char c : header) headerChars += (c & 0xC0) != 0x80;
  return std::max(width, headerChars + 2);
}

// Excel refuses sheet names over 31 characters or holding []:*?/\.
std::string cleanSheetName(const std::string& wanted, int part) {
  std::string base;
  for (const char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (base.empty()) base = "Sheet";
  if (part <= 1) return base.substr(0, 31);
  const std::string suffix = " (" + std::to_string(part) + ")";
  return base.substr(0, 31 - suffix.size()) + suffix;
}

}  // namespace

struct XlsxTableWriter::Impl {
  std::filesystem::path target;
  std::filesystem::path partial;
  std::string sheetName;
  std::vector<const FieldSpec*> fields;
  std::vector<std::string> headers;
  std::int64_t maxRowsPerSheet = kExcelMaxDataRows;

  lxw_workbook* book = nullptr;
  lxw_worksheet* sheet = nullptr;
  int sheetCount = 0;
  std::int64_t rowsInSheet = 0;
  std::int64_t rowsWritten = 0;
  lxw_format *header = nullptr, *date = nullptr, *timestamp = nullptr, *integer = nullptr, *percent = nullptr;
  std::array<lxw_format*, kMaxMinorDigits + 1> money{};

  lxw_format* numberFormat(const char* pattern) {
    lxw_format* f = workbook_add_format(book);
    format_set_num_format(f, pattern);
    return f;
  }

  void newSheet() {
    ++sheetCount;
    const std::string name = cleanSheetName(sheetName, sheetCount);
    sheet = workbook_add_worksheet(book, name.c_str());
    if (!sheet) throw Error(ErrorKind::Internal, "cannot add the sheet \"" + name + "\" to " + target.string());
    for (lxw_col_t c = 0; c < fields.size(); ++c) {
      worksheet_set_column(sheet, c, c, columnWidth(*fields[c], headers[c]), nullptr);
      worksheet_write_string(sheet, 0, c, headers[c].c_str(), header);
    }
    worksheet_freeze_panes(sheet, 1, 0);
    rowsInSheet = 0;
  }

  void text(lxw_row_t r, lxw_col_t c, const std::string& value) {
    const lxw_error rc = worksheet_write_string(sheet, r, c, value.c_str(), nullptr);
    if (rc == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
      throw Error(ErrorKind::Data,
                  "row " + std::to_string(rowsWritten + 1) + ": the text is longer than Excel's 32,767 characters",
                  Location{target.string(), rowsWritten + 2, std::string(fields[c]->name)});
    }
  }

  void cell(lxw_row_t r, lxw_col_t c, const std::string& value) {
    if (value.empty()) return;  // an empty value is a blank cell, never 0
    const FieldSpec& field = *fields[c];
    switch (field.type) {
      case FieldType::Money:
        if (const auto m = parseMinor(value)) {
          // The one place money becomes a double: Excel stores every number as an IEEE double.
          double scale = 1;
          for (int i = 0; i < m->digits; ++i) scale *= 10;
          worksheet_write_number(sheet, r, c, static_cast<double>(m->units) / scale, money[m->digits]);
          return;
        }
        break;
      case FieldType::Percent:
        if (const auto v = parseDouble(value)) {
          worksheet_write_number(sheet, r, c, *v / 100.0, percent);
          return;
        }
        break;
      case FieldType::Integer:
        if (const auto v = parseDouble(value)) {
          worksheet_write_number(sheet, r, c, *v, integer);
          return;
        }
        break;
      case FieldType::Decimal:
        if (const auto v = parseDouble(value)) {
          worksheet_write_number(sheet, r, c, *v, nullptr);
          return;
        }
        break;
      case FieldType::Date:
      case FieldType::Timestamp:
        if (auto when = parseWhen(value, field.type == FieldType::Timestamp)) {
          worksheet_write_datetime(sheet, r, c, &*when, field.type == FieldType::Date ? date : timestamp);
          return;
        }
        break;
      case FieldType::Bool:
        if (value == "true" || value == "false") {
          worksheet_write_boolean(sheet, r, c, value == "true", nullptr);
          return;
        }
        break;
      default:
        break;
    }
    text(r, c, value);  // text fields, and any value that is not what its type promises
  }
};

XlsxTableWriter::XlsxTableWriter(const std::filesystem::path& path, std::string sheetName,
                                 std::vector<const FieldSpec*> fields, std::vector<std::string> headers,
                                 std::int64_t maxRowsPerSheet)
    : impl_(std::make_unique<Impl>()) {
  // Checked here because libxlsxwriter only notices at close, and then prints to stderr itself.
  const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw Error(ErrorKind::Workbook, "cannot write " + path.string() + ": the folder does not exist",
                Location{path.string()});
  if (fields.size() != headers.size() || fields.empty())
    throw Error(ErrorKind::Internal, "XlsxTableWriter needs one header per column");
  impl_->target = path;
  impl_->partial = path.string() + ".partial";
  impl_->sheetName = std::move(sheetName);
  impl_->fields = std::move(fields);
  impl_->headers = std::move(headers);
  impl_->maxRowsPerSheet = std::clamp<std::int64_t>(maxRowsPerSheet, 1, kExcelMaxDataRows);

  const std::string partialName = impl_->partial.string();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  impl_->book = workbook_new_opt(partialName.c_str(), &options);
  if (!impl_->book) throw Error(ErrorKind::Workbook, "cannot create " + path.string(), Location{path.string()});
  impl_->header = workbook_add_format(impl_->book);
  format_set_bold(impl_->header);
  format_set_bottom(impl_->header, LXW_BORDER_THIN);
  impl_->date = impl_->numberFormat("yyyy-mm-dd");
  impl_->timestamp = impl_->numberFormat("yyyy-mm-dd hh:mm:ss");
  impl_->integer = impl_->numberFormat("0");
  impl_->percent = impl_->numberFormat("0.00%");
  const char* moneyPatterns[] = {"#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000"};
  for (int d = 0; d <= kMaxMinorDigits; ++d)
    impl_->money[static_cast<std::size_t>(d)] = impl_->numberFormat(moneyPatterns[d]);
  impl_->newSheet();
}

XlsxTableWriter::~XlsxTableWriter() {
  if (impl_->book) {
    // Not committed (cancelled or failed): drop everything without assembling the zip.
    lxw_workbook_free(impl_->book);
    std::error_code ec;
    std::filesystem::remove(impl_->partial, ec);
  }
}

void XlsxTableWriter::row(const std::vector<std::string>& cells) {
  if (!impl_->book) throw Error(ErrorKind::Internal, "XlsxTableWriter used after commit");
  if (impl_->rowsInSheet == impl_->maxRowsPerSheet) impl_->newSheet();
  const auto r = static_cast<lxw_row_t>(impl_->rowsInSheet + 1);
  for (lxw_col_t c = 0; c < impl_->fields.size() && c < cells.size(); ++c) impl_->cell(r, c, cells[c]);
  ++impl_->rowsInSheet;
  ++impl_->rowsWritten;
}

void XlsxTableWriter::commit() {
  if (!impl_->book) throw Error(ErrorKind::Internal, "XlsxTableWriter committed twice");
  lxw_workbook* book = impl_->book;
  impl_->book = nullptr;
  const lxw_error rc = workbook_close(book);
  std::error_code ec;
  if (rc != LXW_NO_ERROR) {
    std::filesystem::remove(impl_->partial, ec);
    throw Error(ErrorKind::Workbook, "cannot write " + impl_->target.string() + ": " + lxw_strerror(rc),
                Location{impl_->target.string()});
  }
  std::filesystem::rename(impl_->partial, impl_->target, ec);
  if (ec) {
    const std::string why = ec.message();
    std::filesystem::remove(impl_->partial, ec);
    throw Error(ErrorKind::Workbook, "cannot write " + impl_->target.string() + ": " + why,
                Location{impl_->target.string()});
  }
}

int XlsxTableWriter::sheets() const noexcept { return impl_->sheetCount; }

}  // namespace salesops
