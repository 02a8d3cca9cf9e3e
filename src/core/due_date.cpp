#include "core/due_date.h"

namespace cadence {

std::optional<Day> due_date(const DueSpec& due, const Period& period, const WorkCalendar& calendar) {
  const bool from_end = due.from == DueSpec::Anchor::end;
  if (due.days) return (from_end ? period.end : period.start) + date::days{*due.days};
  const int n = due.workdays.value_or(0);
  if (from_end)
    return n == 0 ? calendar.last_workday_on_or_before(period.end) : calendar.nth_workday_after(period.end, n);
  return calendar.nth_workday_from(period.start, n);
}

}  // namespace cadence
