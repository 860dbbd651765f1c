#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/CliCommands.h"
#include "cli/CsvOutputOptions.h"
#include "common/Error.h"
#include "io/CsvWriter.h"
#include "kpi/KpiCatalog.h"
#include "kpi/KpiFormat.h"
#include "services/KpiService.h"
#include "storage/Workbook.h"

namespace salesops::cli {
namespace {

struct KpiOptions {
  std::string workbook;
  std::vector<std::string> periods;
  std::string by = "all";
  std::string scope;
  std::string asOf, forecastCutoff;
  std::string kpis;
  std::string format = "csv";
  std::string output;
  std::vector<std::string> definitions;  // NAME=VALUE
};

Date parseDateOption(const std::string& text, const char* option) {
  std::string why;
  const auto date = parseDate(text, &why);
  if (!date) throw Error(ErrorKind::Usage, std::string(option) + ": " + why);
  return *date;
}

// The UTC date now: the CLI is where the clock is read, so the engine stays a function of its inputs.
Date today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date{static_cast<std::int32_t>(days.time_since_epoch().count())};
}

std::vector<const KpiInfo*> selectKpis(const std::string& list) {
  std::vector<const KpiInfo*> out;
  if (list.empty()) {
    for (const auto& info : kpiCatalog()) out.push_back(&info);
    return out;
  }
  std::stringstream items(list);
  for (std::string id; std::getline(items, id, ',');) {
    const KpiInfo* info = findKpi(id);
    if (!info) throw Error(ErrorKind::Usage, "--kpis: unknown KPI \"" + id + "\" (see docs/kpis.md for the ids)");
    out.push_back(info);
  }
  return out;
}

using Table = std::vector<std::vector<std::string>>;

// scope, scope_name, period_start, period_end, currency, then one column per KPI.
constexpr std::size_t kFirstKpi = 5;

Table tableOf(const KpiReport& report, const std::vector<const KpiInfo*>& kpis) {
  Table rows;
  std::vector<std::string> header{"scope", "scope_name", "period_start", "period_end", "currency"};
  for (const KpiInfo* k : kpis) header.emplace_back(k->id);
  rows.push_back(std::move(header));
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    for (std::size_t p = 0; p < report.periods.size(); ++p) {
      const KpiGridCell& cell = report.grid.cell(g, p);
      std::vector<std::string> row{report.groups[g].id, report.groups[g].name, report.periods[p].start.toString(),
                                   report.periods[p].end.toString(), report.currency};
      for (const KpiInfo* k : kpis)
        row.push_back(formatKpiValue(cell.values[kpiIndex(*k)], k->kind, report.minorDigits));
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::string toCsv(const Table& rows, const CsvWriteOptions& options) {
  std::string out = CsvWriter::bom(options);
  std::vector<bool> figures(kFirstKpi, false);
  if (!rows.empty()) figures.resize(rows.front().size(), true);
  for (std::size_t r = 0; r < rows.size(); ++r)
    CsvWriter::appendRow(out, rows[r], options, r == 0 ? std::vector<bool>{} : figures);
  return out;
}

std::string toText(Table rows) {
  // Display width counts code points, so names with accents stay aligned; undefined shows as a dash.
  const auto width = [](const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  };
  for (auto& row : rows) {
    for (std::size_t c = kFirstKpi; c < row.size(); ++c) {
      if (row[c].empty()) row[c] = "—";
    }
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], width(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string pad(widths[c] - width(row[c]), ' ');
      line += c >= kFirstKpi ? pad + row[c] : row[c] + pad;  // figures right-aligned
      if (c + 1 < row.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + '\n';
  }
  return out;
}

std::string toJson(const KpiReport& report, const std::vector<const KpiInfo*>& kpis) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (std::size_t g = 0; g < report.groups.size(); ++g) {
    for (std::size_t p = 0; p < report.periods.size(); ++p) {
      const KpiGridCell& cell = report.grid.cell(g, p);
      nlohmann::ordered_json row;
      row["scope"] = report.groups[g].id;
      row["scope_name"] = report.groups[g].name;
      row["period_start"] = report.periods[p].start.toString();
      row["period_end"] = report.periods[p].end.toString();
      row["currency"] = report.currency;
      for (const KpiInfo* k : kpis) {
        const KpiValue& v = cell.values[kpiIndex(*k)];
        if (!v) {
          row[std::string(k->id)] = nullptr;
        } else if (k->kind == KpiValueKind::Money) {
          row[std::string(k->id)] = formatKpiValue(v, k->kind, report.minorDigits);  // exact decimal text
        } else if (k->kind == KpiValueKind::Count) {
          row[std::string(k->id)] = static_cast<std::int64_t>(v.number);
        } else {
          row[std::string(k->id)] = v.number;
        }
      }
      rows.push_back(std::move(row));
    }
  }
  return rows.dump(2) + "\n";
}

void runKpi(const KpiOptions& o, const CsvOutputOptions& csvOutput, CliStreams& streams) {
  if (csvOutput.anyGiven() && o.format != "csv")
    throw Error(ErrorKind::Usage,
                "the CSV options (--delimiter, --encoding, --line-endings, --for-spreadsheets, "
                "--decimal-comma) are for --format csv");
  const CsvWriteOptions csv = csvOutput.resolve();
  const auto by = parseKpiGrouping(o.by);
  if (!by) throw Error(ErrorKind::Usage, "--by must be all, rep, team, manager or territory, not \"" + o.by + "\"");
  const auto kpis = selectKpis(o.kpis);
  KpiRequest request;
  request.by = *by;
  request.scope = o.scope;
  for (const auto& definition : o.definitions) applyDefinition(request.choices, definition);
  if (!o.asOf.empty()) request.asOf = parseDateOption(o.asOf, "--as-of");
  if (!o.forecastCutoff.empty()) request.forecastCutoff = parseDateOption(o.forecastCutoff, "--forecast-cutoff");

  auto workbook = Workbook::open(o.workbook, Workbook::Access::ReadOnly);
  const FiscalCalendar calendar = workbook->fiscalCalendar();
  for (const auto& text : o.periods) {
    std::string why;
    const auto period = parsePeriod(text, calendar, &why);
    if (!period) throw Error(ErrorKind::Usage, "--period " + why);
    request.periods.push_back(*period);
  }
  const KpiService service(*workbook, terminalProgress(streams));
  if (streams.interactive) streams.err << "\r" << std::string(40, ' ') << "\r";
  const KpiReport report = service.compute(request, today());

  std::string text;
  if (o.format == "json") {
    text = toJson(report, kpis);
  } else {
    const Table rows = tableOf(report, kpis);
    text = o.format == "table" ? toText(rows) : toCsv(rows, csv);
  }
  writeOut(streams, o.output, text);
}

}  // namespace

void addKpiCommand(CLI::App& app, CliStreams& streams) {
  auto* cmd = app.add_subcommand("kpi", "Compute the KPIs of KPIS.md per group and period (CSV on stdout).");
  auto o = std::make_shared<KpiOptions>();
  cmd->add_option("WORKBOOK", o->workbook, "The workbook")->required();
  cmd->add_option("--period", o->periods,
                  "FY2026, FY2026-Q3, FY2026-M07, 2026-07 or 2026-07-01..2026-09-30; repeatable")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--by", o->by, "all, rep, team, manager or territory")->capture_default_str();
  cmd->add_option("--scope", o->scope, "Narrow to one rep, one manager's team (their rep id) or one team");
  cmd->add_option("--as-of", o->asOf, "As-of date for past-due share (default: the workbook's, else today)");
  cmd->add_option("--forecast-cutoff", o->forecastCutoff,
                  "Latest forecast submission date counted (default: period start)");
  cmd->add_option("--kpis", o->kpis, "Comma-separated KPI ids (default: all, in catalog order)");
  cmd->add_option("--format", o->format, "csv, table or json")
      ->check(CLI::IsMember({"csv", "table", "json"}))
      ->capture_default_str();
  cmd->add_option("--output", o->output, "Write to this file instead of stdout");
  addDefinitionOption(*cmd, o->definitions);
  auto csv = addCsvOutputOptions(*cmd);
  cmd->callback([&streams, o, csv] { runKpi(*o, *csv, streams); });
}

}  // namespace salesops::cli
