#pragma once
// A province-sized organisation for benchmarks: 1 root, 100 counties, 1,000 townships and
// branches up to `units` in all, with a year of records for bench/rules/bench.toml
// (about 60 a unit: ~6 million for 100,000 units). Deterministic.
#include "core/record.h"
#include "core/rule.h"
#include "core/unit.h"
#include "core/work_calendar.h"

#include <functional>
#include <random>
#include <vector>

namespace cadence::bench {

inline std::vector<Unit> synthetic_units(std::size_t count) {
  std::vector<Unit> units;
  units.reserve(count);
  auto add = [&](std::string id, std::string parent, std::string type) {
    Unit u;
    u.id = std::move(id);
    u.parent = std::move(parent);
    u.name = u.id;
    u.type = std::move(type);
    units.push_back(std::move(u));
  };
  add("p", "", "committee");
  for (int c = 0; c < 100; ++c) add("c" + std::to_string(c), "p", "committee");
  for (int t = 0; t < 1000; ++t) add("t" + std::to_string(t), "c" + std::to_string(t % 100), "committee");
  for (std::size_t b = 0; units.size() < count; ++b) add("b" + std::to_string(b), "t" + std::to_string(b % 1000), "branch");
  return units;
}

// Calls `emit` for every record of `year` (a record per scheduled session, 95% of them held).
inline void synthetic_records(const std::vector<Unit>& units, const std::vector<Rule>& rules, int year,
                              const WorkCalendar& calendar, const std::function<void(const Record&)>& emit) {
  std::mt19937 rng(42);
  const auto workdays = calendar.workdays_in(Day{date::year{year} / 1 / 1}, Day{date::year{year} / 12 / 31});
  Record r;
  for (const auto& u : units) {
    r.unit = u.id;
    for (const auto& rule : rules) {
      if (!rule.applies_to_type(u.type)) continue;
      r.rule = rule.id;
      const int per_year = rule.kind == RuleKind::deadline ? 2
                           : rule.period == PeriodKind::month ? 12 * rule.target
                           : rule.period == PeriodKind::quarter ? 4 * rule.target
                           : rule.period == PeriodKind::half ? 2 * rule.target
                                                              : rule.target;
      for (int k = 0; k < per_year; ++k) {
        if (rng() % 100 >= 95) continue;
        const auto slot = workdays.size() * static_cast<std::size_t>(k) / static_cast<std::size_t>(per_year);
        r.date = workdays[slot + rng() % (workdays.size() / static_cast<std::size_t>(per_year))];
        r.tags = {};
        r.period.reset();
        if (rule.kind == RuleKind::deadline) {
          r.period = period_containing(PeriodKind::half, r.date);
        } else {
          for (const auto& q : rule.quotas)
            if (rng() % static_cast<unsigned>(per_year) < static_cast<unsigned>(q.min)) r.tags.insert(q.tag);
        }
        emit(r);
      }
    }
  }
}

}  // namespace cadence::bench
