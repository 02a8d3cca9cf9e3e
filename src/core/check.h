#pragma once
// `cadence check`: which period each rule is judged in, every applicable (unit, rule), and
// the roll-up of statuses over each unit's subtree.
#include "core/compliance.h"
#include "core/record_index.h"
#include "core/rule.h"
#include "core/unit_tree.h"
#include "core/work_calendar.h"

#include <optional>
#include <vector>

namespace cadence {

struct CheckQuery {
  Day as_of;
  std::optional<Period> period;     // --period: only rules of that kind, in that period
  std::optional<std::size_t> root;  // --unit: that unit and its subtree
};

struct Rollup {
  std::size_t unit = 0;
  std::size_t rule = 0;
  Period period;
  int applicable = 0;
  std::array<int, kStatusCount> counts{};
  // Compliant share, rounded to 4 decimals; 1 when nothing applies.
  double rate() const;
};

struct CheckReport {
  Day as_of;
  std::vector<Result> results;  // in unit pre-order, then rule order
  std::vector<Rollup> rollup;   // for the root and every unit with children, in pre-order
};

// The period a rule is judged in for a check as of `as_of`: the period containing it, but for
// deadlines due after their period ends, the latest period that ended before it (the report
// being written now). With `requested`, that period for rules of its kind, else nullopt.
std::optional<Period> period_for_check(const Rule& rule, Day as_of, const std::optional<Period>& requested);

CheckReport check(const std::vector<Rule>& rules, const UnitTree& tree, const RecordIndex& records,
                  const CheckQuery& query, const WorkCalendar& calendar);

}  // namespace cadence
