#include "core/planner.h"

#include "core/compliance.h"
#include "core/plan_window.h"

namespace cadence {

std::vector<Slot> plan_period(const Rule& rule, std::size_t rule_index, const Period& period,
                              const Period& window, int target, const std::vector<int>& quota_mins,
                              const WorkCalendar& calendar) {
  std::vector<Slot> slots;
  if (target <= 0) return slots;
  auto days = calendar.workdays_in(window.start, window.end);
  if (days.empty())
    for (Day d = window.start; d <= window.end; d += date::days{1}) days.push_back(d);
  const auto m = static_cast<int>(days.size());
  const int n = target;

  std::size_t first = 0;
  for (int k = 0; k < n; ++k) {
    Day date;
    if (m >= n) {
      const std::size_t size = static_cast<std::size_t>(m / n + (k < m % n ? 1 : 0));
      date = days[first];
      if (rule.plan.weekday)
        for (std::size_t i = first; i < first + size; ++i)
          if (date::weekday{days[i]} == *rule.plan.weekday) {
            date = days[i];
            break;
          }
      first += size;
    } else {
      date = days[static_cast<std::size_t>(k < m ? k : m - 1)];
    }
    slots.push_back({rule_index, period, k + 1, n, date, {}});
  }
  // A quota of min q marks slots ceil(j × N / q), j = 1…q: spread evenly, the last slot last.
  for (std::size_t qi = 0; qi < rule.quotas.size(); ++qi) {
    const int q = qi < quota_mins.size() ? quota_mins[qi] : rule.quotas[qi].min;
    for (int j = 1; j <= q && q > 0; ++j) {
      const int k = (j * n + q - 1) / q;
      if (k >= 1 && k <= n) slots[static_cast<std::size_t>(k - 1)].tags.push_back(rule.quotas[qi].tag);
    }
  }
  return slots;
}

std::vector<Slot> plan_unit_period(const Rule& rule, std::size_t rule_index, const Unit& unit, const Period& period,
                                   const WorkCalendar& calendar) {
  if (rule.kind != RuleKind::cadence || !rule.applies_to_type(unit.type) || !rule.effective_in(period)) return {};
  const auto active = active_part(unit, period);
  if (!active) return {};
  // The target is the active part's; the slots go into the plan window within it.
  std::vector<int> mins;
  for (const auto& q : rule.quotas) mins.push_back(scaled_target(q.min, *active, period, calendar));
  return plan_period(rule, rule_index, period, planning_span(rule.plan.window, *active, period),
                     scaled_target(rule.target, *active, period, calendar), mins, calendar);
}

std::vector<Slot> plan_unit_year(const std::vector<Rule>& rules, const Unit& unit, date::year year,
                                 const WorkCalendar& calendar) {
  std::vector<Slot> all;
  for (std::size_t r = 0; r < rules.size(); ++r)
    for (const auto& period : periods_starting_in(rules[r].period, year)) {
      auto slots = plan_unit_period(rules[r], r, unit, period, calendar);
      all.insert(all.end(), slots.begin(), slots.end());
    }
  return all;
}

}  // namespace cadence
