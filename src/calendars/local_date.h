#pragma once
// The date on the wall calendar of a time zone: what "today" means for a unit.
#include "core/day.h"

#include <chrono>
#include <string>

namespace cadence {

// Today in `zone` (an IANA name) at `now`. Throws std::runtime_error for an unknown zone.
Day local_today(std::chrono::system_clock::time_point now, const std::string& zone);

}  // namespace cadence
