#include "core/check.h"

#include <cmath>

namespace cadence {

double Rollup::rate() const {
  if (applicable == 0) return 1.0;
  int compliant = 0;
  for (std::size_t s = 0; s < kStatusCount; ++s)
    if (is_compliant(static_cast<Status>(s))) compliant += counts[s];
  // Rounded in integers first so that 2/3 prints as 0.6667 on every platform.
  const long long scaled = (static_cast<long long>(compliant) * 20000 + applicable) / (2LL * applicable);
  return static_cast<double>(scaled) / 10000.0;
}

std::optional<Period> period_for_check(const Rule& rule, Day as_of, const std::optional<Period>& requested) {
  if (requested) {
    if (requested->kind != rule.period) return std::nullopt;
    return requested;
  }
  const Period current = period_containing(rule.period, as_of);
  const bool due_after_end = rule.kind == RuleKind::deadline && rule.due && rule.due->from == DueSpec::Anchor::end;
  return due_after_end ? previous_period(current) : current;
}

CheckReport check(const std::vector<Rule>& rules, const UnitTree& tree, const RecordIndex& records,
                  const CheckQuery& query, const WorkCalendar& calendar) {
  CheckReport report{query.as_of, {}, {}};
  std::vector<std::optional<Period>> periods;
  for (const auto& rule : rules) periods.push_back(period_for_check(rule, query.as_of, query.period));

  const auto order = query.root ? tree.subtree(*query.root) : tree.preorder();
  // Per unit and rule, the statuses of its subtree, accumulated children-first.
  std::vector<std::array<int, kStatusCount>> tally(tree.size() * rules.size());
  std::vector<int> applicable(tree.size() * rules.size(), 0);

  for (auto u : order) {
    const Unit& unit = tree.at(u);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const Rule& rule = rules[r];
      if (!periods[r] || !rule.applies_to_type(unit.type)) continue;
      const auto entries = records.of(u, r);
      auto result = rule.kind == RuleKind::cadence
                        ? evaluate_cadence(rule, unit, *periods[r], entries, query.as_of, calendar)
                        : evaluate_deadline(rule, unit, *periods[r], entries, query.as_of, calendar);
      if (!result) continue;
      result->unit = u;
      result->rule = r;
      ++tally[u * rules.size() + r][static_cast<std::size_t>(result->status)];
      ++applicable[u * rules.size() + r];
      report.results.push_back(std::move(*result));
    }
  }

  // Pre-order reversed visits children before parents: fold each unit into its parent.
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const auto u = *it;
    const auto p = tree.parent(u);
    if (!p || (query.root && u == *query.root)) continue;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      auto& into = tally[*p * rules.size() + r];
      const auto& from = tally[u * rules.size() + r];
      for (std::size_t s = 0; s < kStatusCount; ++s) into[s] += from[s];
      applicable[*p * rules.size() + r] += applicable[u * rules.size() + r];
    }
  }

  for (auto u : order) {
    if (tree.children(u).empty() && !(query.root && u == *query.root)) continue;
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const auto k = u * rules.size() + r;
      if (applicable[k] == 0) continue;
      report.rollup.push_back({u, r, *periods[r], applicable[k], tally[k]});
    }
  }
  return report;
}

}  // namespace cadence
