#include "calendars/local_date.h"

#include <date/tz.h>

namespace cadence {

Day local_today(std::chrono::system_clock::time_point now, const std::string& zone) {
  const date::zoned_time<std::chrono::system_clock::duration> local{zone, now};
  return Day{date::floor<date::days>(local.get_local_time()).time_since_epoch()};
}

LocalDay local_day(std::chrono::system_clock::time_point now, const std::string& zone) {
  const auto* tz = date::locate_zone(zone);
  const auto day = date::floor<date::days>(tz->to_local(now));
  // Where midnight is skipped (DST at 00:00) the day starts when the gap ends; where it comes
  // twice, at the first one.
  const auto start = [&](date::local_days d) {
    return std::chrono::floor<std::chrono::seconds>(tz->to_sys(d, date::choose::earliest));
  };
  return {Day{day.time_since_epoch()}, start(day), start(day + date::days{1})};
}

}  // namespace cadence
