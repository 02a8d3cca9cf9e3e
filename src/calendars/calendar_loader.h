#pragma once
// Loads calendars/<region>/: holidays-YYYY.toml (one State Council notice each) and
// observances.toml, into a WorkCalendar.
#include "core/diagnostic.h"
#include "core/work_calendar.h"

#include <string>

namespace cadence {

struct CalendarData {
  std::vector<HolidayNotice> notices;
  std::vector<Observance> observances;
  Diagnostics diagnostics;
  bool ok() const { return diagnostics.empty(); }
};

// `dir` is the calendars folder; `region` its sub-folder ("cn").
CalendarData load_calendar(const std::string& dir, const std::string& region = "cn");
// Same, throwing InputError on any problem.
WorkCalendar load_calendar_or_throw(const std::string& dir, const std::string& region = "cn");

}  // namespace cadence
