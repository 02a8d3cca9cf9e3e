#pragma once
// Loads calendars/<region>/: holidays-YYYY.toml (one State Council notice each) and
// observances.toml, into a WorkCalendar. A year from 2025 on without a notice file, whose 除夕,
// 清明, 端午 and 中秋 observances.toml has, gets a provisional schedule (provisional_schedule.h).
#include "core/diagnostic.h"
#include "core/work_calendar.h"

#include <string>

namespace cadence {

struct CalendarData {
  std::vector<HolidayNotice> notices;  // the files' by year, then the provisional ones
  std::vector<Observance> observances;
  Diagnostics diagnostics;
  bool ok() const { return diagnostics.empty(); }
};

// `dir` is the calendars folder; `region` its sub-folder ("cn").
CalendarData load_calendar(const std::string& dir, const std::string& region = "cn");
// Same, throwing InputError on any problem.
WorkCalendar load_calendar_or_throw(const std::string& dir, const std::string& region = "cn");

}  // namespace cadence
