#pragma once
// `cadence plan`'s JSON, which GET /api/v1/units/{id}/plan answers too.
#include "core/planner.h"
#include "core/rule.h"
#include "core/unit.h"

#include <ostream>
#include <string>
#include <vector>

namespace cadence::report {

void write_plan_json(std::ostream& out, const Unit& unit, int year, const std::vector<Slot>& slots,
                     const std::vector<Rule>& rules);

// "14:30".
std::string time_text(std::chrono::minutes t);

}  // namespace cadence::report
