#pragma once
// Turns iCalendar times into the unit's local dates. Time zones are Howard Hinnant's tz
// (the system zoneinfo); a TZID that is no IANA name (Outlook writes "China Standard Time")
// falls back to the VTIMEZONE the file carries, which libical reads.
#include "core/day.h"

#include <date/tz.h>
#include <libical/ical.h>

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <string>

namespace cadence::ical {

class EventClock {
 public:
  // REQUIRES: `calendar` (for its VTIMEZONEs) outlives the clock.
  EventClock(icalcomponent* calendar, const date::time_zone* unit_zone) : calendar_(calendar), unit_zone_(unit_zone) {}

  // The instant a DATE-TIME names: UTC ("…Z"), in `tzid`, or floating (no TZID: the unit's
  // zone). nullopt when `tzid` is neither an IANA zone nor defined by a VTIMEZONE.
  std::optional<date::sys_seconds> instant(const icaltimetype& time, const std::string& tzid);
  // The unit's local date of a DATE (as it is) or a DATE-TIME; nullopt as for instant().
  std::optional<Day> local_day(const icaltimetype& time, const std::string& tzid);
  // `instant` as a wall-clock time in `tzid` (floating when `tzid` is empty), for comparing
  // with times written in that zone.
  std::optional<icaltimetype> wall_time(date::sys_seconds instant, const std::string& tzid);

 private:
  const date::time_zone* iana_zone(const std::string& tzid);

  icalcomponent* calendar_;
  const date::time_zone* unit_zone_;
  std::map<std::string, const date::time_zone*> zones_;
};

// The TZID parameter of a property, or "".
std::string tzid_of(icalproperty* property);

}  // namespace cadence::ical
