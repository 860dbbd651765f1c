#include "services/CompService.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/Currency.h"
#include "common/Error.h"
#include "common/Logging.h"
#include "comp/CompPlanParser.h"
#include "comp/CreditIndex.h"
#include "storage/KpiSnapshotLoader.h"

namespace salesops {
namespace {

std::string utcNowText() {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return Timestamp{seconds.time_since_epoch().count()}.toString();
}

bool overlaps(const Period& a, const Period& b) { return a.start <= b.end && b.start <= a.end; }

}  // namespace

CompService::CompService(Workbook& workbook) : workbook_(workbook) {}

int CompService::minorDigits() { return salesops::minorDigits(workbook_.settings().currency); }

Date CompService::asOf(Date today) { return workbook_.settings().asOf.value_or(today); }

std::vector<StoredPlan> CompService::plans() { return CompStore(workbook_.db()).plans(); }

std::vector<StoredAssignment> CompService::assignments() { return CompStore(workbook_.db()).assignments(); }

comp::CompPlan CompService::plan(const std::string& planId, std::optional<Date> day) {
  // Like CompData::planOn: of the versions in force, the latest starting one.
  const StoredPlan* newest = nullptr;
  const StoredPlan* inForce = nullptr;
  const auto all = plans();
  for (const StoredPlan& p : all) {
    if (p.planId != planId) continue;
    if (!newest || newest->effectiveFrom < p.effectiveFrom) newest = &p;
    const bool covers = day && p.effectiveFrom <= *day && (!p.effectiveTo || *day <= *p.effectiveTo);
    if (covers && (!inForce || inForce->effectiveFrom < p.effectiveFrom)) inForce = &p;
  }
  const StoredPlan* chosen = inForce ? inForce : newest;
  if (!chosen) throw Error(ErrorKind::Data, "no plan \"" + planId + "\" in the workbook (see `comp plans`)");
  return comp::parseCompPlan(chosen->json, "plans/" + planId + ".json", minorDigits());
}

comp::CompPlan CompService::importPlan(const std::string& json, const std::string& source) {
  comp::CompPlan parsed = comp::parseCompPlan(json, source, minorDigits());
  Transaction transaction(workbook_.db());
  const WriteOutcome outcome =
      CompStore(workbook_.db()).savePlan({parsed.planId, parsed.effectiveFrom, parsed.effectiveTo, parsed.name, json});
  if (outcome != WriteOutcome::Unchanged) {
    workbook_.audit("comp plan", "comp_plan",
                    parsed.planId + " from " + parsed.effectiveFrom.toString() +
                        (outcome == WriteOutcome::Inserted ? " added" : " replaced"));
  }
  transaction.commit();
  return parsed;
}

void CompService::assign(const StoredAssignment& assignment) {
  if (assignment.to && *assignment.to < assignment.from) {
    throw Error(ErrorKind::Usage,
                "--to " + assignment.to->toString() + " is before --from " + assignment.from.toString());
  }
  plan(assignment.planId);  // the plan must exist
  Transaction transaction(workbook_.db());
  CompStore(workbook_.db()).saveAssignment(assignment);
  workbook_.audit("comp assign", "comp_assignment",
                  assignment.repId + " on " + assignment.planId + " from " + assignment.from.toString());
  transaction.commit();
}

std::unique_ptr<CompInputs> CompService::loadInputs(const LongTask& task) {
  auto inputs = std::make_unique<CompInputs>();
  inputs->snapshot = loadBookingsSnapshot(workbook_, task);
  inputs->calendar = workbook_.fiscalCalendar();
  inputs->currency = workbook_.settings().currency;
  CompStore store(workbook_.db());
  task.report("Loading deals", 0, 0);
  DealFacts facts = store.dealFacts();
  comp::CompData& d = inputs->data;
  d.snapshot = &inputs->snapshot;
  d.minorDigits = salesops::minorDigits(inputs->currency);
  d.opportunityIds = std::move(facts.ids);
  d.attributeValues = std::move(facts.values);
  d.type = std::move(facts.type);
  d.leadSource = std::move(facts.leadSource);
  for (const StoredPlan& p : store.plans()) {
    d.plans.push_back(comp::parseCompPlan(p.json, "plans/" + p.planId + ".json", d.minorDigits));
  }
  std::unordered_map<std::string, std::int32_t> repIndex;
  for (std::size_t r = 0; r < inputs->snapshot.reps.size(); ++r)
    repIndex.emplace(inputs->snapshot.reps.id[r], static_cast<std::int32_t>(r));
  for (const StoredAssignment& a : store.assignments()) {
    const auto it = repIndex.find(a.repId);
    if (it != repIndex.end()) d.assignments.push_back({it->second, a.planId, a.from, a.to});
  }
  return inputs;
}

comp::PayoutResult CompService::compute(CompInputs& inputs, const Period& period, Date today, const LongTask& task) {
  CompStore store(workbook_.db());
  comp::PayoutRequest request;
  request.fiscalYear = inputs.calendar.fiscalYearOf(period.end);
  request.through = period.end;
  request.asOf = asOf(today);
  const Period year = inputs.calendar.year(request.fiscalYear);
  for (const StoredPeriod& p : store.periods()) {
    if (p.status == PeriodStatus::Locked && overlaps(p.period, year)) request.lockedPeriods.push_back(p.period);
  }
  if (!request.lockedPeriods.empty()) {
    if (inputs.data.lostDay.empty()) inputs.data.lostDay = store.lostDays();
    std::unordered_map<std::string, std::int32_t> repIndex;
    for (std::size_t r = 0; r < inputs.snapshot.reps.size(); ++r)
      repIndex.emplace(inputs.snapshot.reps.id[r], static_cast<std::int32_t>(r));
    const std::set<Period> locked(request.lockedPeriods.begin(), request.lockedPeriods.end());
    for (comp::LedgerLine& l : store.lines(year)) {
      if (!locked.count(l.period)) continue;
      const auto it = repIndex.find(l.repId);
      l.rep = it == repIndex.end() ? -1 : it->second;
      request.lockedLines.push_back(std::move(l));
    }
  }
  return comp::computePayouts(inputs.data, inputs.calendar, request, task);
}

PayoutOutcome CompService::payout(const Period& period, Date today, const LongTask& task) {
  const auto inputs = loadInputs(task);
  comp::PayoutResult result = compute(*inputs, period, today, task);
  task.checkCancelled();
  {
    task.report("Saving the ledger", 0, 0);
    Transaction transaction(workbook_.db());
    CompStore store(workbook_.db());
    std::map<Period, std::vector<comp::LedgerLine>> byPeriod;
    for (const Period& p : result.openPeriods) byPeriod[p];
    for (comp::LedgerLine& l : result.lines) byPeriod[l.period].push_back(std::move(l));
    const std::string at = utcNowText();
    std::size_t lines = 0;
    for (const auto& [p, periodLines] : byPeriod) {
      store.replaceLines(p, periodLines);
      store.setStatus(p, PeriodStatus::Processed, at);
      lines += periodLines.size();
    }
    workbook_.audit("comp payout", "comp_ledger_line",
                    "processed " + std::to_string(byPeriod.size()) + " payout period(s) through " +
                        period.end.toString() + ": " + std::to_string(lines) + " line(s)");
    transaction.commit();
  }
  PayoutOutcome out;
  out.requested = period;
  out.notes = std::move(result.notes);
  out.currency = inputs->currency;
  out.minorDigits = inputs->data.minorDigits;
  CompStore store(workbook_.db());
  out.lines = store.lines(period);
  for (const StoredPeriod& p : store.periods()) {
    if (overlaps(p.period, period)) out.periods.push_back(p);
  }
  return out;
}

std::vector<Period> CompService::lock(const Period& period, Date today, const LongTask& task) {
  payout(period, today, task);
  CompStore store(workbook_.db());
  std::vector<Period> locked;
  Transaction transaction(workbook_.db());
  const std::string at = utcNowText();
  for (const StoredPeriod& p : store.periods()) {
    if (p.period.start < period.start || p.period.end > period.end) continue;
    if (p.status != PeriodStatus::Locked) store.setStatus(p.period, PeriodStatus::Locked, at);
    locked.push_back(p.period);
  }
  if (locked.empty()) {
    throw Error(ErrorKind::Usage, "no payout period lies wholly inside " + period.toString() +
                                      " (plans pay by month or quarter: lock a whole one)");
  }
  std::string names;
  for (const Period& p : locked) names += (names.empty() ? "" : ", ") + p.toString();
  workbook_.audit("comp lock", "comp_period", names);
  transaction.commit();
  return locked;
}

PayoutOutcome CompService::statement(const std::string& repId, const Period& period, Date today, const LongTask& task) {
  const auto name = CompStore(workbook_.db()).repName(repId);
  if (!name) throw Error(ErrorKind::Data, "rep \"" + repId + "\" is not in the workbook");
  PayoutOutcome out = payout(period, today, task);
  out.repId = repId;
  out.repName = *name;
  std::erase_if(out.lines, [&](const comp::LedgerLine& l) { return l.repId != repId; });
  return out;
}

PlanCostOutcome CompService::cost(const Period& scope, Date today, const LongTask& task) {
  const FiscalCalendar calendar = workbook_.fiscalCalendar();
  const int fiscalYear = calendar.fiscalYearOf(scope.end);
  if (calendar.fiscalYearOf(scope.start) != fiscalYear) {
    throw Error(ErrorKind::Usage, "--period " + scope.toString() + " spans two fiscal years: ask for one at a time");
  }
  const auto inputs = loadInputs(task);
  comp::PayoutResult result = compute(*inputs, scope, today, task);
  task.checkCancelled();
  CompStore store(workbook_.db());
  std::set<Period> locked;
  for (const StoredPeriod& p : store.periods()) {
    if (p.status == PeriodStatus::Locked) locked.insert(p.period);
  }
  for (comp::LedgerLine& l : store.lines(scope)) {
    if (locked.count(l.period)) result.lines.push_back(std::move(l));
  }
  PlanCostOutcome out;
  out.report = comp::buildPlanCost(scope, result.attainment, result.lines, inputs->snapshot.reps.id);
  out.currency = inputs->currency;
  out.minorDigits = inputs->data.minorDigits;
  out.notes = std::move(result.notes);
  return out;
}

WhatIfResult CompService::whatIf(const comp::CompPlan& candidate, int fiscalYear, Date today, const LongTask& task) {
  auto inputs = loadInputs(task);
  WhatIfResult out;
  out.year = inputs->calendar.year(fiscalYear);
  out.planId = candidate.planId;
  out.minorDigits = inputs->data.minorDigits;
  comp::PayoutRequest request;
  request.fiscalYear = fiscalYear;
  request.through = out.year.end;
  request.asOf = asOf(today);
  std::set<std::int32_t> reps;
  for (const comp::Assignment& a : inputs->data.assignments) {
    const bool overlaps = a.from <= out.year.end && (!a.to || out.year.start <= *a.to);
    if (a.planId == candidate.planId && overlaps) reps.insert(a.rep);
  }
  if (reps.empty()) {
    throw Error(ErrorKind::Data, "no rep is assigned to plan \"" + candidate.planId + "\" during " +
                                     out.year.toString() + ": nothing to replay");
  }
  request.onlyReps.assign(reps.begin(), reps.end());
  const auto totals = [&](const comp::PayoutResult& result) {
    std::map<std::int32_t, std::int64_t> byRep;
    for (const comp::LedgerLine& l : result.lines) {
      if (l.planId == candidate.planId) byRep[l.rep] += l.amount;
    }
    return byRep;
  };
  const comp::PayoutResult currentRun = comp::computePayouts(inputs->data, inputs->calendar, request, task);
  const auto current = totals(currentRun);
  std::map<std::int32_t, std::pair<__int128, std::int64_t>> measured;  // bookings4, quota on the plan
  for (const comp::PeriodAttainment& a : currentRun.attainment) {
    if (a.planId != candidate.planId) continue;
    measured[a.rep].first += a.bookings4;
    measured[a.rep].second += a.quota;
  }
  comp::CompPlan replay = candidate;
  replay.effectiveFrom = out.year.start;
  replay.effectiveTo.reset();
  std::erase_if(inputs->data.plans, [&](const comp::CompPlan& p) { return p.planId == candidate.planId; });
  inputs->data.plans.push_back(std::move(replay));
  const auto proposed = totals(comp::computePayouts(inputs->data, inputs->calendar, request, task));
  const comp::CreditIndex credits(inputs->snapshot);
  for (const std::int32_t rep : reps) {
    WhatIfRow row;
    row.repId = inputs->snapshot.reps.id[static_cast<std::size_t>(rep)];
    if (const auto it = current.find(rep); it != current.end()) row.current = it->second;
    if (const auto it = proposed.find(rep); it != proposed.end()) row.candidate = it->second;
    if (const auto it = measured.find(rep); it != measured.end()) std::tie(row.bookings4, row.quota) = it->second;
    out.currentTotal += row.current;
    out.candidateTotal += row.candidate;
    out.bookings4 += credits.bookings4(rep, out.year);
    out.rows.push_back(std::move(row));
  }
  std::sort(out.rows.begin(), out.rows.end(), [](const WhatIfRow& a, const WhatIfRow& b) { return a.repId < b.repId; });
  return out;
}

std::vector<CurvePoint> CompService::curve(const comp::CompPlan& plan, std::int64_t quota, int steps,
                                           std::int64_t maxMicro) {
  std::vector<CurvePoint> points;
  for (int i = 0; i <= steps; ++i) {
    const std::int64_t a = maxMicro * i / steps;
    points.push_back({a, comp::curvePayout(plan, quota, a)});
  }
  return points;
}

}  // namespace salesops
