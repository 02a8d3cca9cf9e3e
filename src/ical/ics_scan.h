#pragma once
// The light structural check libical does not do: it accepts garbage silently and reports no
// line numbers, so before handing a file to it we walk its content lines once.
#include <string>
#include <string_view>
#include <vector>

namespace cadence::ical {

// Where a VEVENT directly inside a VCALENDAR is: its BEGIN's physical line and its first
// RRULE's (0 when it has none), so a rule's problem names the line to fix.
struct EventLines {
  int begin = 0;
  int rrule = 0;
};

// The lines of each such VEVENT, in file order — the order libical returns them in. Throws InputError with `file:line` for: no BEGIN:VCALENDAR
// first, a line without ':', a control character other than tab, BEGIN/END that do not pair up, a VEVENT without DTSTART, and a
// DTSTART that is not a DATE or DATE-TIME.
std::vector<EventLines> scan_ics(const std::string& file, std::string_view text);

// True when `value` is YYYYMMDD or YYYYMMDDTHHMMSS[Z] with a real date and time of day.
bool is_ical_date_or_date_time(std::string_view value);

}  // namespace cadence::ical
