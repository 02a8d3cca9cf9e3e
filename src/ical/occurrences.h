#pragma once
// When a VEVENT happened: its DTSTART, or for a recurring one each occurrence of its RRULE and
// RDATEs, less its EXDATEs and the occurrences another VEVENT (RECURRENCE-ID) moved or
// cancelled. Expanded with libical's recurrence iterator; dates are the unit's local dates.
#include "core/day.h"
#include "ical/event_clock.h"

#include <libical/ical.h>

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cadence::ical {

// The occurrences replaced by a VEVENT of their own: (UID, instant) pairs.
using Overrides = std::set<std::pair<std::string, std::int64_t>>;
Overrides collect_overrides(const std::vector<icalcomponent*>& events, EventClock& clock);

struct OccurrenceDays {
  std::vector<Day> days;  // in order; at most one after `as_of`, the first
  std::string problem;    // set when they cannot be computed
  bool in_rrule = false;  // the problem is the RRULE's own
};

// Expansion stops at the first occurrence after `as_of`, or after kMaxOccurrences. A rule more
// often than daily (SECONDLY, MINUTELY, HOURLY) with a day filter is a problem, not expanded.
OccurrenceDays occurrence_days(icalcomponent* event, EventClock& clock, Day as_of, const Overrides& overrides);
inline constexpr int kMaxOccurrences = 10000;

std::string unknown_zone_message(const std::string& tzid);

}  // namespace cadence::ical
