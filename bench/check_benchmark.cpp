// The compliance computation for a whole province in memory: 100,000 units, 10 rules, a year
// of records. Target (issue 2): under 0.5 s on the 2-core machine.
#include "calendars/calendar_loader.h"
#include "core/check.h"
#include "core/planner.h"
#include "rules/rule_loader.h"
#include "synthetic_province.h"

#include <benchmark/benchmark.h>

#include <unordered_map>

namespace {

using namespace cadence;

using bench::province;

void BM_CheckWholeProvince(benchmark::State& state) {
  const auto& p = province(static_cast<std::size_t>(state.range(0)));
  const CheckQuery query{Day{date::year{2026} / 11 / 20}, std::nullopt, std::nullopt};
  std::size_t results = 0;
  for (auto _ : state) {
    const auto report = check(p.rules, p.tree, *p.records, query, p.calendar);
    results = report.results.size();
    benchmark::DoNotOptimize(report.rollup.data());
  }
  state.counters["units"] = static_cast<double>(p.tree.size());
  state.counters["records"] = static_cast<double>(p.records->size());
  state.counters["results"] = static_cast<double>(results);
}
BENCHMARK(BM_CheckWholeProvince)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_PlanOneUnitYear(benchmark::State& state) {
  const auto& p = province(10000);
  for (auto _ : state) benchmark::DoNotOptimize(plan_unit_year(p.rules, p.tree.at(5000), date::year{2026}, p.calendar));
}
BENCHMARK(BM_PlanOneUnitYear)->Unit(benchmark::kMicrosecond);

void BM_WorkdaysInAYear(benchmark::State& state) {
  const auto& cal = province(10000).calendar;
  const Day a{date::year{2026} / 1 / 1}, b{date::year{2026} / 12 / 31};
  for (auto _ : state) benchmark::DoNotOptimize(cal.workdays(a, b));
}
BENCHMARK(BM_WorkdaysInAYear);

}  // namespace

BENCHMARK_MAIN();
