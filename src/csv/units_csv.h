#pragma once
// units.csv: id,parent,name,type,secretary_email,admin_emails,timezone[,active_from,active_until]
#include "core/unit.h"

#include <string>
#include <vector>

namespace cadence {

// Parses and checks every row; throws InputError listing each bad row's line and field.
// The hierarchy (parents, cycles) is checked by the caller against the stored units too.
std::vector<Unit> parse_units_csv(const std::string& file, std::string_view text);

}  // namespace cadence
