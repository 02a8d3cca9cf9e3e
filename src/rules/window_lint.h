#pragma once
// The checks of a rule set that need the work calendar: a plan window must hold a workday.
#include "core/diagnostic.h"
#include "core/work_calendar.h"
#include "rules/rule_loader.h"

namespace cadence {

// One diagnostic, at the window, for each rule whose plan window has no workday in a year
// the calendar has the official schedule of (a window such as 10-01…10-07 falls entirely in
// 国庆 in some years), naming those years. Years without a schedule are not checked: their
// workdays are not known yet, and the planner falls back to calendar days there.
Diagnostics lint_windows(const RuleSet& set, const WorkCalendar& calendar);

}  // namespace cadence
