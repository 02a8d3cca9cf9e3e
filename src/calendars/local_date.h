#pragma once
// The date on the wall calendar of a time zone: what "today" means for a unit.
#include "core/day.h"

#include <chrono>
#include <string>

namespace cadence {

// Today in `zone` (an IANA name) at `now`. Throws std::runtime_error for an unknown zone.
Day local_today(std::chrono::system_clock::time_point now, const std::string& zone);

// That day with the span of time it covers in `zone` (23, 24 or 25 hours), so that a server
// can keep using it until `ends` instead of asking the time-zone database on every request.
struct LocalDay {
  Day day;
  std::chrono::sys_seconds begins;
  std::chrono::sys_seconds ends;  // exclusive
};
LocalDay local_day(std::chrono::system_clock::time_point now, const std::string& zone);

}  // namespace cadence
