#pragma once
// The date on the wall calendar of a time zone: what "today" means for a unit.
#include "core/day.h"

#include <chrono>
#include <string>

namespace date {
class time_zone;
}

namespace cadence {

// The one conversion of a local date to a UTC instant: when `day` begins on the wall clocks of
// `zone`. Where midnight is skipped (DST at 00:00) the day starts when the gap ends; where it
// comes twice, at the first one.
std::chrono::sys_seconds day_begins(Day day, const date::time_zone& zone);

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
