#pragma once
// Ownership of libical components: the tree owns what is added to it, so only the root is
// freed, and a component is released from its unique_ptr when it is added to a parent.
#include "ical/content_lines.h"

#include <libical/ical.h>

#include <memory>
#include <string>

namespace cadence::ical {

struct ComponentFree {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// The component's iCalendar text (CRLF line ends), folded by refold rather than by libical.
inline std::string to_text(icalcomponent* c) {
  // The plain variant returns a ring buffer libical reuses; the _r one is ours to free.
  char* text = icalcomponent_as_ical_string_r(c);
  std::string result = refold(text ? text : "");
  free(text);
  return result;
}

}  // namespace cadence::ical
