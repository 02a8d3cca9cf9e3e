#pragma once
// Suggested dates for a cadence rule's sessions, spread over the workdays of a period.
#include "core/period.h"
#include "core/rule.h"
#include "core/unit.h"
#include "core/work_calendar.h"

#include <string>
#include <vector>

namespace cadence {

struct Slot {
  std::size_t rule = 0;  // index into the rule list
  Period period;
  int index = 0;  // 1-based: "the k-th of N"
  int of = 0;     // N
  Day date;
  std::vector<std::string> tags;  // quota tags this slot is suggested to carry
};

// N slots over the workdays of `window` (design.md, Planning). With no workday in the
// window its calendar days are used instead.
std::vector<Slot> plan_period(const Rule& rule, std::size_t rule_index, const Period& period,
                              const Period& window, int target, const std::vector<int>& quota_mins,
                              const WorkCalendar& calendar);

// The slots of one cadence rule for one unit in one period, with the target scaled to the
// unit's active part, over the rule's plan window within that part (planning_span); none
// when the rule does not apply there.
std::vector<Slot> plan_unit_period(const Rule& rule, std::size_t rule_index, const Unit& unit, const Period& period,
                                   const WorkCalendar& calendar);

// Slots of every cadence rule that applies to the unit, for the periods starting in `year`,
// as plan_unit_period gives them.
std::vector<Slot> plan_unit_year(const std::vector<Rule>& rules, const Unit& unit, date::year year,
                                 const WorkCalendar& calendar);

// Slot k is done when the unit has at least k records in the period.
inline bool slot_done(const Slot& slot, int records_in_period) { return records_in_period >= slot.index; }

}  // namespace cadence
