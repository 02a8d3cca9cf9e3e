#include "report/compliance_report.h"

#include "report/record_rows.h"

#include <algorithm>
#include <iterator>

namespace cadence::report {


Day first_day_needed(const std::vector<Rule>& rules, const CheckQuery& query) {
  Day first = query.as_of;
  for (const auto& rule : rules)
    if (auto p = period_for_check(rule, query.as_of, query.period)) first = std::min(first, p->start);
  return first;
}

CheckReport compliance_report(store::Database& db, const UnitTree& tree, const std::vector<Rule>& rules,
                              const CheckQuery& query, const WorkCalendar& calendar, const SecondConnection& second) {
  const Day first = first_day_needed(rules, query);
  // A subtree of most of the tree is read faster by date (over two connections when there are).
  const bool small_subtree = query.root && tree.subtree(*query.root).size() * 2 < tree.size();
  const auto records = small_subtree ? subtree_index(db, tree, rules, *query.root, first, query.as_of)
                                     : index_rows(tree, rules, read_rows(db, second, tree, rules, first, query.as_of));
  return check(rules, tree, records, query, calendar);
}

std::vector<Result> unit_results_over(store::Database& db, const Unit& unit, const std::vector<Rule>& rules,
                                      const Period& period, const WorkCalendar& calendar) {
  Unit alone_unit = unit;
  alone_unit.parent.clear();
  const UnitTree alone({alone_unit});
  std::vector<Period> periods;
  for (const auto kind : {PeriodKind::year, PeriodKind::half, PeriodKind::quarter, PeriodKind::month, PeriodKind::week}) {
    if (std::none_of(rules.begin(), rules.end(), [kind](const Rule& r) { return r.period == kind; })) continue;
    const auto last = period_containing(kind, period.end);
    for (auto p = previous_period(period_containing(kind, period.start)); p.start <= last.start; p = next_period(p))
      periods.push_back(p);
  }
  if (periods.empty()) return {};
  // One read of the unit's records for every check: from the earliest period asked about.
  const auto first = std::min_element(periods.begin(), periods.end())->start;
  const auto records = subtree_index(db, alone, rules, 0, first, period.end);
  std::vector<Result> out;
  for (const auto& p : periods) {
    auto report = check(rules, alone, records, CheckQuery{period.end, p, 0}, calendar);
    std::move(report.results.begin(), report.results.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace cadence::report
