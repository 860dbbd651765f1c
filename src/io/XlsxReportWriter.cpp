#include "io/XlsxReportWriter.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/Error.h"
#include "io/CsvReportWriter.h"

namespace salesops {
namespace {

constexpr double kMaxWidth = 60;

// Excel refuses sheet names over 31 characters, with []:*?/\ or duplicated (case-insensitively).
std::string sheetName(const std::string& wanted, std::set<std::string>& used) {
  std::string base;
  for (const char c : wanted) base += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
  if (base.empty()) base = "Sheet";
  base = base.substr(0, 31);
  std::string name = base;
  for (int n = 2;; ++n) {
    std::string key = name;
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
    if (used.insert(key).second) return name;
    const std::string suffix = " (" + std::to_string(n) + ")";
    name = base.substr(0, 31 - suffix.size()) + suffix;
  }
}

// Display width in code points, so accented names do not make columns too wide.
double textWidth(const std::string& s) {
  double n = 0;
  for (const unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class Writer {
 public:
  Writer(const ReportDocument& report, const std::filesystem::path& path) : report_(report), path_(path) {
    book_ = workbook_new(path.string().c_str());
    if (!book_) throw Error(ErrorKind::Workbook, "cannot create " + path.string());
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bottom(header_, LXW_BORDER_THIN);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    title_ = workbook_add_format(book_);
    format_set_bold(title_);
    std::string money = "#,##0";
    if (report.minorDigits > 0) money += "." + std::string(static_cast<std::size_t>(report.minorDigits), '0');
    moneyFormat_ = numberFormat(money);
    ratio_ = numberFormat("0.0%");
    number_ = numberFormat("#,##0.00");
    count_ = numberFormat("#,##0");
    date_ = numberFormat("yyyy-mm-dd");
  }
  ~Writer() {
    if (book_) workbook_close(book_);  // only on an exception path: close() clears book_
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void tables() {
    for (const auto& table : report_.tables) sheet(table);
  }

  void definitions() {
    lxw_worksheet* ws = addSheet("Definitions");
    std::vector<double> widths{10, 10, 10};
    put(ws, 0, 0, report_.title, title_, widths);
    put(ws, 1, 0, report_.subtitle, nullptr, widths);
    const lxw_row_t first = 3;
    const char* headers[] = {"Name", "Value", "Description"};
    for (lxw_col_t c = 0; c < 3; ++c) put(ws, first, c, headers[c], header_, widths);
    lxw_row_t r = first + 1;
    for (const auto& d : report_.definitions) {
      put(ws, r, 0, d.name, nullptr, widths);
      put(ws, r, 1, d.value, nullptr, widths);
      put(ws, r, 2, d.description, nullptr, widths);
      ++r;
    }
    worksheet_freeze_panes(ws, first + 1, 0);
    fitColumns(ws, widths);
  }

  void close() {
    const lxw_error rc = workbook_close(book_);
    book_ = nullptr;
    if (rc != LXW_NO_ERROR)
      throw Error(ErrorKind::Workbook, "cannot write " + path_.string() + ": " + lxw_strerror(rc));
  }

 private:
  lxw_format* numberFormat(const std::string& pattern) {
    lxw_format* f = workbook_add_format(book_);
    format_set_num_format(f, pattern.c_str());
    return f;
  }

  lxw_worksheet* addSheet(const std::string& wanted) {
    const std::string name = sheetName(wanted, used_);
    lxw_worksheet* ws = workbook_add_worksheet(book_, name.c_str());
    if (!ws) throw Error(ErrorKind::Internal, "cannot add the sheet \"" + name + "\" to " + path_.string());
    return ws;
  }

  // Text and bold variants per indent level, made once: libxlsxwriter keeps every format until close.
  lxw_format* textFormat(int indent, bool bold) {
    const auto key = std::make_pair(std::min(indent, 15), bold);
    auto it = textFormats_.find(key);
    if (it != textFormats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_);
    if (key.first > 0) format_set_indent(f, static_cast<std::uint8_t>(key.first));
    if (bold) format_set_bold(f);
    return textFormats_[key] = f;
  }

  void put(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::string& text, lxw_format* f,
           std::vector<double>& widths) {
    worksheet_write_string(ws, r, c, text.c_str(), f);
    widths[c] = std::max(widths[c], textWidth(text) + 2);
  }

  void sheet(const ReportTable& table) {
    lxw_worksheet* ws = addSheet(table.name);
    std::vector<double> widths(table.columns.size(), 8);
    for (lxw_col_t c = 0; c < table.columns.size(); ++c) {
      worksheet_write_string(ws, 0, c, table.columns[c].header.c_str(), header_);
      widths[c] = std::max(widths[c], std::min(textWidth(table.columns[c].header) + 2, 24.0));
    }
    lxw_row_t r = 1;
    for (const auto& row : table.rows) {
      for (lxw_col_t c = 0; c < row.cells.size() && c < table.columns.size(); ++c)
        cell(ws, r, c, row.cells[c], c == 0 ? row.indent : 0, row.total, widths);
      ++r;
    }
    worksheet_freeze_panes(ws, 1, 0);
    fitColumns(ws, widths);
  }

  void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const ReportCell& v, int indent, bool bold,
            std::vector<double>& widths) {
    // The widest formatted text approximates the width Excel needs; thousands separators and '%' add a bit.
    const double shown = textWidth(CsvReportWriter::cellText(v, report_.minorDigits)) * 1.3 + 2 + indent * 2;
    switch (v.kind) {
      case ReportCellKind::Empty:
        return;
      case ReportCellKind::Text:
        worksheet_write_string(ws, r, c, v.text.c_str(), textFormat(indent, bold));
        break;
      case ReportCellKind::Money: {
        // The one place money becomes a double: Excel stores numbers as IEEE doubles.
        double scale = 1;
        for (int i = 0; i < report_.minorDigits; ++i) scale *= 10;
        worksheet_write_number(ws, r, c, static_cast<double>(v.minor) / scale, moneyFormat_);
        break;
      }
      case ReportCellKind::Ratio:
        worksheet_write_number(ws, r, c, v.number, ratio_);
        break;
      case ReportCellKind::Number:
        worksheet_write_number(ws, r, c, v.number, number_);
        break;
      case ReportCellKind::Count:
        worksheet_write_number(ws, r, c, v.number, count_);
        break;
      case ReportCellKind::Date: {
        lxw_datetime when{v.date.year(), v.date.month(), v.date.day(), 0, 0, 0};
        worksheet_write_datetime(ws, r, c, &when, date_);
        break;
      }
    }
    widths[c] = std::max(widths[c], shown);
  }

  void fitColumns(lxw_worksheet* ws, const std::vector<double>& widths) {
    for (lxw_col_t c = 0; c < widths.size(); ++c)
      worksheet_set_column(ws, c, c, std::min(widths[c], kMaxWidth), nullptr);
  }

  const ReportDocument& report_;
  std::filesystem::path path_;
  lxw_workbook* book_ = nullptr;
  lxw_format *header_ = nullptr, *title_ = nullptr, *moneyFormat_ = nullptr, *ratio_ = nullptr, *number_ = nullptr,
             *count_ = nullptr, *date_ = nullptr;
  std::map<std::pair<int, bool>, lxw_format*> textFormats_;
  std::set<std::string> used_;
};

}  // namespace

void XlsxReportWriter::write(const ReportDocument& report, const std::filesystem::path& path) {
  // Checked here because libxlsxwriter only notices at close, and then prints to stderr itself.
  const auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec))
    throw Error(ErrorKind::Workbook, "cannot write " + path.string() + ": no such folder");
  // Written beside the target and renamed over it, so a failed export never leaves half a file.
  const auto partial = std::filesystem::path(path.string() + ".partial");
  try {
    Writer writer(report, partial);
    writer.tables();
    writer.definitions();
    writer.close();
    std::filesystem::rename(partial, path);
  } catch (const std::filesystem::filesystem_error& e) {
    std::filesystem::remove(partial, ec);
    throw Error(ErrorKind::Workbook, "cannot write " + path.string() + ": " + e.code().message());
  } catch (...) {
    std::filesystem::remove(partial, ec);
    throw;
  }
}

}  // namespace salesops
