#pragma once
// A time of year a rule's sessions are held in (`[rule.plan] window = ["MM-DD", "MM-DD"]`):
// the planner spreads the slots over its workdays and the compliance measures the elapsed
// fraction over it, while the period, the target and what counts stay the period's.
#include "core/period.h"

#include <optional>

namespace cadence {

struct PlanWindow {
  date::month_day first;  // inclusive
  date::month_day last;   // inclusive
  friend bool operator==(const PlanWindow&, const PlanWindow&) = default;
};

// The window's dates in the year `period` starts in, clipped to the period; nullopt when
// none of it falls inside. The rule loader admits windows on year rules only (where a
// month-day range always fits) and refuses 02-29, so clipping is only for hand-built rules.
std::optional<Period> window_in(const PlanWindow& window, const Period& period);

// Where a rule's sessions are planned and its elapsed fraction is measured: the window's part
// of the unit's active part `active` of `period`. Without a window, or when the unit is active
// on none of the window's days, the active part itself: the window cannot be kept, so the
// rule falls back to the whole time the unit has.
Period planning_span(const std::optional<PlanWindow>& window, const Period& active, const Period& period);

}  // namespace cadence
