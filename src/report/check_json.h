#pragma once
// `cadence check`'s JSON (the design's contract), which GET /api/v1/units/{id}/compliance answers too.
#include "core/check.h"

#include <ostream>
#include <vector>

namespace cadence::report {

void write_check_json(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules);

}  // namespace cadence::report
