#pragma once
// iCalendar text into libical's component tree, in time linear in the text's size.
#include "ical/ical_ptr.h"

#include <string_view>

namespace cadence::ical {

// What icalparser_parse_string returns (null for no component; several top-level ones under
// an XROOT). REQUIRES: no NUL byte in `text` (libical reads C strings; scan_ics refuses them).
Component parse_text(std::string_view text);

}  // namespace cadence::ical
