#include "calendars/local_date.h"

#include <date/tz.h>

namespace cadence {

std::chrono::sys_seconds day_begins(Day day, const date::time_zone& zone) {
  return std::chrono::floor<std::chrono::seconds>(zone.to_sys(day, date::choose::earliest));
}

Day local_today(std::chrono::system_clock::time_point now, const std::string& zone) {
  const date::zoned_time<std::chrono::system_clock::duration> local{zone, now};
  return date::floor<date::days>(local.get_local_time());
}

LocalDay local_day(std::chrono::system_clock::time_point now, const std::string& zone) {
  const auto* tz = date::locate_zone(zone);
  const Day day = date::floor<date::days>(tz->to_local(now));
  return {day, day_begins(day, *tz), day_begins(day + date::days{1}, *tz)};
}

}  // namespace cadence
