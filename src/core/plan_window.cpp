#include "core/plan_window.h"

#include <algorithm>

namespace cadence {

namespace {

// A month-day of `year`; 02-29 outside a leap year is the month's last day.
Day on(date::year year, date::month_day md) {
  const date::year_month_day ymd{year, md.month(), md.day()};
  if (ymd.ok()) return Day{ymd};
  return Day{year / md.month() / date::last};
}

}  // namespace

std::optional<Period> window_in(const PlanWindow& window, const Period& period) {
  const auto year = date::year_month_day{period.start}.year();
  Period part = period;
  part.start = std::max(period.start, on(year, window.first));
  part.end = std::min(period.end, on(year, window.last));
  if (part.end < part.start) return std::nullopt;
  return part;
}

Period planning_span(const std::optional<PlanWindow>& window, const Period& active, const Period& period) {
  if (!window) return active;
  const auto dates = window_in(*window, period);
  if (!dates) return active;
  Period span = active;
  span.start = std::max(active.start, dates->start);
  span.end = std::min(active.end, dates->end);
  if (span.end < span.start) return active;
  return span;
}

}  // namespace cadence
