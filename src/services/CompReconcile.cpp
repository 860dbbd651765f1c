#include "services/CompReconcile.h"

#include <map>
#include <tuple>

#include "common/Currency.h"
#include "common/Decimal.h"
#include "common/Error.h"
#include "io/CsvReader.h"
#include "io/CsvWriter.h"
#include "storage/CompStore.h"

namespace salesops {

const char* ReconcileRow::status() const noexcept {
  if (!ours) return "only_theirs";
  if (!theirs) return "only_ours";
  return *ours == *theirs ? "match" : "differs";
}

ReconcileResult reconcileLedger(Workbook& workbook, const std::filesystem::path& file) {
  ReconcileResult result;
  result.minorDigits = minorDigits(workbook.settings().currency);
  CsvReader reader(file);
  const std::string name = reader.name();
  std::vector<std::string_view> fields;
  if (!reader.next(fields)) throw Error(ErrorKind::Data, "the file is empty", Location{name, 1, ""});
  std::map<std::string, int> column;
  for (std::size_t i = 0; i < fields.size(); ++i) column[std::string(fields[i])] = static_cast<int>(i);
  for (const char* required : {"rep_id", "period_start", "period_end", "amount"}) {
    if (!column.count(required))
      throw Error(ErrorKind::Data, "required column is missing", Location{name, 1, required});
  }
  const bool byComponent = column.count("component") != 0;
  using Key = std::tuple<std::string, Period, std::string>;
  std::map<Key, ReconcileRow> rows;
  std::optional<Period> range;
  while (reader.next(fields)) {
    const std::int64_t line = reader.recordLine();
    if (reader.problem()) throw Error(ErrorKind::Data, reader.problem()->message, Location{name, line, ""});
    const auto field = [&](const char* c) {
      const auto i = static_cast<std::size_t>(column.at(c));
      return i < fields.size() ? std::string(fields[i]) : std::string();
    };
    const auto date = [&](const char* c) {
      std::string why;
      const auto d = parseDate(field(c), &why);
      if (!d) throw Error(ErrorKind::Data, why, Location{name, line, c});
      return *d;
    };
    const Period period{date("period_start"), date("period_end")};
    if (period.end < period.start)
      throw Error(ErrorKind::Data, "is before period_start", Location{name, line, "period_end"});
    std::string why;
    const auto amount = parseMoney(field("amount"), result.minorDigits, &why);
    if (!amount) throw Error(ErrorKind::Data, "\"" + field("amount") + "\": " + why, Location{name, line, "amount"});
    if (field("rep_id").empty()) throw Error(ErrorKind::Data, "is empty", Location{name, line, "rep_id"});
    ReconcileRow& row = rows[{field("rep_id"), period, byComponent ? field("component") : std::string()}];
    row.theirs = row.theirs.value_or(0) + *amount;
    range = range ? Period{std::min(range->start, period.start), std::max(range->end, period.end)} : period;
  }
  if (range) {
    for (const comp::LedgerLine& l : CompStore(workbook.db()).lines(*range)) {
      ReconcileRow& row = rows[{l.repId, l.period, byComponent ? l.component : std::string()}];
      row.ours = row.ours.value_or(0) + l.amount;
    }
  }
  for (auto& [key, row] : rows) {
    std::tie(row.repId, row.period, row.component) = key;
    const std::string status = row.status();
    result.matched += status == "match";
    result.differing += status == "differs";
    result.onlyOurs += status == "only_ours";
    result.onlyTheirs += status == "only_theirs";
    result.rows.push_back(std::move(row));
  }
  return result;
}

std::string reconcileCsv(const ReconcileResult& r) {
  std::string out;
  CsvWriter::appendRow(out,
                       {"rep_id", "period_start", "period_end", "component", "ours", "theirs", "difference", "status"});
  const auto money = [&](const std::optional<std::int64_t>& v) { return v ? formatMoney(*v, r.minorDigits) : ""; };
  for (const ReconcileRow& row : r.rows) {
    CsvWriter::appendRow(
        out,
        {row.repId, row.period.start.toString(), row.period.end.toString(), row.component, money(row.ours),
         money(row.theirs), formatMoney(row.theirs.value_or(0) - row.ours.value_or(0), r.minorDigits), row.status()});
  }
  return out;
}

}  // namespace salesops
