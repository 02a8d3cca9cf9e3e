#pragma once
// When a deadline rule's deliverable for a period is due.
#include "core/period.h"
#include "core/rule.h"
#include "core/work_calendar.h"

#include <optional>

namespace cadence {

// nullopt when the calendar cannot find the workday (no workday for years on end).
std::optional<Day> due_date(const DueSpec& due, const Period& period, const WorkCalendar& calendar);

}  // namespace cadence
