#pragma once
// A unit's year on one line per rule, as inline SVG that needs no script: the planned dates
// (hollow), what was held (filled), what was returned (a cross), and the day judged at. Each
// mark carries a <title> for hover text, the figure a role and label for screen readers; the
// table beside it lists the same dates for readers and printers that do not draw SVG.
#include "core/day.h"
#include "report/display_text.h"

#include <string>
#include <vector>

namespace cadence::web {

struct TimelineRow {
  std::string label;  // the rule's title
  std::vector<Day> planned;
  struct Held {
    Day date;
    bool returned = false;
    std::string note;
  };
  std::vector<Held> held;
};

// REQUIRES: every date lies in `year`.
std::string year_timeline_svg(int year, const std::vector<TimelineRow>& rows, Day as_of, report::Language language);

// The planned dates and the held ones per rule, as a table.
std::string year_timeline_table(const std::vector<TimelineRow>& rows, report::Language language);

}  // namespace cadence::web
