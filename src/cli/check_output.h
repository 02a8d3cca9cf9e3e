#pragma once
// `cadence check` output for people (the JSON for programs is report/check_json.h).
#include "core/check.h"

#include <ostream>

namespace cadence::cli {

void write_check_table(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                       bool colour);

// The Chinese label of a status, for people.
std::string_view status_label(Status status);

}  // namespace cadence::cli
