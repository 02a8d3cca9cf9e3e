#include "rules/window_lint.h"

#include "core/plan_window.h"

#include <set>

namespace cadence {

namespace {

std::string month_day_text(date::month_day md) {
  const auto two = [](unsigned n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(static_cast<unsigned>(md.month())) + "-" + two(static_cast<unsigned>(md.day()));
}

// The years of the calendar's notices whose year period holds none of the window's workdays.
std::vector<int> years_without_workday(const PlanWindow& window, const WorkCalendar& calendar) {
  std::set<int> years;
  for (const auto& notice : calendar.notices()) years.insert(notice.year);
  std::vector<int> empty;
  for (int y : years) {
    if (!calendar.has_schedule(date::year{y})) continue;
    const auto dates = window_in(window, periods_starting_in(PeriodKind::year, date::year{y}).front());
    if (dates && calendar.workdays(dates->start, dates->end) == 0) empty.push_back(y);
  }
  return empty;
}

}  // namespace

Diagnostics lint_windows(const RuleSet& set, const WorkCalendar& calendar) {
  Diagnostics out;
  for (const auto& [index, site] : set.windows) {
    const auto& window = *set.rules.at(index).plan.window;
    const auto years = years_without_workday(window, calendar);
    if (years.empty()) continue;
    std::string list;
    for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
    Diagnostic d = site;
    d.message = "plan: 'window' " + month_day_text(window.first) + "…" + month_day_text(window.last) +
                " has no workday in " + list + " (holidays only): widen it so the sessions can be planned on a workday";
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace cadence
