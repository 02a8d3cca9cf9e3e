#pragma once
// `cadence check` output: JSON for programs (the design's contract), a table for people.
#include "core/check.h"

#include <ostream>

namespace cadence::cli {

void write_check_json(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules);
void write_check_table(std::ostream& out, const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                       bool colour);

// The Chinese label of a status, for people.
std::string_view status_label(Status status);

}  // namespace cadence::cli
