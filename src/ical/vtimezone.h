#pragma once
// VTIMEZONE components built from the system time zone database (tz.h), in the simple shape
// Outlook reads correctly: one STANDARD (and one DAYLIGHT) with a yearly RRULE, never RDATEs.
#include "core/day.h"
#include "ical/ical_ptr.h"

#include <string>

namespace cadence::ical {

// The zone as observed from `from` on: a zone without transitions in [from, from + 3 years]
// is one STANDARD component with its current offset. Throws std::runtime_error for an
// unknown zone.
Component make_vtimezone(const std::string& zone, Day from);

}  // namespace cadence::ical
